# Sourced by up.sh, down.sh and run.sh: which WordPress, where its state lives, which port.
#   IIGP_WP_VERSION  6.1 (default: Debian 12's package on MariaDB) or 6.8 (Debian 13's package on SQLite)
#   IIGP_WP_DIR      state folder (default $TMPDIR/iigp-wordpress-<hash of the repository path>, with
#                    "-6.8" before the hash for 6.8); lib.mjs computes the same default
#   WP_PORT          port of this WordPress (default 8881 for 6.1, 8891 for 6.8; the tests' second
#                    origin uses WP_PORT + 1)
#   IIGP_WP_CACHE    where the 6.8 core is unpacked once (default ${XDG_CACHE_HOME:-~/.cache}/iigp-wordpress)
# Sets: here repo version state port url cache, and the functions log and alive.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="${IIGP_WP_VERSION:-6.1}"
repo_hash="$(printf '%s' "$repo" | md5sum | cut -c1-8)"
case "$version" in
  6.1) default_state="${TMPDIR:-/tmp}/iigp-wordpress-$repo_hash"; default_port=8881 ;;
  6.8) default_state="${TMPDIR:-/tmp}/iigp-wordpress-6.8-$repo_hash"; default_port=8891 ;;
  *) printf '[wordpress] IIGP_WP_VERSION must be 6.1 or 6.8, not "%s"\n' "$version" >&2; exit 2 ;;
esac
# State (database, config, uploads, pids) lives outside the repository, so no tool crawls it.
state="${IIGP_WP_DIR:-$default_state}"
port="${WP_PORT:-$default_port}"
url="http://127.0.0.1:$port"
cache="${IIGP_WP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/iigp-wordpress}"
log() { printf '[wordpress %s] %s\n' "$version" "$*" >&2; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
