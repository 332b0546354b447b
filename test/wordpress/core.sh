#!/usr/bin/env bash
# Prepares the current WordPress line for up.sh (IIGP_WP_VERSION=6.8), once, in a cache folder outside the
# repository, and prints the paths up.sh needs (KEY=path lines):
#   CORE    WordPress from Debian 13 ("trixie"): the `wordpress` package with the libjs-*/libphp-*/php-getid3
#           files it links to, the Twenty Twenty-Five theme, and Twenty Twenty-One (no longer packaged in
#           trixie: taken from Debian 12's package, which WordPress 6.8 runs unchanged)
#   SQLITE  the SQLite Database Integration plugin, as shipped inside the @wp-playground/cli npm package
# The packages come from the Debian mirror this machine already uses, through a private apt configuration
# (its own sources list, lists, cache and an empty dpkg status): nothing is installed, the system's apt
# state and locks are untouched. Later runs reuse the cache (no network); IIGP_WP_REFRESH=1 fetches again.
# Environment: IIGP_WP_CACHE (see common.sh), IIGP_DEBIAN_MIRROR (default: read from /etc/apt),
#   IIGP_WP_SUITE (default trixie), IIGP_WP_PLAYGROUND (the @wp-playground/cli version, default pinned below).
set -euo pipefail
IIGP_WP_VERSION=6.8
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"
suite="${IIGP_WP_SUITE:-trixie}"
playground="${IIGP_WP_PLAYGROUND:-3.1.56}"
core="$cache/$version/core"
sqlite="$cache/sqlite-database-integration"
mkdir -p "$cache"

# Helpers of other worktrees may bring up 6.8 at the same moment: one prepares, the others wait.
exec 9>"$cache/.lock"
flock 9

if [ "${IIGP_WP_REFRESH:-0}" = 1 ]; then rm -rf "$core" "$sqlite"; fi

if [ ! -f "$core/wp-includes/version.php" ]; then
  t0=$(date +%s)
  # The Debian archive (and its security archive) this machine's apt already uses.
  sources_uri() { # sources_uri <suite>: the URI of the first system source that names <suite>
    local want="$1"
    {
      # deb822 .sources files: URIs / Suites fields per paragraph
      for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && awk -v want="$want" 'BEGIN { RS = ""; FS = "\n" } {
          uri = ""; ok = 0
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); uri = a[2] }
            if ($i ~ /^Suites:/) { n = split($i, s, /[ \t]+/); for (j = 2; j <= n; j++) if (s[j] == want) ok = 1 }
          }
          if (ok && uri != "") print uri }' "$f"
      done
      true
      # one-line sources.list entries: deb [options] URI suite components
      for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] && awk -v want="$want" '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i + 1) == want) print $i }' "$f"
      done
      true
    } | head -1 || true
  }
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  mirror="${IIGP_DEBIAN_MIRROR:-$(sources_uri "$codename")}"
  security="$(sources_uri "$codename-security")"
  [ -n "$mirror" ] || { log "no Debian mirror for $codename in /etc/apt; set IIGP_DEBIAN_MIRROR"; exit 1; }
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  apt="$cache/apt"
  rm -rf "$apt"
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$apt/tree"
  : >"$apt/status"
  {
    echo "deb [signed-by=$keyring] $mirror $suite main"
    [ -n "$security" ] && echo "deb [signed-by=$keyring] $security $suite-security main"
    # Twenty Twenty-One left Debian after 12: its package from this machine's own release.
    echo "deb [signed-by=$keyring] $mirror $codename main"
  } >"$apt/sources.list"
  opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
    -o Dir::Etc::Preferences=/nonexistent -o Dir::Etc::PreferencesParts=/nonexistent
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "Dir::State::status=$apt/status"
    -o APT::Sandbox::User=root -o Acquire::Languages=none)
  log "reading the $suite package lists from $mirror"
  apt-get "${opts[@]}" -q update >"$apt/update.log" 2>&1 || { tail -20 "$apt/update.log" >&2; exit 1; }
  # The files Debian's wordpress links into /usr/share/javascript and /usr/share/php.
  deps="$(apt-cache "${opts[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances wordpress 2>/dev/null | grep -E '^(libjs-|libphp-|php-getid3)' | sort -u | tr '\n' ' ')"
  # With the empty status file the candidate is the newest of the suite (its security update when there is one).
  packages=(wordpress wordpress-theme-twentytwentyfive "wordpress-theme-twentytwentyone/$codename" $deps)
  log "downloading ${packages[*]}"
  (cd "$apt/debs" && apt-get "${opts[@]}" -q download "${packages[@]}") >"$apt/download.log" 2>&1 \
    || { tail -20 "$apt/download.log" >&2; exit 1; }
  for deb in "$apt/debs"/*.deb; do dpkg-deb -x "$deb" "$apt/tree"; done
  tree="$apt/tree/usr/share/wordpress"
  # Links into /etc (Apache's .htaccess, Debian's config) mean nothing here; -L copies every other link's file.
  rm -f "$tree/.htaccess" "$tree/wp-config.php"
  [ -e "$tree/wp-includes/certificates/ca-bundle.crt" ] || rm -f "$tree/wp-includes/certificates/ca-bundle.crt"
  rm -rf "$core.new"
  mkdir -p "$(dirname "$core")"
  cp -rL "$tree" "$core.new"
  for theme in twentytwentyfive twentytwentyone; do
    [ -f "$core.new/wp-content/themes/$theme/style.css" ] || { log "theme $theme missing from the packages"; exit 1; }
  done
  sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$core.new/wp-includes/version.php" >"$core.new/.iigp-version"
  rm -rf "$core"
  mv "$core.new" "$core"
  rm -rf "$apt" # about 60 MB of lists and packages; the core is what is kept
  log "WordPress $(cat "$core/.iigp-version") unpacked in $core ($(( $(date +%s) - t0 )) s)"
fi

if [ ! -f "$sqlite/load.php" ]; then
  log "SQLite Database Integration from @wp-playground/cli@$playground"
  work="$cache/playground.tmp"
  rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && npm pack --silent "@wp-playground/cli@$playground" >pack.log 2>&1) || { cat "$work/pack.log" >&2; exit 1; }
  tar -xzf "$work"/*.tgz -C "$work" package/sqlite-database-integration.zip
  # PHP unzips it (php-zip), so no unzip command is needed.
  php -r '$z = new ZipArchive(); if ($z->open($argv[1]) !== true || !$z->extractTo($argv[2])) exit(1);' \
    "$work/package/sqlite-database-integration.zip" "$work/unzipped"
  plugin="$(dirname "$(find "$work/unzipped" -maxdepth 2 -name load.php | head -1)")"
  [ -f "$plugin/db.copy" ] || { log "no db.copy in the SQLite plugin"; exit 1; }
  rm -rf "$sqlite"
  mv "$plugin" "$sqlite"
  rm -rf "$work"
fi

echo "CORE=$core"
echo "SQLITE=$sqlite"
