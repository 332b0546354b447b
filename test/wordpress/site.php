<?php
/**
 * Site settings the integration tests switch (run by lib.mjs):
 *   php site.php theme               prints the active theme's slug
 *   php site.php theme <slug>        activates an installed theme (twentytwentyone; twentytwentyfive on 6.8)
 *   php site.php flush               flushes the rewrite rules
 * Environment: IIGP_WP_ROOT (WP_ROOT in <state>/env, see up.sh).
 */
if (PHP_SAPI !== 'cli') exit(1);
define('ABSPATH', rtrim(getenv('IIGP_WP_ROOT'), '/') . '/');
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require ABSPATH . 'wp-config.php';
wp_set_current_user(get_user_by('login', 'admin')->ID);

switch ($argv[1] ?? '') {
    case 'theme':
        if (isset($argv[2])) {
            $theme = wp_get_theme($argv[2]);
            if (!$theme->exists() || $theme->errors()) {
                fwrite(STDERR, "theme {$argv[2]} is not installed\n");
                exit(1);
            }
            if (get_stylesheet() !== $argv[2]) {
                switch_theme($argv[2]);
                // Each theme registers its own rewrite rules and menus: start from fresh rules.
                flush_rewrite_rules(false);
            }
        }
        echo get_stylesheet(), "\n";
        break;
    case 'flush':
        flush_rewrite_rules(false);
        echo "flushed\n";
        break;
    default:
        fwrite(STDERR, "usage: php site.php theme [<slug>] | flush\n");
        exit(2);
}
