<?php
/**
 * The one render function of blocks and shortcodes: an <iigp-*> element with checked attributes, and,
 * for this site's own data, the current items inside it as plain semantic HTML (the element's light-DOM
 * fallback: what readers without JavaScript and search engines get) plus the same items as a JSON island
 * the widget shows without fetching them again. Lists are cached and dropped when content changes.
 */

defined('ABSPATH') || exit;

/**
 * Renders one widget.
 *
 * @param string $tag        An element of iigp_widgets_elements().
 * @param array  $given      Attribute name (`heading-level`, `show_image` …) => value (string, bool, number).
 *                           Unknown names are ignored; booleans follow the element's kind.
 * @param string $fallback   The author's fallback content (HTML; filtered with wp_kses_post here).
 */
function iigp_widgets_render($tag, array $given, $fallback = '') {
    iigp_widgets_enqueue();
    $allowed = iigp_widgets_elements()[$tag] ?? [];
    $attributes = [];
    foreach ($given as $name => $value) {
        if (is_int($name)) { // a bare word: [iigp_recent_posts show-image]
            $name = $value;
            $value = '';
        }
        $name = str_replace('_', '-', strtolower((string) $name));
        if (!isset($allowed[$name]) || is_array($value) || is_object($value)) continue;
        if (is_bool($value)) $value = $value ? '' : 'false';
        $off = in_array(strtolower(trim((string) $value)), ['false', '0', 'no', 'off'], true);
        if ($allowed[$name] === 'boolean') {
            if (!$off) $attributes[$name] = '';
        } elseif ($allowed[$name] === 'boolean-on') {
            $attributes[$name] = $off ? 'false' : '';
        } elseif (iigp_widgets_is_url_attribute($name)) {
            // Only http(s) URLs (relative ones resolve against the page); javascript: and the like are dropped.
            if (trim((string) $value) !== '' && esc_url((string) $value, ['http', 'https']) !== '') $attributes[$name] = (string) $value;
        } elseif ((string) $value !== '') {
            $attributes[$name] = (string) $value;
        }
    }

    // The widgets' own words follow the site's language (Settings › General › Site Language), unless the
    // author chose a locale: es_ES is the element's es-ES.
    if (!isset($attributes['locale'])) $attributes['locale'] = str_replace('_', '-', determine_locale());

    // This site's own data: the source the widget reads, and the items the server prints.
    $own = !isset($attributes['src']);
    $query = $attributes; // what selects the items (category is consumed by the default source)
    if ($own) {
        // The workshop list reads the plugin's route, asked for its `when`, `limit` and `category`.
        $src = iigp_widgets_default_source($tag, $attributes);
        if ($src !== '') {
            $attributes['src'] = $src;
            $attributes['format'] = $attributes['format'] ?? 'wp';
        }
    }

    $server = null;
    /**
     * Filters whether the server prints this site's items inside the element (default true).
     * @param bool   $render
     * @param string $tag
     */
    $render = apply_filters('iigp_widgets_server_render', true, $tag);
    if ($render && $own && !($tag === 'iigp-workshop-list' && class_exists('Tribe__Events__Main') && empty($query['category']) && !function_exists('iigp_workshop_events'))) {
        $server = iigp_widgets_server_list($tag, $query);
    }

    $html = '<' . $tag;
    foreach ($attributes as $name => $value) {
        $value = iigp_widgets_is_url_attribute($name) ? esc_url($value, ['http', 'https']) : esc_attr($value);
        $html .= ' ' . $name . ($value === '' ? '' : '="' . $value . '"');
    }
    if ($server !== null) $html .= ' data-iigp-server';
    $html .= '>';

    $fallback = trim((string) $fallback) === '' ? '' : wp_kses_post($fallback);
    if ($server !== null && $server['items']) {
        // The current items, then the island (inert: JSON with every <, >, & and quote escaped).
        $html .= iigp_widgets_heading_html($attributes) . $server['html'];
        $html .= '<script type="application/json" data-iigp-items>'
            . wp_json_encode($server['items'], JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)
            . '</script>';
        if ($tag === 'iigp-faculty-card' && $fallback !== '') $html .= '<div slot="bio">' . $fallback . '</div>';
    } elseif ($fallback !== '') {
        // Nothing from the server (an empty list, a failing source, another site's data): the author's fallback.
        // An empty list keeps its island, so the widget says "empty" without fetching.
        $html .= $tag === 'iigp-faculty-card' ? '<div slot="bio">' . $fallback . '</div>' : $fallback;
        if ($server !== null) $html .= '<script type="application/json" data-iigp-items>[]</script>';
    } elseif ($server !== null) {
        $html .= '<script type="application/json" data-iigp-items>[]</script>';
    }
    return $html . '</' . $tag . '>';
}

/** The heading as the widget shows it, for the server's copy (the same level, 2–6). */
function iigp_widgets_heading_html(array $attributes) {
    if (!isset($attributes['heading']) || $attributes['heading'] === '') return '';
    $level = min(6, max(2, (int) round((float) ($attributes['heading-level'] ?? 2)) ?: 2));
    return sprintf('<h%1$d class="iigp-heading">%2$s</h%1$d>', $level, esc_html($attributes['heading']));
}

// --- The lists, cached --------------------------------------------------------------------------

/** A counter bumped whenever content changes: it is part of every cache key, so old lists are never read. */
function iigp_widgets_generation() {
    return (string) get_option('iigp_widgets_generation', '0');
}
function iigp_widgets_invalidate() {
    static $done = false; // one bump per request, however many posts a request touches
    if ($done) return;
    $done = true;
    update_option('iigp_widgets_generation', (string) ((int) iigp_widgets_generation() + 1), true);
}
foreach (['save_post', 'deleted_post', 'edit_attachment', 'add_attachment', 'delete_attachment', 'transition_post_status', 'updated_post_meta', 'added_post_meta', 'deleted_post_meta'] as $iigp_hook) {
    add_action($iigp_hook, function () { iigp_widgets_invalidate(); }, 10, 0);
}

/**
 * The current items of this site for a widget and their HTML, or null when the source failed (the
 * author's fallback is shown and the widget tries in the browser). Cached per options for a few
 * minutes (the clock decides which workshops are upcoming) and per content generation.
 */
function iigp_widgets_server_list($tag, array $attributes) {
    $key = 'iigp_items_' . md5(wp_json_encode([$tag, $attributes, iigp_widgets_generation(), get_locale(), IIGP_WIDGETS_VERSION]));
    $cached = get_transient($key);
    if (is_array($cached)) return $cached;
    try {
        /**
         * Filters the items the server prints (the widgets' model); null, or an exception, means the
         * source failed: the author's fallback is printed and the widget tries in the browser.
         */
        $items = apply_filters('iigp_widgets_items', iigp_widgets_items($tag, $attributes), $tag, $attributes);
    } catch (Throwable $error) {
        if (defined('WP_DEBUG') && WP_DEBUG) error_log('iigp-widgets: ' . $tag . ' server list failed: ' . $error->getMessage());
        return null;
    }
    if ($items === null) return null;
    $list = ['items' => $items, 'html' => $items ? iigp_widgets_items_html($tag, $items, $attributes) : ''];
    set_transient($key, $list, 10 * MINUTE_IN_SECONDS);
    return $list;
}

/** Plain text of a title or an excerpt (tags removed, entities decoded once). */
function iigp_widgets_text($html) {
    return trim(preg_replace('/\s+/u', ' ', html_entity_decode(wp_strip_all_tags((string) $html), ENT_QUOTES | ENT_HTML5, 'UTF-8')));
}

/** An image of an attachment at a size, as the widgets' model has it. */
function iigp_widgets_image($attachment_id, $size) {
    $source = $attachment_id ? wp_get_attachment_image_src($attachment_id, $size) : false;
    if (!$source) return null;
    return array_filter([
        'src' => $source[0],
        'alt' => (string) get_post_meta($attachment_id, '_wp_attachment_image_alt', true),
        'width' => (int) $source[1] ?: null,
        'height' => (int) $source[2] ?: null,
    ], function ($v) { return $v !== null; });
}

/** A category by its slug or its name (the webmaster may write either), or false. */
function iigp_widgets_category($name) {
    $name = (string) $name;
    return get_term_by('slug', sanitize_title($name), 'category') ?: get_term_by('name', $name, 'category');
}

/** The items in the widgets' model (see the library's model.ts), or null when there is no such data here. */
function iigp_widgets_items($tag, array $a) {
    // As the widget reads it: -1 is all (at most 100, as many as the REST API gives the widget), a whole
    // number above 0 is itself (at most 100), anything else the widget's default.
    $limit = isset($a['limit']) && is_numeric($a['limit']) && (int) $a['limit'] == $a['limit']
        && ((int) $a['limit'] > 0 || (int) $a['limit'] === -1)
        ? ((int) $a['limit'] === -1 ? 100 : min(100, (int) $a['limit']))
        : null;
    switch ($tag) {
        case 'iigp-recent-posts':
            $args = ['post_type' => 'post', 'post_status' => 'publish', 'posts_per_page' => $limit ?? 5, 'ignore_sticky_posts' => true, 'no_found_rows' => true];
            if (!empty($a['category'])) {
                $term = iigp_widgets_category($a['category']);
                if (!$term) return [];
                $args['cat'] = $term->term_id;
            }
            $items = [];
            foreach (get_posts($args) as $post) {
                $item = [
                    'id' => (string) $post->ID,
                    'title' => iigp_widgets_text(get_the_title($post)),
                    'url' => get_permalink($post),
                    'date' => get_post_time('c', true, $post),
                    'author' => get_the_author_meta('display_name', $post->post_author),
                ];
                if (isset($a['show-excerpt'])) $item['excerpt'] = iigp_widgets_text(get_the_excerpt($post));
                if (isset($a['show-image']) && ($image = iigp_widgets_image(get_post_thumbnail_id($post), 'medium'))) $item['image'] = $image;
                $items[] = $item;
            }
            return $items;

        case 'iigp-workshop-list':
            $when = in_array($a['when'] ?? '', ['past', 'all'], true) ? $a['when'] : 'upcoming';
            if (function_exists('iigp_workshop_events')) {
                // The same workshops as the route the widget reads (its when, limit and category).
                $args = ['when' => $when, 'limit' => $limit ?? 10];
                if (!empty($a['category'])) {
                    // An unknown category: no list here; the route's 400 leaves the widget with the fallback.
                    if (!iigp_workshops_resolve_category($a['category'])) return null;
                    $args['category'] = $a['category'];
                }
                $events = iigp_workshop_events($args);
                return array_values(array_filter(array_map('iigp_widgets_workshop_from_event', (array) $events)));
            }
            $term = iigp_widgets_category($a['category'] ?? 'workshops');
            if (!$term) return null;
            $now = current_time('mysql', true);
            $args = ['post_type' => 'post', 'post_status' => 'publish', 'cat' => $term->term_id, 'posts_per_page' => $limit ?? 10, 'no_found_rows' => true];
            // The post date is the workshop's start; "upcoming" is not yet started here (no end is known).
            if ($when === 'upcoming') $args += ['date_query' => [['column' => 'post_date_gmt', 'after' => $now]], 'order' => 'ASC'];
            if ($when === 'past') $args += ['date_query' => [['column' => 'post_date_gmt', 'before' => $now]], 'order' => 'DESC'];
            if ($when === 'all') $args['order'] = 'ASC';
            $zone = wp_timezone_string();
            $items = [];
            foreach (get_posts($args) as $post) {
                $item = [
                    'id' => (string) $post->ID,
                    'title' => iigp_widgets_text(get_the_title($post)),
                    'url' => get_permalink($post),
                    'start' => get_post_time('c', true, $post),
                    'timeZone' => $zone,
                ];
                if (isset($a['show-description'])) $item['summary'] = iigp_widgets_text(get_the_excerpt($post));
                $items[] = $item;
            }
            return $items;

        case 'iigp-faculty-card':
            if (empty($a['person'])) return null; // a card from attributes alone: nothing to look up
            // By slug among published pages (get_page_by_path would also find an attachment of that name).
            $found = get_posts(['post_type' => 'page', 'name' => sanitize_title($a['person']), 'post_status' => 'publish', 'numberposts' => 1]);
            $page = $found[0] ?? null;
            if (!$page || $page->post_status !== 'publish' || post_password_required($page)) return [];
            [$name, $credentials] = iigp_widgets_split_credentials(iigp_widgets_text(get_the_title($page)));
            $person = array_filter([
                'id' => $page->post_name,
                'name' => $a['name'] ?? $name,
                'credentials' => isset($a['credentials']) ? array_map('trim', explode(',', $a['credentials'])) : $credentials,
                'jobTitle' => $a['job-title'] ?? iigp_widgets_text(get_post_meta($page->ID, 'job_title', true)),
                'url' => $a['href'] ?? get_permalink($page),
                'bio' => iigp_widgets_text(get_the_excerpt($page)),
                'image' => iigp_widgets_image(get_post_thumbnail_id($page), 'medium'),
            ]);
            return [$person];

        case 'iigp-newsletter-archive':
            $items = [];
            foreach (get_posts(['post_type' => 'attachment', 'post_status' => 'inherit', 'post_mime_type' => 'application/pdf', 'posts_per_page' => 100, 'no_found_rows' => true]) as $media) {
                $url = wp_get_attachment_url($media->ID);
                if (!$url) continue;
                $meta = wp_get_attachment_metadata($media->ID);
                $file = get_attached_file($media->ID);
                $size = (int) ($meta['filesize'] ?? 0) ?: ($file && is_file($file) ? (int) filesize($file) : 0);
                $items[] = array_filter([
                    'id' => (string) $media->ID,
                    'title' => iigp_widgets_text(get_the_title($media)),
                    'url' => $url,
                    'date' => get_post_time('c', true, $media),
                    'type' => 'application/pdf',
                    'size' => $size ?: null,
                ]);
            }
            return $items;
    }
    return null;
}

/** "Natan HarPaz, Ph.D, M.S.W, CGP" => ["Natan HarPaz", ["Ph.D", "M.S.W", "CGP"]] (Jr./Sr./II stay in the name). */
function iigp_widgets_split_credentials($title) {
    $parts = array_values(array_filter(array_map('trim', explode(',', $title)), 'strlen'));
    $name = array_shift($parts) ?? '';
    while ($parts && preg_match('/^(jr|sr|i{2,3}|iv)\.?$/i', $parts[0])) $name .= ', ' . array_shift($parts);
    return [$name, $parts];
}

/** A schema.org Event array (iigp_workshop_events()) in the widgets' Workshop model. */
function iigp_widgets_workshop_from_event($event) {
    if (!is_array($event) || empty($event['startDate']) || empty($event['name'])) return null;
    $location = is_array($event['location'] ?? null) ? $event['location'] : [];
    $address = $location['address'] ?? '';
    if (is_array($address)) $address = implode(', ', array_filter([$address['streetAddress'] ?? '', $address['addressLocality'] ?? '', $address['addressRegion'] ?? '']));
    $offers = is_array($event['offers'] ?? null) ? $event['offers'] : [];
    $price = isset($offers['price']) ? ((float) $offers['price'] == 0 ? 'Free' : trim(($offers['priceCurrency'] ?? '') === 'USD' ? '$' . $offers['price'] : $offers['price'] . ' ' . ($offers['priceCurrency'] ?? ''))) : '';
    $status = strtolower(preg_replace('#^.*/Event#', '', (string) ($event['eventStatus'] ?? '')));
    return array_filter([
        'id' => (string) ($event['@id'] ?? $event['url'] ?? $event['name']),
        'title' => iigp_widgets_text($event['name']),
        'url' => $event['url'] ?? null,
        'start' => (string) $event['startDate'],
        'end' => $event['endDate'] ?? null,
        'timeZone' => $event['timeZone'] ?? wp_timezone_string(),
        'place' => array_filter(['name' => iigp_widgets_text($location['name'] ?? ''), 'address' => iigp_widgets_text($address)]) ?: null,
        'onlineUrl' => isset($location['url']) && empty($location['name']) ? $location['url'] : null,
        'presenters' => array_values(array_map(function ($p) { return ['name' => iigp_widgets_text(is_array($p) ? ($p['name'] ?? '') : $p)]; }, (array) ($event['performer'] ?? []))) ?: null,
        'ceCredits' => isset($event['ceCredits']) ? iigp_widgets_text($event['ceCredits']) : null,
        'price' => $price ?: null,
        'registrationUrl' => $offers['url'] ?? null,
        'summary' => isset($event['description']) ? iigp_widgets_text($event['description']) : null,
        'status' => in_array($status, ['cancelled', 'postponed'], true) ? $status : null,
    ], function ($v) { return $v !== null && $v !== ''; });
}

/** A date as the site writes it, in <time datetime>. */
function iigp_widgets_time($iso, $format, $zone = null) {
    $stamp = strtotime($iso);
    if ($stamp === false) return '';
    $tz = null;
    if ($zone) {
        try { $tz = new DateTimeZone($zone); } catch (Exception $e) { $tz = null; }
    }
    return sprintf('<time datetime="%s">%s</time>', esc_attr(gmdate('c', $stamp)), esc_html(wp_date($format, $stamp, $tz)));
}

/**
 * A workshop that has not ended: registration and a Google Calendar link, in the row where the widget
 * puts its buttons (the same height, so the upgrade moves nothing; "Add to calendar" needs JavaScript).
 */
function iigp_widgets_workshop_actions(array $w, $place) {
    $start = strtotime($w['start']);
    $end = isset($w['end']) ? strtotime($w['end']) : false;
    if ($start === false || ($end ?: $start) <= time() || ($w['status'] ?? '') === 'cancelled') return '';
    $stamp = function ($time) { return gmdate('Ymd\THis\Z', $time); };
    $google = add_query_arg(array_map('rawurlencode', array_filter([
        'action' => 'TEMPLATE',
        'text' => $w['title'],
        'dates' => $stamp($start) . '/' . $stamp($end ?: $start),
        'details' => trim(mb_substr($w['summary'] ?? '', 0, 800) . "\n\n" . ($w['url'] ?? '')),
        'location' => $place,
        'ctz' => strpos($w['timeZone'] ?? '', '/') !== false ? $w['timeZone'] : '',
    ])), 'https://calendar.google.com/calendar/render');
    return '<span class="iigp-actions">'
        . (!empty($w['registrationUrl']) ? '<a class="iigp-button iigp-register" href="' . esc_url($w['registrationUrl']) . '">Register<span class="screen-reader-text"> for ' . esc_html($w['title']) . '</span></a>' : '')
        . '<a class="iigp-button" href="' . esc_url($google) . '" target="_blank" rel="noopener">Google Calendar<span class="screen-reader-text">: ' . esc_html($w['title']) . ' (opens in a new tab)</span></a>'
        . '</span>';
}

/** "PDF, 1.2 KB". */
function iigp_widgets_file_meta(array $item) {
    $type = strtoupper(preg_replace('#^.*/#', '', $item['type'] ?? ''));
    return trim($type . (isset($item['size']) ? ', ' . size_format($item['size'], $item['size'] < KB_IN_BYTES ? 0 : 1) : ''), ', ');
}

/** The items as plain semantic HTML: a list with titles as links and dates in <time>. */
function iigp_widgets_items_html($tag, array $items, array $a) {
    $date_format = get_option('date_format') ?: 'F j, Y';
    $link = function ($url, $text) {
        return $url ? sprintf('<a href="%s">%s</a>', esc_url($url), esc_html($text)) : '<span>' . esc_html($text) . '</span>';
    };
    $out = '';
    switch ($tag) {
        case 'iigp-recent-posts':
            foreach ($items as $post) {
                $meta = [];
                if (($a['show-date'] ?? '') !== 'false') $meta[] = iigp_widgets_time($post['date'], $date_format);
                if (isset($a['show-author']) && !empty($post['author'])) $meta[] = '<span>by ' . esc_html($post['author']) . '</span>';
                $image = isset($post['image']) ? sprintf('<img src="%s" alt="%s" width="%d" height="%d" loading="lazy">', esc_url($post['image']['src']), esc_attr($post['image']['alt'] ?? ''), $post['image']['width'] ?? 0, $post['image']['height'] ?? 0) : '';
                $out .= '<li>' . $image . '<div>' . $link($post['url'], $post['title'])
                    . ($meta ? '<div class="iigp-meta">' . implode(' · ', $meta) . '</div>' : '')
                    . (isset($post['excerpt']) && $post['excerpt'] !== '' ? '<p>' . esc_html(wp_trim_words($post['excerpt'], (int) ($a['excerpt-words'] ?? 25), '…')) . '</p>' : '')
                    . '</div></li>';
            }
            return '<ul class="iigp-list">' . $out . '</ul>';

        case 'iigp-workshop-list':
            foreach ($items as $w) {
                $zone = $w['timeZone'] ?? null;
                $place = implode(', ', array_filter([$w['place']['name'] ?? '', $w['place']['address'] ?? '', !empty($w['onlineUrl']) ? 'Online' : '']));
                $out .= '<li>' . $link($w['url'] ?? '', $w['title'])
                    . ' ' . iigp_widgets_time($w['start'], 'D, F j, Y, g:i A T', $zone)
                    . ($place !== '' ? '<span class="iigp-place">' . esc_html($place) . '</span>' : '')
                    . (!empty($w['presenters']) ? '<span>With ' . esc_html(implode(', ', wp_list_pluck($w['presenters'], 'name'))) . '</span>' : '')
                    . (!empty($w['ceCredits']) ? '<span>CE credits: ' . esc_html($w['ceCredits']) . '</span>' : '')
                    . (!empty($w['price']) ? '<span>' . esc_html($w['price']) . '</span>' : '')
                    . (isset($a['show-description']) && !empty($w['summary']) ? '<p>' . esc_html($w['summary']) . '</p>' : '')
                    . iigp_widgets_workshop_actions($w, $place)
                    . '</li>';
            }
            return '<ul class="iigp-list">' . $out . '</ul>';

        case 'iigp-faculty-card':
            $p = $items[0];
            $initials = implode('', array_map(function ($word) { return mb_substr($word, 0, 1); }, array_slice(preg_split('/\s+/u', $p['name']), 0, 2)));
            $image = isset($p['image'])
                ? sprintf('<img src="%s" alt="" width="%d" height="%d" loading="lazy">', esc_url($p['image']['src']), $p['image']['width'] ?? 0, $p['image']['height'] ?? 0)
                : '<span class="iigp-initials" aria-hidden="true">' . esc_html($initials) . '</span>';
            return '<div class="iigp-card">' . $image . '<div>'
                . (($a['show-link'] ?? '') !== 'false' ? $link($p['url'] ?? '', $p['name']) : '<span>' . esc_html($p['name']) . '</span>')
                . (!empty($p['credentials']) ? '<span class="iigp-credentials">' . esc_html(implode(', ', $p['credentials'])) . '</span>' : '')
                . (!empty($p['jobTitle']) ? '<span class="iigp-job-title">' . esc_html($p['jobTitle']) . '</span>' : '')
                . (!empty($p['bio']) ? '<p>' . esc_html(wp_trim_words($p['bio'], (int) ($a['bio-words'] ?? 40), '…')) . '</p>' : '')
                . '</div></div>';

        case 'iigp-newsletter-archive':
            // Grouped by year as the widget groups them (by the year in the label, else the upload's).
            $groups = [];
            foreach ($items as $issue) {
                $year = preg_match('/\b(1[89]|20)\d\d\b/', $issue['title'], $m) ? $m[0] : substr($issue['date'] ?? '', 0, 4);
                $key = ($a['group-by'] ?? 'year') === 'none' ? '' : (($a['group-by'] ?? 'year') === 'volume' && preg_match('/Vol\.?\s*(\d+)/i', $issue['title'], $v) ? 'Volume ' . $v[1] : $year);
                $meta = iigp_widgets_file_meta($issue);
                $groups[$key][] = '<li><a href="' . esc_url($issue['url']) . '">' . esc_html($issue['title'])
                    . ($meta !== '' ? ' <span class="iigp-meta">(' . esc_html($meta) . ')</span>' : '') . '</a></li>';
            }
            ($a['order'] ?? 'newest') === 'oldest' ? ksort($groups) : krsort($groups);
            if (count($groups) === 1 && isset($groups[''])) return '<ul class="iigp-list">' . implode('', $groups['']) . '</ul>';
            $level = min(6, min(6, max(2, (int) ($a['heading-level'] ?? 2))) + 1); // one below the widget's heading, as the widget
            foreach ($groups as $key => $list) {
                $out .= sprintf('<section><h%1$d class="iigp-group">%2$s</h%1$d><ul class="iigp-list">%3$s</ul></section>', $level, esc_html($key), implode('', $list));
            }
            return $out;
    }
    return '';
}
