<?php
/**
 * The four dynamic blocks (iigp/recent-posts, iigp/workshop-list, iigp/faculty-card,
 * iigp/newsletter-archive), their inserter category, their editor script, and the loading of the
 * widgets' script and reserved-space CSS. Each block's attributes are the element's attributes in
 * camelCase, written into blocks/<name>/block.json from custom-elements.json by scripts/build-plugin.mjs;
 * the server renders them with iigp_widgets_render(), as the shortcodes.
 */

defined('ABSPATH') || exit;

/** The plugin's root folder and URL (this file is in includes/). */
function iigp_widgets_path($relative = '') {
    return dirname(__DIR__) . '/' . ltrim($relative, '/');
}
function iigp_widgets_url($relative = '') {
    return plugins_url($relative, dirname(__DIR__) . '/iigp-widgets.php');
}

add_filter('block_categories_all', function ($categories) {
    foreach ($categories as $category) {
        if (($category['slug'] ?? '') === 'iigp') return $categories;
    }
    $categories[] = ['slug' => 'iigp', 'title' => __('IIGP', 'iigp-widgets'), 'icon' => null];
    return $categories;
});

/**
 * A block's attributes as the render function takes them: kebab-case element attributes. Values of the
 * wrong type (a block saved by an older version) were already dropped to their defaults by WordPress;
 * names the element no longer has are ignored by iigp_widgets_render().
 */
function iigp_widgets_block_attributes(array $attributes, array $definitions = []) {
    $given = [];
    foreach ($attributes as $name => $value) {
        if ($name === 'fallback' || $value === null || $value === '') continue;
        // A default is the element's own default: left out, as an author would leave it out.
        if (array_key_exists('default', $definitions[$name] ?? []) && $definitions[$name]['default'] === $value) continue;
        $given[strtolower(preg_replace('/([a-z0-9])([A-Z])/', '$1-$2', (string) $name))] = $value;
    }
    return $given;
}

add_action('init', function () {
    $editor = iigp_widgets_path('editor/blocks.js');
    if (is_file($editor)) {
        wp_register_script(
            'iigp-widgets-editor',
            iigp_widgets_url('editor/blocks.js'),
            ['wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n', 'wp-data'],
            IIGP_WIDGETS_VERSION . '-' . filemtime($editor),
            true
        );
        $workshops = function_exists('iigp_workshop_events') ? ['src' => rest_url('iigp/v1/workshops'), 'format' => 'json'] : null;
        if (!$workshops) {
            $attributes = [];
            $src = iigp_widgets_default_source('iigp-workshop-list', $attributes);
            $workshops = ['src' => $src, 'format' => 'wp'];
        }
        wp_add_inline_script('iigp-widgets-editor', 'window.iigpWidgetsEditor = ' . wp_json_encode([
            'module' => add_query_arg('ver', IIGP_WIDGETS_VERSION, iigp_widgets_url('assets/iigp-widgets.js')),
            'sources' => [
                'iigp-recent-posts' => ['src' => add_query_arg('_embed', '1', rest_url('wp/v2/posts')), 'format' => 'wp'],
                'iigp-workshop-list' => $workshops,
                'iigp-faculty-card' => ['src' => add_query_arg('_embed', '1', rest_url('wp/v2/pages')), 'format' => 'wp'],
                'iigp-newsletter-archive' => ['src' => add_query_arg(['mime_type' => 'application/pdf', 'per_page' => '100'], rest_url('wp/v2/media')), 'format' => 'wp'],
            ],
        ], JSON_HEX_TAG | JSON_UNESCAPED_SLASHES) . ';', 'before');
    }
    foreach (glob(iigp_widgets_path('blocks/*/block.json')) ?: [] as $metadata) {
        $tag = 'iigp-' . basename(dirname($metadata));
        register_block_type($metadata, [
            'render_callback' => function ($attributes, $content = '', $block = null) use ($tag) {
                $definitions = $block instanceof WP_Block ? (array) $block->block_type->attributes : [];
                $html = iigp_widgets_render($tag, iigp_widgets_block_attributes((array) $attributes, $definitions), (string) ($attributes['fallback'] ?? ''));
                // The block's wrapper carries its class names and alignment, as core blocks do.
                return sprintf('<div %s>%s</div>', get_block_wrapper_attributes(), $html);
            },
        ]);
    }
});

// --- Loading: the reserved-space CSS in the head, the script module on pages that show a widget -----

/** The CSS that gives the server's list the widget's layout, so the upgrade moves nothing. */
function iigp_widgets_enqueue_style() {
    if (wp_style_is('iigp-widgets', 'enqueued')) return;
    $file = iigp_widgets_path('css/iigp-widgets.css');
    wp_enqueue_style('iigp-widgets', iigp_widgets_url('css/iigp-widgets.css'), [], IIGP_WIDGETS_VERSION . '-' . (is_file($file) ? filemtime($file) : '0'));
}

/** Whether content holds a widget: a block, a shortcode or an element. */
function iigp_widgets_in($content) {
    return is_string($content) && (strpos($content, '<!-- wp:iigp/') !== false || strpos($content, '[iigp_') !== false || stripos($content, '<iigp-') !== false);
}

// Before the head is printed: the posts of this request and the classic widget areas. (Block themes
// render their templates before the head, so blocks in template parts enqueue while rendering.)
add_action('wp_enqueue_scripts', function () {
    global $wp_query;
    $found = false;
    foreach ((array) ($wp_query->posts ?? []) as $post) {
        if ($post instanceof WP_Post && iigp_widgets_in($post->post_content)) $found = true;
    }
    if (!$found && !wp_is_block_theme()) {
        foreach (['widget_block', 'widget_text', 'widget_custom_html'] as $option) {
            foreach ((array) get_option($option, []) as $widget) {
                if (is_array($widget) && iigp_widgets_in(($widget['content'] ?? '') . ($widget['text'] ?? ''))) $found = true;
            }
        }
    }
    if ($found) {
        iigp_widgets_enqueue_style();
        iigp_widgets_enqueue();
    }
}, 5);

// Every render enqueues the style too (a template part, a widget area found at render time).
add_filter('render_block', function ($content, $block) {
    if (strpos($block['blockName'] ?? '', 'iigp/') === 0) iigp_widgets_enqueue_style();
    return $content;
}, 10, 2);
add_filter('do_shortcode_tag', function ($output, $tag) {
    if (strpos($tag, 'iigp_') === 0) iigp_widgets_enqueue_style();
    return $output;
}, 10, 2);
