<?php
/**
 * Installs the plugin from its zip the way WordPress does (unzip_file: ZipArchive or PclZip) and
 * activates it, or deactivates it. Used by the integration tests.
 *   php plugin.php install <zip>   |   php plugin.php deactivate   |   php plugin.php status
 * Environment: IIGP_WP_ROOT (WP_ROOT in <state>/env, see up.sh).
 */
if (PHP_SAPI !== 'cli') exit(1);
define('ABSPATH', rtrim(getenv('IIGP_WP_ROOT'), '/') . '/');
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require ABSPATH . 'wp-config.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
wp_set_current_user(get_user_by('login', 'admin')->ID);
$plugin = 'iigp-widgets/iigp-widgets.php';

switch ($argv[1] ?? '') {
    case 'install':
        WP_Filesystem();
        global $wp_filesystem;
        $wp_filesystem->delete(WP_PLUGIN_DIR . '/iigp-widgets', true);
        $result = unzip_file($argv[2], WP_PLUGIN_DIR);
        if (is_wp_error($result)) { fwrite(STDERR, 'unzip: ' . $result->get_error_message() . "\n"); exit(1); }
        wp_clean_plugins_cache();
        $result = activate_plugin($plugin, '', false, false);
        if (is_wp_error($result)) { fwrite(STDERR, 'activate: ' . $result->get_error_message() . "\n"); exit(1); }
        $data = get_plugin_data(WP_PLUGIN_DIR . '/' . $plugin);
        echo "installed and activated {$data['Name']} {$data['Version']}\n";
        break;
    case 'deactivate':
        deactivate_plugins($plugin, true);
        echo "deactivated\n";
        break;
    case 'status':
        echo is_plugin_active($plugin) ? "active\n" : "inactive\n";
        break;
    default:
        fwrite(STDERR, "usage: php plugin.php install <zip> | deactivate | status\n");
        exit(2);
}
