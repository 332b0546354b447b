#!/usr/bin/env bash
# Stops what up.sh started (by the pids it wrote), nothing else. `down.sh --purge` also deletes the
# state folder (database, uploads, config), so the next up.sh installs and seeds from scratch; the
# unpacked 6.8 core stays in its cache folder.
# Environment: IIGP_WP_VERSION and IIGP_WP_DIR as for up.sh (see common.sh).
set -uo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

stop() { # stop <pidfile> <name> [group]: with "group", the process group up.sh gave it (setsid)
  local file="$state/$1" pid target
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  target="$pid"
  # Only a group that pid leads (php -S forks workers into it).
  if [ "${3:-}" = group ] && [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ]; then target="-$pid"; fi
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "stopping $2 ($pid)"
    kill -TERM -- "$target" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 -- "$target" 2>/dev/null || break; sleep 0.5; done
    kill -0 -- "$target" 2>/dev/null && { log "$2 did not stop; killing $target"; kill -KILL -- "$target" 2>/dev/null; }
  fi
  rm -f "$file"
}
stop php.pid 'php -S' group
stop mysqld.pid 'MariaDB'
if [ "${1:-}" = "--purge" ] && [ -d "$state" ]; then
  log "removing $state"
  rm -rf "$state"
fi
