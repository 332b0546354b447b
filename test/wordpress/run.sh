#!/usr/bin/env bash
# npm run test:wordpress — the integration tests against real WordPress, on both lines, one after the other:
# 6.1 (Debian 12's package, MariaDB) and 6.8 (Debian 13's package, SQLite). Builds the library and the plugin
# zip once; then for each version starts WordPress (up.sh), runs integration.mjs and every *.suite.mjs in
# this folder (in name order) in Chromium, and stops WordPress again (down.sh). Exits 1 if any script failed
# on any version.
#   IIGP_WP_VERSION=6.1|6.8   run one version only (default: both)
#   WP_PORT                   port of 6.1 (default 8881); 6.8 uses WP_PORT_68 (default WP_PORT + 10);
#                             the second origin of each is its port + 1
#   IIGP_WP_DIR, IIGP_WP_DIR_68  state folders (defaults: see common.sh)
#   IIGP_SKIP_BUILD=1         reuse dist/ (for .ci/run right after `npm test`, which builds)
#   IIGP_KEEP_UP=1            leave WordPress running afterwards (then: test/wordpress/down.sh)
#   run.sh <regexp>           run only the tests whose names match
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
t0=$(date +%s)
versions="${IIGP_WP_VERSION:-6.1 6.8}"
base_port="${WP_PORT:-8881}"

if [ "${IIGP_SKIP_BUILD:-0}" != 1 ]; then
  log_dir="${TMPDIR:-/tmp}"
  npm run build >"$log_dir/iigp-wordpress-build.log" 2>&1 || { tail -30 "$log_dir/iigp-wordpress-build.log" >&2; echo "test:wordpress: npm run build failed" >&2; exit 1; }
fi
node scripts/build-plugin.mjs >/dev/null || { echo "test:wordpress: build-plugin failed" >&2; exit 1; }

scripts=("$here/integration.mjs")
for suite in "$here"/*.suite.mjs; do [ -f "$suite" ] && scripts+=("$suite"); done

results="$(mktemp)"
failed=0
for version in $versions; do
  (
    export IIGP_WP_VERSION="$version"
    if [ "$version" = 6.1 ]; then
      export WP_PORT="$base_port"
    else
      export WP_PORT="${WP_PORT_68:-$((base_port + 10))}"
      if [ -n "${IIGP_WP_DIR_68:-}" ]; then export IIGP_WP_DIR="$IIGP_WP_DIR_68"
      elif [ -n "${IIGP_WP_DIR:-}" ]; then export IIGP_WP_DIR="$IIGP_WP_DIR-$version"; fi
    fi
    source "$here/common.sh" # state, for this version
    export IIGP_WP_DIR="$state" # the same state folder for up.sh, the scripts and down.sh
    # Stop only if this run started WordPress (a WordPress someone left up stays up).
    started=0
    alive "$state/php.pid" || started=1
    finish() { if [ "$started" = 1 ] && [ "${IIGP_KEEP_UP:-0}" != 1 ]; then "$here/down.sh"; fi; }
    trap finish EXIT
    v0=$(date +%s)
    "$here/up.sh" >/dev/null || { echo "test:wordpress: up.sh failed for WordPress $version" >&2; echo "$version up.sh 0 1" >>"$results"; exit 1; }
    log "up in $(( $(date +%s) - v0 )) s"
    # Snapshot the build: the tests (router.php, lib.mjs) read <state>/dist when it exists.
    rm -rf "$state/dist" && cp -R dist "$state/dist"
    code=0
    for script in "${scripts[@]}"; do
      name="$(basename "$script")"
      echo
      node "$script" "$@" | tee "$state/$name.log"
      [ "${PIPESTATUS[0]}" = 0 ] || code=1
      counts="$(sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p' "$state/$name.log" | tail -1)"
      [ -n "$counts" ] || { counts="0 1"; code=1; echo "test:wordpress: $name printed no \"N passed, N failed\"" >&2; }
      echo "$version $name $counts" >>"$results"
    done
    log "up and tested in $(( $(date +%s) - v0 )) s"
    exit $code
  ) || failed=1
done

echo
total=0
while read -r v name passed failures; do
  echo "WordPress $v  $name: $passed passed, $failures failed"
  total=$((total + passed + failures))
done <"$results"
rm -f "$results"
if [ "$total" = 0 ]; then echo "test:wordpress: no test ran${1:+ (filter: $1)}"; failed=1; fi
echo "test:wordpress: $([ $failed = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - t0 )) s"
exit $failed
