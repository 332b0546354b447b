<?php
/**
 * Router for `php -S` serving WordPress with pretty permalinks (started by up.sh).
 * IIGP_WP_ROOT is the document root (symlinks to Debian's WordPress plus our wp-config.php).
 * Test-only route: /__iigp/dist/* serves the library build (<state>/dist when run.sh made that snapshot,
 * else the repository's dist/), /__iigp/pages/* test/wordpress/pages/,
 * so test pages can run on the WordPress origin (same-origin feeds).
 * Everything here runs at file scope on purpose: WordPress expects its files in the global scope.
 */
define('ABSPATH', rtrim(getenv('IIGP_WP_ROOT'), '/') . '/');
$iigp_path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (strpos($iigp_path, '/__iigp/') === 0) {
    // run.sh snapshots dist/ into <state>/dist so a concurrent build cannot swap chunks mid-run.
    $iigp_snapshot = dirname(ABSPATH) . '/dist';
    $iigp_bases = ['dist' => is_file("$iigp_snapshot/iigp-widgets.js") ? $iigp_snapshot : getenv('IIGP_REPO') . '/dist', 'pages' => __DIR__ . '/pages'];
    $iigp_parts = explode('/', substr($iigp_path, strlen('/__iigp/')), 2);
    $iigp_base = $iigp_bases[$iigp_parts[0]] ?? null;
    $iigp_file = $iigp_base ? realpath($iigp_base . '/' . ($iigp_parts[1] ?? '')) : false;
    if (!$iigp_file || !is_file($iigp_file) || strpos($iigp_file, realpath($iigp_base) . '/') !== 0) {
        http_response_code(404);
        header('Content-Type: text/plain');
        echo 'not found';
        return true;
    }
    $iigp_types = ['js' => 'text/javascript', 'html' => 'text/html; charset=utf-8', 'css' => 'text/css', 'json' => 'application/json', 'map' => 'application/json'];
    header('Content-Type: ' . ($iigp_types[pathinfo($iigp_file, PATHINFO_EXTENSION)] ?? 'application/octet-stream'));
    header('Cache-Control: no-store');
    readfile($iigp_file);
    return true;
}

$iigp_file = ABSPATH . ltrim($iigp_path, '/');
if (is_dir($iigp_file) && is_file(rtrim($iigp_file, '/') . '/index.php')) {
    $iigp_file = rtrim($iigp_file, '/') . '/index.php';
}
if (is_file($iigp_file) && substr($iigp_file, -4) !== '.php') {
    return false; // a static file: php -S serves it
}
if (!is_file($iigp_file)) {
    $iigp_file = ABSPATH . 'index.php'; // pretty permalinks
    $_SERVER['SCRIPT_NAME'] = '/index.php';
} else {
    $_SERVER['SCRIPT_NAME'] = '/' . ltrim(substr($iigp_file, strlen(ABSPATH)), '/');
}
$_SERVER['SCRIPT_FILENAME'] = $iigp_file;
$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
chdir(dirname($iigp_file));
require $iigp_file;
return true;
