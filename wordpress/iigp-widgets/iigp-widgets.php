<?php
/**
 * Plugin Name:       IIGP Widgets
 * Description:       Recent posts, workshops, faculty cards and the newsletter archive as web components: shortcodes for authors, and the &lt;iigp-*&gt; elements kept in the Custom HTML block.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       iigp-widgets
 */

defined('ABSPATH') || exit;

const IIGP_WIDGETS_VERSION = '0.1.0';

require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/workshops.php';

/**
 * The elements and the attributes authors may set on them: element => [attribute => kind], kind being
 * `text`, `boolean` (present or absent) or `boolean-on` (on unless "false"). They are the library's own
 * list: elements.php, written from its custom-elements.json by the build (scripts/build-plugin.mjs),
 * ships in the plugin beside this file. Without it (a source checkout never built) there are none.
 */
function iigp_widgets_elements() {
    static $elements = null;
    if ($elements !== null) return $elements;
    $built = __DIR__ . '/elements.php';
    $elements = is_file($built) ? (array) include $built : [];
    return $elements;
}

/** Attributes whose values are URLs. */
function iigp_widgets_is_url_attribute($name) {
    return in_array($name, ['src', 'href', 'photo'], true);
}

// --- Loading the script: only on pages that show a widget ----------------------------------------

function iigp_widgets_enqueue() {
    static $done = false;
    if ($done) return;
    $done = true;
    $url = plugins_url('assets/iigp-widgets.js', __FILE__);
    if (function_exists('wp_enqueue_script_module')) { // WordPress 6.5+
        wp_enqueue_script_module('iigp-widgets', $url, [], IIGP_WIDGETS_VERSION);
        return;
    }
    $print = function () use ($url) {
        printf("<script type=\"module\" src=\"%s\" id=\"iigp-widgets-js-module\"></script>\n", esc_url(add_query_arg('ver', IIGP_WIDGETS_VERSION, $url)));
    };
    if (did_action('wp_footer')) $print();
    else add_action('wp_footer', $print);
}

/** Content that holds an element (a Custom HTML block, a text widget) loads the script too. */
function iigp_widgets_detect($content) {
    if (is_string($content) && stripos($content, '<iigp-') !== false) iigp_widgets_enqueue();
    return $content;
}
foreach (['the_content', 'widget_text_content', 'widget_block_content', 'render_block_core/html'] as $iigp_hook) {
    add_filter($iigp_hook, 'iigp_widgets_detect', 99);
}

// --- Shortcodes ----------------------------------------------------------------------------------

/** This site's own data URL for a widget, when the shortcode names none. */
function iigp_widgets_default_source($tag, array &$attributes) {
    switch ($tag) {
        case 'iigp-recent-posts':
            $query = ['_embed' => '1'];
            if (!empty($attributes['category'])) {
                $term = iigp_widgets_category($attributes['category']);
                if ($term) {
                    $query['categories'] = $term->term_id;
                    unset($attributes['category']);
                }
            }
            return add_query_arg($query, rest_url('wp/v2/posts'));
        case 'iigp-workshop-list':
            if (function_exists('iigp_workshops_default_source')) return iigp_workshops_default_source($attributes);
            if (class_exists('Tribe__Events__Main') && empty($attributes['category'])) {
                return rest_url('tribe/events/v1/events');
            }
            $term = iigp_widgets_category($attributes['category'] ?? 'workshops');
            unset($attributes['category']);
            return $term ? add_query_arg(['categories' => $term->term_id, '_embed' => '1'], rest_url('wp/v2/posts')) : '';
        case 'iigp-faculty-card':
            if (empty($attributes['person']) || !empty($attributes['name'])) return '';
            return add_query_arg(['slug' => sanitize_title($attributes['person']), '_embed' => '1'], rest_url('wp/v2/pages'));
        case 'iigp-newsletter-archive':
            return add_query_arg(['mime_type' => 'application/pdf', 'per_page' => '100'], rest_url('wp/v2/media'));
    }
    return '';
}

/** A shortcode prints what a block prints: the one render function (includes/render.php). */
function iigp_widgets_shortcode($tag, $atts, $content) {
    return iigp_widgets_render($tag, (array) $atts, trim((string) $content) === '' ? '' : do_shortcode($content));
}

foreach (array_keys(iigp_widgets_elements()) as $iigp_tag) {
    add_shortcode(str_replace('-', '_', $iigp_tag), function ($atts, $content = '') use ($iigp_tag) {
        return iigp_widgets_shortcode($iigp_tag, $atts, $content);
    });
}

// --- KSES: keep the elements for users without unfiltered_html (Custom HTML block, classic editor) ----

add_filter('wp_kses_allowed_html', function ($tags, $context) {
    if ($context !== 'post') return $tags;
    $global = ['class' => true, 'id' => true, 'title' => true, 'lang' => true, 'dir' => true, 'hidden' => true, 'slot' => true];
    foreach (iigp_widgets_elements() as $tag => $attributes) {
        $tags[$tag] = $global + array_fill_keys(array_keys($attributes), true);
    }
    // The faculty card's bio goes in slot="bio".
    foreach (['p', 'div', 'span'] as $tag) {
        if (isset($tags[$tag])) $tags[$tag]['slot'] = true;
    }
    return $tags;
}, 10, 2);
