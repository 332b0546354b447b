<?php
/**
 * Site settings the integration tests switch (run by lib.mjs):
 *   php site.php theme               prints the active theme's slug
 *   php site.php theme <slug>        activates an installed theme (twentytwentyone; twentytwentyfive on 6.8)
 *   php site.php flush               flushes the rewrite rules
 *   php site.php publish <type> <title>   publishes a post or page as the administrator, its content from
 *                                    stdin; prints {"id":…,"link":…} (for measuring scripts; tests publish
 *                                    as the Author through the REST API)
 *   php site.php delete <id>         deletes a post or page for good
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
    case 'publish':
        $id = wp_insert_post(wp_slash([
            'post_type' => $argv[2] ?? 'page', 'post_title' => $argv[3] ?? 'Untitled', 'post_status' => 'publish',
            'post_content' => stream_get_contents(STDIN), 'comment_status' => 'closed',
        ]), true);
        if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
        echo json_encode(['id' => $id, 'link' => get_permalink($id)], JSON_UNESCAPED_SLASHES), "\n";
        break;
    case 'delete':
        if (!wp_delete_post((int) ($argv[2] ?? 0), true)) { fwrite(STDERR, "no post {$argv[2]}\n"); exit(1); }
        echo "deleted\n";
        break;
    default:
        fwrite(STDERR, "usage: php site.php theme [<slug>] | flush | publish <type> <title> < content | delete <id>\n");
        exit(2);
}
