#!/usr/bin/env bash
# npm run test:wordpress — starts the real WordPress (up.sh), builds the library and the plugin zip,
# runs the integration tests in Chromium (integration.mjs), stops WordPress (down.sh), and exits with
# the tests' code.
#   IIGP_SKIP_BUILD=1   reuse dist/ (for .ci/run right after `npm test`, which builds)
#   IIGP_KEEP_UP=1      leave WordPress running afterwards (then: test/wordpress/down.sh)
#   run.sh <regexp>     run only the tests whose names match
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# State (database, config, uploads, pids) lives outside the repository, so no tool crawls it.
state="${IIGP_WP_DIR:-${TMPDIR:-/tmp}/iigp-wordpress-$(printf '%s' "$repo" | md5sum | cut -c1-8)}"
export IIGP_WP_DIR="$state" # the same state folder for up.sh, integration.mjs and down.sh
cd "$repo"

# Stop only if this run started WordPress (a WordPress someone left up stays up).
started=0
[ -f "$state/php.pid" ] && kill -0 "$(cat "$state/php.pid")" 2>/dev/null || started=1
finish() {
  if [ "$started" = 1 ] && [ "${IIGP_KEEP_UP:-0}" != 1 ]; then "$here/down.sh"; fi
}
trap finish EXIT

t0=$(date +%s)
"$here/up.sh" >/dev/null || { echo "test:wordpress: up.sh failed" >&2; exit 1; }
echo "[wordpress] up in $(( $(date +%s) - t0 )) s" >&2

if [ "${IIGP_SKIP_BUILD:-0}" != 1 ]; then
  npm run build >"$state/build.log" 2>&1 || { tail -30 "$state/build.log" >&2; echo "test:wordpress: npm run build failed" >&2; exit 1; }
fi
node scripts/build-plugin.mjs || { echo "test:wordpress: build-plugin failed" >&2; exit 1; }
# Snapshot the build: the tests (router.php, integration.mjs) read <state>/dist when it exists.
rm -rf "$state/dist" && cp -R dist "$state/dist"

node "$here/integration.mjs" "$@"
code=$?
exit $code
