#!/usr/bin/env bash
# Starts a real WordPress for the integration tests, on loopback only, its state in IIGP_WP_DIR (outside
# the repository), in one of two versions (IIGP_WP_VERSION):
#   6.1 (default)  Debian 12's `wordpress` package on MariaDB (a private datadir and socket, no TCP)
#   6.8            Debian 13's `wordpress` package on SQLite (core.sh unpacks it once into a cache folder)
# Either is served by `php -S` with a router script (router.php) from a document root of symlinks to the
# core plus our own wp-config.php and wp-content. Installs the Debian packages 6.1 needs when they are
# missing, installs and seeds WordPress once (seed.php).
# Idempotent: running it again with everything up only checks that it answers.
# Environment: IIGP_WP_VERSION, IIGP_WP_DIR, WP_PORT, IIGP_WP_CACHE (see common.sh).
# Prints the site URL on its last line; writes <state>/env for the tests and down.sh.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"
mkdir -p "$state"
state="$(cd "$state" && pwd)"
if [ -f "$state/env" ] && ! grep -qx "WP_VERSION=$version" "$state/env"; then
  log "$state holds another WordPress version ($(sed -n 's/^WP_VERSION=//p' "$state/env")); use another IIGP_WP_DIR"
  exit 1
fi

# --- 1. Packages (only what is missing) --------------------------------------------------------
# 6.1 is Debian's package with MariaDB; 6.8 needs only PHP (its core comes from core.sh, its database is SQLite).
if [ "$version" = 6.1 ]; then packages=(wordpress wordpress-theme-twentytwentyone mariadb-server); else packages=(); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# PHP extensions by the package that provides them (Debian names them php8.2-*; php-* depends on those).
if [ "$version" = 6.1 ]; then extensions=(mysqli:php-mysql); else extensions=(pdo_sqlite:php-sqlite3 zip:php-zip); fi
extensions+=(xml:php-xml mbstring:php-mbstring gd:php-gd intl:php-intl curl:php-curl)
if command -v php >/dev/null 2>&1; then
  loaded="$(php -m 2>/dev/null | tr 'A-Z' 'a-z')"
  for e in "${extensions[@]}"; do grep -qx "${e%%:*}" <<<"$loaded" || missing+=("${e#*:}"); done
else
  missing+=(php-cli); for e in "${extensions[@]}"; do missing+=("${e#*:}"); done
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  t0=$(date +%s)
  # RUNLEVEL=1: the packages' own services (system MariaDB, Apache) are not started; we run our own.
  if ! $sudo env RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >"$state/apt.log" 2>&1; then
    $sudo apt-get update >>"$state/apt.log" 2>&1
    $sudo env RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$state/apt.log" 2>&1 \
      || { tail -20 "$state/apt.log" >&2; exit 1; }
  fi
  log "packages installed in $(( $(date +%s) - t0 )) s"
fi

# --- 2. The database: MariaDB on a private datadir and socket (6.1), SQLite (6.8) -----------------
content="$state/wp-content"
mkdir -p "$content/plugins" "$content/themes" "$content/uploads" "$content/mu-plugins"
if [ "$version" = 6.1 ]; then
  db="$state/db"
  sock="$state/mysqld.sock"
  # Unix socket paths are limited to 107 bytes: fall back to /tmp for deep checkouts.
  if [ ${#sock} -gt 100 ]; then sock="/tmp/iigp-wp-$(printf '%s' "$state" | md5sum | cut -c1-12).sock"; fi
  me="$(id -un)"
  mysqld="$(command -v mariadbd || command -v mysqld || echo /usr/sbin/mariadbd)"
  client="$(command -v mariadb || command -v mysql)"
  sql() { "$client" --socket="$sock" -u "$me" "$@"; }

  if [ ! -d "$db/mysql" ]; then
    log "initialising MariaDB in $db"
    mkdir -p "$db"
    mariadb-install-db --no-defaults --datadir="$db" --user="$me" --auth-root-authentication-method=socket \
      --skip-test-db >"$state/mariadb-install.log" 2>&1 || { tail -20 "$state/mariadb-install.log" >&2; exit 1; }
  fi
  if ! alive "$state/mysqld.pid"; then
    log "starting MariaDB (socket $sock)"
    rm -f "$sock"
    "$mysqld" --no-defaults --datadir="$db" --socket="$sock" --skip-networking --user="$me" \
      --pid-file="$state/mysqld.pid" --log-error="$state/mysqld.log" \
      --innodb-buffer-pool-size=64M --skip-log-bin --character-set-server=utf8mb4 >/dev/null 2>&1 &
    echo $! >"$state/mysqld.pid"
    for _ in $(seq 1 60); do
      sql -e 'SELECT 1' >/dev/null 2>&1 && break
      alive "$state/mysqld.pid" || { tail -20 "$state/mysqld.log" >&2; exit 1; }
      sleep 0.5
    done
    sql -e 'SELECT 1' >/dev/null || { log "MariaDB did not answer"; tail -20 "$state/mysqld.log" >&2; exit 1; }
  fi
  sql -e "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
    GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';"
  wp="/usr/share/wordpress"
  database="define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');"
else
  paths="$("$here/core.sh")"
  wp="$(sed -n 's/^CORE=//p' <<<"$paths")"
  sqlite="$(sed -n 's/^SQLITE=//p' <<<"$paths")"
  sock=""
  # The SQLite Database Integration plugin from the cache, and its drop-in with its two placeholders filled.
  [ -e "$content/plugins/sqlite-database-integration" ] || ln -s "$sqlite" "$content/plugins/sqlite-database-integration"
  sed -e "s|{SQLITE_IMPLEMENTATION_FOLDER_PATH}|$content/plugins/sqlite-database-integration|" \
    -e "s|{SQLITE_PLUGIN}|sqlite-database-integration/load.php|" "$sqlite/db.copy" >"$content/db.php"
  mkdir -p "$state/database"
  database="define('DB_DIR', '$state/database/');
define('DB_FILE', 'wordpress.sqlite');
define('DB_NAME', 'wordpress');
define('DB_USER', '');
define('DB_PASSWORD', '');
define('DB_HOST', '');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');"
fi

# --- 3. WordPress: a private wp-config.php and wp-content ------------------------------------
# A document root of symlinks to the WordPress core, with our own wp-config.php and wp-content:
# router.php defines ABSPATH as this folder, so wp-load.php picks our wp-config.php, not Debian's
# (which only reads /etc/wordpress).
root="$state/root"
mkdir -p "$root"
for entry in "$wp"/*; do
  name="$(basename "$entry")"
  case "$name" in wp-config.php|wp-content) continue ;; esac
  [ -e "$root/$name" ] || ln -s "$entry" "$root/$name"
done
[ -e "$root/wp-content" ] || ln -s "$content" "$root/wp-content"
for theme in "$wp"/wp-content/themes/*/; do
  name="$(basename "$theme")"
  [ -e "$content/themes/$name" ] || ln -s "${theme%/}" "$content/themes/$name"
done
cat >"$root/wp-config.php" <<PHP
<?php
// Written by test/wordpress/up.sh; loaded by router.php and seed.php instead of Debian's wp-config.php.
$database
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
define('WP_CONTENT_DIR', '$content');
define('WP_CONTENT_URL', '$url/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_AUTO_UPDATE_CORE', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$state/debug.log');
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as \$k) define(\$k, 'iigp-test-' . \$k);
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', '$root/');
require_once ABSPATH . 'wp-settings.php';
PHP
core_version="$(php -r 'include $argv[1]; echo $wp_version;' "$wp/wp-includes/version.php")"
cat >"$state/env" <<ENV
WP_URL=$url
WP_PORT=$port
WP_STATE=$state
WP_SOCKET=$sock
WP_ROOT=$root
WP_VERSION=$version
WP_CORE_VERSION=$core_version
ENV

# --- 4. Install and seed (once; seed.php is idempotent) ---------------------------------------
log "installing and seeding WordPress"
IIGP_WP_ROOT="$root" IIGP_WP_STATE="$state" php "$here/seed.php" "$url"

# --- 5. php -S with the router -----------------------------------------------------------------
if ! alive "$state/php.pid"; then
  log "starting php -S on $url"
  # Its own session and process group (setsid): the server forks workers, and down.sh stops the group.
  IIGP_WP_ROOT="$root" IIGP_REPO="$repo" PHP_CLI_SERVER_WORKERS=4 \
    setsid php -d memory_limit=256M -d upload_max_filesize=16M -d post_max_size=16M \
    -S "127.0.0.1:$port" -t "$root" "$here/router.php" >"$state/php.log" 2>&1 &
  echo $! >"$state/php.pid"
fi
for _ in $(seq 1 60); do
  code="$(php -r 'echo @file_get_contents($argv[1]) === false ? "" : "ok";' "$url/wp-json/" 2>/dev/null || true)"
  [ "$code" = ok ] && break
  alive "$state/php.pid" || { tail -20 "$state/php.log" >&2; exit 1; }
  sleep 0.5
done
[ "$code" = ok ] || { log "WordPress did not answer on $url"; tail -20 "$state/php.log" >&2; exit 1; }
log "up: $url"
echo "$url"
