<?php
/**
 * Workshops as data: the post meta `iigp_workshop` (schema.org Event properties), the editor's
 * "Workshop" panel, the settings (which category holds the workshops), and the three ways the
 * workshops are published: GET /wp-json/iigp/v1/workshops (a schema.org ItemList of Events), the
 * iCalendar feed /feed/iigp-workshops/, and Event JSON-LD on each workshop's own page.
 *
 * Other plugin code reads the workshops with iigp_workshop_events( $args ), which returns exactly the
 * Events the route returns.
 */

defined('ABSPATH') || exit;

const IIGP_WORKSHOP_META = 'iigp_workshop';
/** Derived keys (not data): UTC start and end for querying and ordering, the edit counter for SEQUENCE. */
const IIGP_WORKSHOP_START = '_iigp_workshop_start';
const IIGP_WORKSHOP_END = '_iigp_workshop_end';
const IIGP_WORKSHOP_SEQUENCE = '_iigp_workshop_sequence';
const IIGP_WORKSHOP_MODIFIED = '_iigp_workshop_modified';
const IIGP_WORKSHOPS_OPTION = 'iigp_workshops_category';
const IIGP_WORKSHOPS_FEED = 'iigp-workshops';
/** Bump when the feed's rewrite rule changes: the rules are flushed once on the next request. */
const IIGP_WORKSHOPS_REWRITE_VERSION = '1';
const IIGP_WORKSHOP_STATUSES = [
    'https://schema.org/EventScheduled',
    'https://schema.org/EventCancelled',
    'https://schema.org/EventPostponed',
    'https://schema.org/EventMovedOnline',
];
const IIGP_WORKSHOP_DATE_PATTERN = '/^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/';

// --- The workshops category --------------------------------------------------------------------

/** The category that holds the workshops: the setting, else the category named "Workshops" (0: none). */
function iigp_workshops_category_id(): int {
    $id = (int) get_option(IIGP_WORKSHOPS_OPTION, 0);
    if ($id && term_exists($id, 'category')) return $id;
    $term = get_term_by('name', 'Workshops', 'category') ?: get_term_by('slug', 'workshops', 'category');
    return $term ? (int) $term->term_id : 0;
}

/** A category given as an ID, a slug or a name, as its ID (0: no such category). */
function iigp_workshops_resolve_category($category): int {
    if ($category === null || $category === '') return iigp_workshops_category_id();
    if (is_numeric($category)) {
        $term = get_term((int) $category, 'category');
    } else {
        $term = iigp_widgets_category($category);
    }
    return $term && !is_wp_error($term) ? (int) $term->term_id : 0;
}

/** Pages can be workshops too: they get categories. */
add_action('init', function () {
    register_taxonomy_for_object_type('category', 'page');
}, 5);

// --- Time zones and dates ----------------------------------------------------------------------

/** The site's zone as an IANA name (a site set to a plain UTC offset gets the matching Etc/GMT zone). */
function iigp_workshops_site_zone(): string {
    $zone = wp_timezone_string();
    if (iigp_workshops_zone_known($zone)) return $zone;
    if (preg_match('/^([+-])(\d\d):00$/', $zone, $m)) {
        $hours = (int) $m[2];
        // Etc/GMT zones count the other way round: UTC-5 is Etc/GMT+5.
        return $hours === 0 ? 'UTC' : 'Etc/GMT' . ($m[1] === '+' ? '-' : '+') . $hours;
    }
    return 'UTC';
}

function iigp_workshops_zone_known($zone): bool {
    static $zones = null;
    $zones = $zones ?? array_flip(timezone_identifiers_list());
    return is_string($zone) && isset($zones[$zone]);
}

/**
 * Reads a workshop date in a zone: with an offset it is an instant (shown in the zone); without one, a
 * wall-clock time in the zone; a date alone is an all-day date. Returns [DateTimeImmutable, all-day]
 * or null when it is not a date.
 */
function iigp_workshops_parse_date($value, string $zone): ?array {
    if (!is_string($value) || !preg_match(IIGP_WORKSHOP_DATE_PATTERN, trim($value), $m)) return null;
    if (!checkdate((int) $m[2], (int) $m[3], (int) $m[1]) || (int) $m[1] < 1000) return null;
    try {
        return iigp_workshops_make_date($m, new DateTimeZone($zone));
    } catch (Exception $e) {
        return null;
    }
}

function iigp_workshops_make_date(array $m, DateTimeZone $tz): ?array {
    if (empty($m[4])) {
        return [new DateTimeImmutable(sprintf('%s-%s-%s 00:00:00', $m[1], $m[2], $m[3]), $tz), true];
    }
    if ((int) $m[4] > 23 || (int) $m[5] > 59 || (int) ($m[6] ?? 0) > 59) return null;
    $wall = sprintf('%s-%s-%s %s:%s:%s', $m[1], $m[2], $m[3], $m[4], $m[5], ($m[6] ?? '') !== '' ? $m[6] : '00');
    if (!empty($m[7])) {
        $offset = $m[7] === 'Z' ? '+00:00' : $m[7];
        $instant = new DateTimeImmutable($wall, new DateTimeZone(strlen($offset) === 5 ? substr($offset, 0, 3) . ':' . substr($offset, 3) : $offset));
        return [$instant->setTimezone($tz), false];
    }
    return [new DateTimeImmutable($wall, $tz), false];
}

/** ISO 8601 as schema.org wants it: with the offset, or the date alone for all-day. */
function iigp_workshops_iso(DateTimeImmutable $date, bool $all_day): string {
    return $all_day ? $date->format('Y-m-d') : $date->format('Y-m-d\TH:i:sP');
}

function iigp_workshops_is_http_url($url): bool {
    if (!is_string($url) || $url === '' || preg_match('/\s/', $url) || esc_url_raw($url, ['http', 'https']) === '') return false;
    $parts = wp_parse_url($url);
    return is_array($parts) && in_array(strtolower($parts['scheme'] ?? ''), ['http', 'https'], true) && !empty($parts['host']);
}

// --- Validation and normalisation ----------------------------------------------------------------

/**
 * Checks a workshop entry and returns it normalised (dates with the zone's offset, empty values
 * dropped), or a WP_Error whose message an author understands.
 */
function iigp_workshop_normalize($value) {
    $invalid = function (string $message) {
        return new WP_Error('iigp_workshop_invalid', $message, ['status' => 400]);
    };
    if (!is_array($value)) return $invalid(__('The workshop details are not an object.', 'iigp-widgets'));
    $zone = isset($value['timeZone']) && $value['timeZone'] !== '' ? $value['timeZone'] : iigp_workshops_site_zone();
    if (!iigp_workshops_zone_known($zone)) {
        /* translators: %s: the time zone as entered */
        return $invalid(sprintf(__('Workshop: "%s" is not a known time zone (use a name such as America/Detroit).', 'iigp-widgets'), is_string($zone) ? $zone : ''));
    }
    $out = [];
    $start = iigp_workshops_parse_date($value['startDate'] ?? null, $zone);
    if (!$start) return $invalid(__('Workshop: the start date and time are missing or not a date.', 'iigp-widgets'));
    $out['startDate'] = iigp_workshops_iso($start[0], $start[1]);
    if (isset($value['endDate']) && $value['endDate'] !== '') {
        $end = iigp_workshops_parse_date($value['endDate'], $zone);
        if (!$end) return $invalid(__('Workshop: the end is not a date.', 'iigp-widgets'));
        if ($end[1] !== $start[1]) return $invalid(__('Workshop: give the start and the end both as dates (all day) or both with a time.', 'iigp-widgets'));
        // All-day ends are inclusive days (schema.org): the same day is fine.
        if ($start[1] ? $end[0] < $start[0] : $end[0] <= $start[0]) {
            return $invalid(__('Workshop: the end must be after the start.', 'iigp-widgets'));
        }
        $out['endDate'] = iigp_workshops_iso($end[0], $end[1]);
    }
    $out['timeZone'] = $zone;

    $location = $value['location'] ?? null;
    if (is_array($location) && array_filter($location, function ($v) { return is_string($v) && trim($v) !== ''; })) {
        if (!empty($location['url'])) {
            if (!iigp_workshops_is_http_url($location['url'])) return $invalid(__('Workshop: the join link must be an http(s) URL.', 'iigp-widgets'));
            $out['location'] = ['url' => esc_url_raw($location['url'], ['http', 'https'])];
        } else {
            $place = [];
            foreach (['name', 'address'] as $key) {
                if (isset($location[$key]) && trim((string) $location[$key]) !== '') $place[$key] = trim(sanitize_textarea_field((string) $location[$key]));
            }
            $out['location'] = $place;
        }
    }

    $performers = [];
    foreach ((array) ($value['performer'] ?? []) as $performer) {
        if (is_string($performer)) {
            if (trim($performer) !== '') $performers[] = sanitize_text_field($performer);
        } elseif (is_array($performer) && trim((string) ($performer['name'] ?? '')) !== '') {
            $entry = ['name' => sanitize_text_field((string) $performer['name'])];
            if (!empty($performer['url'])) {
                if (!iigp_workshops_is_http_url($performer['url'])) return $invalid(__('Workshop: a presenter\'s page must be an http(s) URL.', 'iigp-widgets'));
                $entry['url'] = esc_url_raw($performer['url'], ['http', 'https']);
            }
            $performers[] = $entry;
        }
    }
    if ($performers) $out['performer'] = $performers;

    if (isset($value['ceCredits']) && trim((string) $value['ceCredits']) !== '') $out['ceCredits'] = sanitize_text_field((string) $value['ceCredits']);

    $offers = is_array($value['offers'] ?? null) ? $value['offers'] : [];
    $offer = [];
    if (isset($offers['price']) && $offers['price'] !== '' && $offers['price'] !== null) {
        if (!is_numeric($offers['price']) || (float) $offers['price'] < 0) return $invalid(__('Workshop: the price must be a number (0 when free).', 'iigp-widgets'));
        $offer['price'] = (string) $offers['price'];
        $currency = strtoupper(trim((string) ($offers['priceCurrency'] ?? '')));
        if ($currency === '') $currency = 'USD';
        if (!preg_match('/^[A-Z]{3}$/', $currency)) return $invalid(__('Workshop: the currency must be a three-letter code such as USD.', 'iigp-widgets'));
        $offer['priceCurrency'] = $currency;
    }
    if (!empty($offers['url'])) {
        if (!iigp_workshops_is_http_url($offers['url'])) return $invalid(__('Workshop: the registration URL must be an http(s) URL.', 'iigp-widgets'));
        $offer['url'] = esc_url_raw($offers['url'], ['http', 'https']);
    }
    if (!empty($offers['availability'])) {
        if ($offers['availability'] !== 'https://schema.org/SoldOut') return $invalid(__('Workshop: the availability can only be SoldOut.', 'iigp-widgets'));
        $offer['availability'] = 'https://schema.org/SoldOut';
    }
    if ($offer) $out['offers'] = $offer;

    $status = $value['eventStatus'] ?? '';
    if ($status !== '' && $status !== null) {
        if (!in_array($status, IIGP_WORKSHOP_STATUSES, true)) return $invalid(__('Workshop: unknown status.', 'iigp-widgets'));
        if ($status === 'https://schema.org/EventMovedOnline' && empty($out['location']['url'])) {
            return $invalid(__('Workshop: a workshop moved online needs its join link.', 'iigp-widgets'));
        }
        $out['eventStatus'] = $status;
    }
    return $out;
}

/** The meta's JSON schema (REST): the shape; iigp_workshop_normalize() checks the meaning. */
function iigp_workshop_schema(): array {
    $text = ['type' => 'string'];
    return [
        'type' => 'object',
        'description' => 'Workshop details as schema.org Event properties.',
        'additionalProperties' => false,
        'properties' => [
            'startDate' => ['type' => 'string', 'description' => 'ISO 8601 with offset (a date alone: all day).'],
            'endDate' => ['type' => 'string', 'description' => 'ISO 8601 with offset (a date alone: the last day, all day).'],
            'timeZone' => ['type' => 'string', 'description' => 'IANA time zone, e.g. America/Detroit.'],
            'location' => [
                'type' => 'object',
                'additionalProperties' => false,
                'description' => '{name, address} for a place, {url} for an online workshop.',
                'properties' => ['name' => $text, 'address' => $text, 'url' => $text],
            ],
            'performer' => [
                'type' => 'array',
                'description' => 'Presenters: names, or {name, url} for a faculty page.',
                'items' => [
                    'type' => ['string', 'object'],
                    'additionalProperties' => false,
                    'properties' => ['name' => $text, 'url' => $text],
                ],
            ],
            'ceCredits' => $text,
            'offers' => [
                'type' => 'object',
                'additionalProperties' => false,
                'properties' => [
                    'price' => ['type' => ['string', 'number']],
                    'priceCurrency' => $text,
                    'url' => $text,
                    'availability' => ['type' => 'string', 'enum' => ['', 'https://schema.org/SoldOut']],
                ],
            ],
            'eventStatus' => ['type' => 'string', 'enum' => array_merge([''], IIGP_WORKSHOP_STATUSES)],
        ],
    ];
}

// --- The meta ----------------------------------------------------------------------------------

add_action('init', function () {
    foreach (['post', 'page'] as $type) {
        register_post_meta($type, IIGP_WORKSHOP_META, [
            'type' => 'object',
            'single' => true,
            'description' => 'Workshop details (schema.org Event properties).',
            'show_in_rest' => ['schema' => iigp_workshop_schema()],
            'sanitize_callback' => function ($value) {
                $normal = iigp_workshop_normalize($value);
                return is_wp_error($normal) ? $value : $normal; // refused below, by the metadata filters
            },
            'auth_callback' => function ($allowed, $meta_key, $post_id) {
                return current_user_can('edit_post', $post_id);
            },
        ]);
        // The block editor: refuse the whole save, with the reason, when the entry is invalid.
        add_filter("rest_pre_insert_{$type}", 'iigp_workshop_rest_pre_insert', 10, 2);
    }
});

function iigp_workshop_rest_pre_insert($prepared, WP_REST_Request $request) {
    $meta = $request->get_param('meta');
    if (!is_array($meta) || !array_key_exists(IIGP_WORKSHOP_META, $meta)) return $prepared;
    $value = $meta[IIGP_WORKSHOP_META];
    if ($value === null || $value === [] || $value === '') return $prepared; // removes the details
    $normal = iigp_workshop_normalize($value);
    return is_wp_error($normal) ? $normal : $prepared;
}

/** Any other writer (update_post_meta): an invalid entry is not stored. */
foreach (['add', 'update'] as $iigp_verb) {
    add_filter("{$iigp_verb}_post_metadata", function ($check, $object_id, $meta_key, $meta_value) {
        if ($meta_key !== IIGP_WORKSHOP_META || $check !== null) return $check;
        if ($meta_value === '' || $meta_value === [] || $meta_value === null) return $check;
        return is_wp_error(iigp_workshop_normalize($meta_value)) ? false : $check;
    }, 10, 4);
}

/** Keeps the derived keys in step with the entry: UTC start and end, the edit counter, when it changed. */
function iigp_workshop_index($meta_id, $post_id, $meta_key) {
    if ($meta_key !== IIGP_WORKSHOP_META) return;
    $value = get_post_meta($post_id, IIGP_WORKSHOP_META, true);
    $range = is_array($value) ? iigp_workshop_range($value) : null;
    if (!$range) {
        delete_post_meta($post_id, IIGP_WORKSHOP_START);
        delete_post_meta($post_id, IIGP_WORKSHOP_END);
        return;
    }
    update_post_meta($post_id, IIGP_WORKSHOP_START, $range[0]);
    update_post_meta($post_id, IIGP_WORKSHOP_END, $range[1]);
    iigp_workshop_touch($post_id);
}
add_action('added_post_meta', 'iigp_workshop_index', 10, 3);
add_action('updated_post_meta', 'iigp_workshop_index', 10, 3);
add_action('deleted_post_meta', function ($meta_ids, $post_id, $meta_key) {
    if ($meta_key !== IIGP_WORKSHOP_META) return;
    delete_post_meta($post_id, IIGP_WORKSHOP_START);
    delete_post_meta($post_id, IIGP_WORKSHOP_END);
}, 10, 3);

/** A change calendar programs must pick up: SEQUENCE goes up, LAST-MODIFIED moves. */
function iigp_workshop_touch($post_id) {
    update_post_meta($post_id, IIGP_WORKSHOP_SEQUENCE, (int) get_post_meta($post_id, IIGP_WORKSHOP_SEQUENCE, true) + 1);
    update_post_meta($post_id, IIGP_WORKSHOP_MODIFIED, time());
}
/** The title and excerpt are the event's summary and description: editing them is a change too. */
add_action('post_updated', function ($post_id, $after, $before) {
    if (!get_post_meta($post_id, IIGP_WORKSHOP_META, true)) return;
    if ($after->post_title !== $before->post_title || $after->post_excerpt !== $before->post_excerpt || $after->post_status !== $before->post_status) {
        iigp_workshop_touch($post_id);
    }
}, 10, 3);

/** [start, end] as UTC timestamps; an event without an end ends at its start (all day: the next midnight). */
function iigp_workshop_range(array $value): ?array {
    $zone = iigp_workshops_zone_known($value['timeZone'] ?? null) ? $value['timeZone'] : iigp_workshops_site_zone();
    $start = iigp_workshops_parse_date($value['startDate'] ?? null, $zone);
    if (!$start) return null;
    $end = isset($value['endDate']) ? iigp_workshops_parse_date($value['endDate'], $zone) : null;
    $last = $end ? $end[0] : $start[0];
    if ($start[1]) $last = $last->modify('+1 day');
    return [$start[0]->getTimestamp(), $last->getTimestamp()];
}

// --- The Events ----------------------------------------------------------------------------------

/** The post's excerpt as plain text (never HTML): the event's description. */
function iigp_workshops_description(WP_Post $post): string {
    if (post_password_required($post)) return '';
    $text = $post->post_excerpt !== '' ? $post->post_excerpt : wp_trim_words(excerpt_remove_blocks(strip_shortcodes($post->post_content)), 55, '…');
    return trim(html_entity_decode(wp_strip_all_tags($text), ENT_QUOTES | ENT_HTML5, 'UTF-8'));
}

/**
 * One workshop as a schema.org Event: the meta, completed by the post's title, link and excerpt.
 * A post of the workshops category without details counts with its publication date as the start.
 */
function iigp_workshop_event(WP_Post $post): ?array {
    $details = get_post_meta($post->ID, IIGP_WORKSHOP_META, true);
    $details = is_array($details) && !empty($details['startDate']) ? $details : null;
    if ($details) {
        $normal = iigp_workshop_normalize($details);
        if (is_wp_error($normal)) return null;
        $details = $normal;
    } else {
        $zone = iigp_workshops_site_zone();
        $date = new DateTimeImmutable($post->post_date_gmt . ' +00:00');
        $details = ['startDate' => iigp_workshops_iso($date->setTimezone(new DateTimeZone($zone)), false), 'timeZone' => $zone];
    }
    $event = [
        '@type' => 'Event',
        'name' => html_entity_decode(wp_strip_all_tags(get_the_title($post)), ENT_QUOTES | ENT_HTML5, 'UTF-8'),
        'url' => get_permalink($post),
        'startDate' => $details['startDate'],
    ];
    if (isset($details['endDate'])) $event['endDate'] = $details['endDate'];
    $event['timeZone'] = $details['timeZone'];
    // The zone where schema.org has a place for it (and where readers of JSON-LD look).
    $event['eventSchedule'] = ['@type' => 'Schedule', 'scheduleTimezone' => $details['timeZone']];
    $description = iigp_workshops_description($post);
    if ($description !== '') $event['description'] = $description;
    $status = $details['eventStatus'] ?? 'https://schema.org/EventScheduled';
    $event['eventStatus'] = $status;
    $location = $details['location'] ?? null;
    if (!empty($location['url'])) {
        $event['eventAttendanceMode'] = 'https://schema.org/OnlineEventAttendanceMode';
        $event['location'] = ['@type' => 'VirtualLocation', 'url' => $location['url']];
    } elseif ($location) {
        $event['eventAttendanceMode'] = 'https://schema.org/OfflineEventAttendanceMode';
        $event['location'] = ['@type' => 'Place'] + $location;
    }
    if (!empty($details['performer'])) {
        $event['performer'] = array_map(function ($performer) {
            return is_array($performer) ? ['@type' => 'Person'] + $performer : ['@type' => 'Person', 'name' => $performer];
        }, $details['performer']);
    }
    if (isset($details['ceCredits'])) $event['ceCredits'] = $details['ceCredits'];
    if (!empty($details['offers'])) $event['offers'] = ['@type' => 'Offer'] + $details['offers'];
    $image = get_the_post_thumbnail_url($post, 'large');
    if ($image) $event['image'] = $image;
    $event['organizer'] = ['@type' => 'Organization', 'name' => html_entity_decode(get_bloginfo('name'), ENT_QUOTES, 'UTF-8'), 'url' => home_url('/')];
    return $event;
}

/**
 * The published workshops as schema.org Event arrays, as GET /wp-json/iigp/v1/workshops returns them.
 *   when      'upcoming' (default: not yet ended, soonest first), 'past' (ended, latest first) or 'all' (by start)
 *   per_page  1–100 (default 10; `limit` is the same)
 *   category  a category ID, slug or name (default: the workshops category); 0 matches nothing
 *   post      a post ID: that workshop alone (when it is one), whatever `when` says
 */
function iigp_workshop_events(array $args = []): array {
    return iigp_workshop_query($args)['events'];
}

/** iigp_workshop_events() with the posts behind the events (the feed needs them). */
function iigp_workshop_query(array $args = []): array {
    $when = in_array($args['when'] ?? 'upcoming', ['upcoming', 'past', 'all'], true) ? ($args['when'] ?? 'upcoming') : 'upcoming';
    $per_page = max(1, min((int) ($args['per_page'] ?? $args['limit'] ?? 10), (int) ($args['max'] ?? 100)));
    $category = iigp_workshops_resolve_category($args['category'] ?? null);
    if (!$category) return ['events' => [], 'posts' => []];
    $now = (int) ($args['now'] ?? time());
    $base = [
        'post_type' => ['post', 'page'],
        'post_status' => 'publish',
        'has_password' => false,
        'posts_per_page' => $per_page,
        'ignore_sticky_posts' => true,
        'no_found_rows' => true,
        'suppress_filters' => false,
        'tax_query' => [['taxonomy' => 'category', 'terms' => [$category], 'include_children' => true]],
    ];
    if (!empty($args['post'])) $base['p'] = (int) $args['post'];
    if (isset($args['since'])) $now = (int) $args['since'];
    $descending = $when === 'past';
    // Workshops with details, by their own dates...
    $with = $base + [
        'meta_key' => IIGP_WORKSHOP_START,
        'orderby' => 'meta_value_num',
        'order' => $descending ? 'DESC' : 'ASC',
    ];
    if ($when !== 'all' && empty($args['post'])) {
        $with['meta_query'] = [['key' => IIGP_WORKSHOP_END, 'value' => $now, 'compare' => $when === 'past' ? '<=' : '>', 'type' => 'NUMERIC']];
    }
    // ...and the category's posts without details, by their publication dates (as before the details existed).
    $without = $base + [
        'meta_query' => [['key' => IIGP_WORKSHOP_START, 'compare' => 'NOT EXISTS']],
        'orderby' => 'date',
        'order' => $descending ? 'DESC' : 'ASC',
    ];
    if ($when !== 'all' && empty($args['post'])) {
        $without['date_query'] = [['column' => 'post_date_gmt', $when === 'past' ? 'before' : 'after' => gmdate('Y-m-d H:i:s', $now), 'inclusive' => $when === 'past']];
    }
    if (!empty($args['details_only'])) $without = null;
    $found = [];
    foreach (array_filter([$with, $without]) as $query_args) {
        foreach ((new WP_Query($query_args))->posts as $post) {
            $event = iigp_workshop_event($post);
            if (!$event) continue;
            $range = iigp_workshop_range($event);
            $found[] = ['post' => $post, 'event' => $event, 'start' => $range ? $range[0] : 0];
        }
    }
    usort($found, function ($a, $b) use ($descending) {
        return $descending ? $b['start'] <=> $a['start'] : $a['start'] <=> $b['start'];
    });
    $found = array_slice($found, 0, $per_page);
    return ['events' => array_column($found, 'event'), 'posts' => array_column($found, 'post')];
}

/** The Events as a schema.org ItemList. */
function iigp_workshops_item_list(array $events): array {
    $elements = [];
    foreach (array_values($events) as $i => $event) {
        $elements[] = ['@type' => 'ListItem', 'position' => $i + 1, 'item' => $event];
    }
    return [
        '@context' => 'https://schema.org',
        '@type' => 'ItemList',
        'name' => html_entity_decode(get_bloginfo('name'), ENT_QUOTES, 'UTF-8') . ' – ' . __('Workshops', 'iigp-widgets'),
        'numberOfItems' => count($elements),
        'itemListElement' => $elements,
    ];
}

// --- 1. GET /wp-json/iigp/v1/workshops -------------------------------------------------------

add_action('rest_api_init', function () {
    register_rest_route('iigp/v1', '/workshops', [
        'methods' => WP_REST_Server::READABLE,
        'permission_callback' => '__return_true',
        'args' => [
            'when' => [
                'description' => 'upcoming (not yet ended), past or all.',
                'type' => 'string',
                'enum' => ['upcoming', 'past', 'all'],
                'default' => 'upcoming',
                'validate_callback' => 'rest_validate_request_arg',
            ],
            'per_page' => [
                'description' => 'How many workshops at most (1–100).',
                'type' => 'integer',
                'minimum' => 1,
                'maximum' => 100,
                'default' => 10,
                'validate_callback' => 'rest_validate_request_arg',
                'sanitize_callback' => 'absint',
            ],
            'category' => [
                'description' => 'A category ID or slug (default: the workshops category).',
                'type' => 'string',
                'validate_callback' => function ($value, $request, $param) {
                    if (!is_string($value) && !is_int($value)) return new WP_Error('rest_invalid_param', sprintf(__('%s is not a category.', 'iigp-widgets'), $param), ['status' => 400]);
                    if (!iigp_workshops_resolve_category((string) $value)) {
                        return new WP_Error('rest_invalid_param', sprintf(__('There is no category "%s".', 'iigp-widgets'), (string) $value), ['status' => 400]);
                    }
                    return true;
                },
            ],
        ],
        'callback' => function (WP_REST_Request $request) {
            $events = iigp_workshop_events([
                'when' => $request['when'],
                'per_page' => $request['per_page'],
                'category' => $request['category'],
            ]);
            return rest_ensure_response(iigp_workshops_item_list($events));
        },
    ]);
});

// --- 2. The iCalendar feed: /feed/iigp-workshops/ ---------------------------------------------------

add_action('init', function () {
    add_feed(IIGP_WORKSHOPS_FEED, 'iigp_workshops_feed');
    // A new or updated plugin: its feed needs a rewrite rule (once; soft flush).
    if (get_option('iigp_workshops_rewrite') !== IIGP_WORKSHOPS_REWRITE_VERSION) {
        flush_rewrite_rules(false);
        update_option('iigp_workshops_rewrite', IIGP_WORKSHOPS_REWRITE_VERSION);
    }
});
// Deactivated, the rule may be flushed away: the next activation flushes again.
register_deactivation_hook(dirname(__DIR__) . '/iigp-widgets.php', function () {
    delete_option('iigp_workshops_rewrite');
});
add_filter('feed_content_type', function ($type, $feed) {
    return $feed === IIGP_WORKSHOPS_FEED ? 'text/calendar' : $type;
}, 10, 2);

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped. */
function iigp_ics_text(string $text): string {
    $text = str_replace(["\r\n", "\r"], "\n", $text);
    return strtr($text, ['\\' => '\\\\', ';' => '\\;', ',' => '\\,', "\n" => '\\n']);
}

/** A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character; CRLF. */
function iigp_ics_line(string $line): string {
    $out = '';
    $limit = 75;
    while (strlen($line) > $limit) {
        $cut = $limit;
        while ($cut > 0 && (ord($line[$cut]) & 0xC0) === 0x80) $cut--; // back to a character boundary
        $out .= substr($line, 0, $cut) . "\r\n ";
        $line = substr($line, $cut);
        $limit = 74; // the leading space counts
    }
    return $out . $line . "\r\n";
}

function iigp_ics_offset(int $seconds): string {
    $sign = $seconds < 0 ? '-' : '+';
    $seconds = abs($seconds);
    $text = sprintf('%s%02d%02d', $sign, intdiv($seconds, 3600), intdiv($seconds % 3600, 60));
    return $seconds % 60 ? $text . sprintf('%02d', $seconds % 60) : $text;
}

/**
 * A VTIMEZONE for `$zone` that is right from `$from` to `$to` (UTC timestamps), made from PHP's own
 * zone data: each run of yearly transitions on the same rule ("second Sunday of March, 2:00") becomes
 * one DAYLIGHT or STANDARD part with an RRULE (ending with UNTIL when the rule changed); a lone
 * transition becomes a part of its own; a zone without transitions, one STANDARD part.
 */
function iigp_ics_vtimezone(string $zone, int $from, int $to): array {
    $tz = new DateTimeZone($zone);
    $transitions = $tz->getTransitions($from, $to) ?: [];
    $initial = $transitions ? array_shift($transitions) : ['offset' => $tz->getOffset(new DateTime('@' . $from)), 'isdst' => false, 'abbr' => ''];
    $lines = ['BEGIN:VTIMEZONE', 'TZID:' . $zone, 'X-LIC-LOCATION:' . $zone];
    $name = function ($abbr) {
        return preg_match('/^[A-Za-z]+$/', (string) $abbr) ? (string) $abbr : '';
    };
    // The offset in force at the start of the range (calendar programs need an onset before any time they show).
    $kind = !empty($initial['isdst']) ? 'DAYLIGHT' : 'STANDARD';
    $lines[] = 'BEGIN:' . $kind;
    $lines[] = 'DTSTART:' . ($transitions ? (new DateTimeImmutable('@' . ($from + $initial['offset'])))->format('Ymd\THis') : '19700101T000000');
    $lines[] = 'TZOFFSETFROM:' . iigp_ics_offset($initial['offset']);
    $lines[] = 'TZOFFSETTO:' . iigp_ics_offset($initial['offset']);
    if ($name($initial['abbr'])) $lines[] = 'TZNAME:' . $initial['abbr'];
    $lines[] = 'END:' . $kind;
    if (!$transitions) {
        $lines[] = 'END:VTIMEZONE';
        return $lines;
    }
    // Describe each transition by its rule.
    $previous = $initial['offset'];
    $described = [];
    foreach ($transitions as $t) {
        $local = (new DateTimeImmutable('@' . $t['ts']))->modify(($previous >= 0 ? '+' : '-') . abs($previous) . ' seconds');
        $day = (int) $local->format('j');
        $described[] = [
            'ts' => $t['ts'], 'from' => $previous, 'to' => $t['offset'], 'dst' => (bool) $t['isdst'], 'abbr' => $name($t['abbr']),
            'local' => $local, 'year' => (int) $local->format('Y'), 'month' => (int) $local->format('n'),
            'weekday' => strtoupper(substr($local->format('D'), 0, 2)), 'time' => $local->format('His'),
            'nth' => intdiv($day - 1, 7) + 1, 'last' => $day + 7 > (int) $local->format('t'),
        ];
        $previous = $t['offset'];
    }
    // Runs of the same rule in consecutive years.
    $runs = [];
    foreach ($described as $t) {
        $placed = false;
        foreach ($runs as &$run) {
            $last = end($run['items']);
            if ($last['year'] + 1 === $t['year'] && $last['from'] === $t['from'] && $last['to'] === $t['to'] && $last['dst'] === $t['dst']
                && $last['abbr'] === $t['abbr'] && $last['month'] === $t['month'] && $last['weekday'] === $t['weekday'] && $last['time'] === $t['time']
                && (($run['by'] === 'nth' && $last['nth'] === $t['nth']) || ($run['by'] === 'last' && $t['last']) || ($run['by'] === null && ($last['nth'] === $t['nth'] || ($last['last'] && $t['last']))))) {
                if ($run['by'] === null) $run['by'] = $last['nth'] === $t['nth'] ? 'nth' : 'last';
                $run['items'][] = $t;
                $placed = true;
                break;
            }
        }
        unset($run);
        if (!$placed) $runs[] = ['by' => null, 'items' => [$t]];
    }
    $final = end($described);
    foreach ($runs as $run) {
        $first = $run['items'][0];
        $last = end($run['items']);
        $kind = $first['dst'] ? 'DAYLIGHT' : 'STANDARD';
        $lines[] = 'BEGIN:' . $kind;
        $lines[] = 'DTSTART:' . $first['local']->format('Ymd\THis');
        $lines[] = 'TZOFFSETFROM:' . iigp_ics_offset($first['from']);
        $lines[] = 'TZOFFSETTO:' . iigp_ics_offset($first['to']);
        if ($first['abbr']) $lines[] = 'TZNAME:' . $first['abbr'];
        if (count($run['items']) > 1) {
            $byday = ($run['by'] === 'last' ? '-1' : $first['nth']) . $first['weekday'];
            // A run that lasts to the end of the range goes on (the zone's current rule); another ends.
            $ongoing = $last['year'] >= $final['year'] - 1;
            $lines[] = 'RRULE:FREQ=YEARLY;BYMONTH=' . $first['month'] . ';BYDAY=' . $byday . ($ongoing ? '' : ';UNTIL=' . gmdate('Ymd\THis\Z', $last['ts']));
        }
        $lines[] = 'END:' . $kind;
    }
    $lines[] = 'END:VTIMEZONE';
    return $lines;
}

/** A UID that stays with the workshop: made from the post's GUID, which never changes. */
function iigp_workshop_uid(WP_Post $post): string {
    $hash = md5($post->guid !== '' ? $post->guid : 'post-' . $post->ID);
    return sprintf('%s-%s-%s-%s-%s@%s', substr($hash, 0, 8), substr($hash, 8, 4), substr($hash, 12, 4), substr($hash, 16, 4), substr($hash, 20), wp_parse_url(home_url(), PHP_URL_HOST));
}

/** The workshops as an iCalendar document (the feed; subscribable). */
function iigp_workshops_ics(array $args = []): string {
    $args += ['when' => 'all', 'per_page' => 500, 'max' => 500, 'since' => time() - YEAR_IN_SECONDS];
    // Upcoming ones and those ended within the last year (calendar programs keep the older ones).
    $args['when'] = 'upcoming';
    $result = iigp_workshop_query($args);
    $site_zone = iigp_workshops_site_zone();
    $zones = [];
    $events = [];
    $stamp_all = 0;
    foreach ($result['events'] as $i => $event) {
        $post = $result['posts'][$i];
        $zone = $event['timeZone'];
        $range = iigp_workshop_range($event);
        if (!$range) continue;
        $zones[$zone] = [min($zones[$zone][0] ?? PHP_INT_MAX, $range[0]), max($zones[$zone][1] ?? 0, $range[1])];
        $modified = max((int) get_post_modified_time('U', true, $post), (int) get_post_meta($post->ID, IIGP_WORKSHOP_MODIFIED, true));
        $stamp_all = max($stamp_all, $modified);
        $tz = new DateTimeZone($zone);
        [$start, $all_day] = iigp_workshops_parse_date($event['startDate'], $zone);
        $lines = ['BEGIN:VEVENT', 'UID:' . iigp_workshop_uid($post), 'DTSTAMP:' . gmdate('Ymd\THis\Z', $modified), 'LAST-MODIFIED:' . gmdate('Ymd\THis\Z', $modified), 'SEQUENCE:' . (int) get_post_meta($post->ID, IIGP_WORKSHOP_SEQUENCE, true)];
        if ($all_day) {
            $lines[] = 'DTSTART;VALUE=DATE:' . $start->format('Ymd');
            // iCalendar ends are exclusive: the day after schema.org's (inclusive) last day.
            $last = isset($event['endDate']) ? iigp_workshops_parse_date($event['endDate'], $zone)[0] : $start;
            $lines[] = 'DTEND;VALUE=DATE:' . $last->modify('+1 day')->format('Ymd');
        } else {
            $lines[] = 'DTSTART;TZID=' . $zone . ':' . $start->format('Ymd\THis');
            if (isset($event['endDate'])) $lines[] = 'DTEND;TZID=' . $zone . ':' . iigp_workshops_parse_date($event['endDate'], $zone)[0]->setTimezone($tz)->format('Ymd\THis');
        }
        $lines[] = 'SUMMARY:' . iigp_ics_text($event['name']);
        $description = $event['description'] ?? '';
        $extra = [];
        if (!empty($event['performer'])) $extra[] = __('Presenters:', 'iigp-widgets') . ' ' . implode(', ', array_column($event['performer'], 'name'));
        if (!empty($event['ceCredits'])) $extra[] = __('CE credits:', 'iigp-widgets') . ' ' . $event['ceCredits'];
        if (!empty($event['offers']['url'])) $extra[] = __('Registration:', 'iigp-widgets') . ' ' . $event['offers']['url'];
        $description = trim($description . ($extra ? "\n\n" . implode("\n", $extra) : ''));
        if ($description !== '') $lines[] = 'DESCRIPTION:' . iigp_ics_text($description);
        if (!empty($event['location']['url'])) {
            $lines[] = 'LOCATION:' . iigp_ics_text($event['location']['url']);
        } elseif (!empty($event['location'])) {
            $lines[] = 'LOCATION:' . iigp_ics_text(implode(', ', array_filter([$event['location']['name'] ?? '', str_replace("\n", ', ', $event['location']['address'] ?? '')])));
        }
        $lines[] = 'URL:' . $event['url'];
        $status = [
            'https://schema.org/EventCancelled' => 'CANCELLED',
            'https://schema.org/EventPostponed' => 'TENTATIVE',
        ][$event['eventStatus']] ?? 'CONFIRMED';
        $lines[] = 'STATUS:' . $status;
        $lines[] = 'TRANSP:OPAQUE';
        $lines[] = 'END:VEVENT';
        $events[] = $lines;
    }
    $name = html_entity_decode(get_bloginfo('name'), ENT_QUOTES, 'UTF-8') . ' – ' . __('Workshops', 'iigp-widgets');
    $out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//IIGP//IIGP Widgets ' . IIGP_WIDGETS_VERSION . '//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
        'NAME:' . iigp_ics_text($name), 'X-WR-CALNAME:' . iigp_ics_text($name), 'X-WR-TIMEZONE:' . $site_zone,
        'REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H'];
    ksort($zones);
    foreach ($zones as $zone => [$first, $last]) {
        // A year either side: the zone's rules around the events, as calendar programs need them.
        $out = array_merge($out, iigp_ics_vtimezone($zone, $first - YEAR_IN_SECONDS, $last + YEAR_IN_SECONDS));
    }
    foreach ($events as $lines) $out = array_merge($out, $lines);
    $out[] = 'END:VCALENDAR';
    return implode('', array_map('iigp_ics_line', $out));
}

function iigp_workshops_feed() {
    $body = iigp_workshops_ics();
    // Calendar programs poll subscriptions: an unchanged calendar costs them a 304. The ETag is the
    // content's, so a removed or unpublished workshop changes it too (a date would not).
    $etag = '"' . md5($body) . '"';
    header('Content-Type: text/calendar; charset=utf-8');
    header('Content-Disposition: inline; filename="workshops.ics"');
    header('ETag: ' . $etag);
    header('Cache-Control: no-cache');
    $asked = isset($_SERVER['HTTP_IF_NONE_MATCH']) ? array_map('trim', explode(',', wp_unslash($_SERVER['HTTP_IF_NONE_MATCH']))) : [];
    if (in_array($etag, $asked, true) || in_array('W/' . $etag, $asked, true)) {
        status_header(304);
        return;
    }
    echo $body;
}

// --- 3. Event JSON-LD on each workshop's own page ----------------------------------------------------

add_action('wp_head', function () {
    if (!is_singular(['post', 'page'])) return;
    $post = get_queried_object();
    if (!$post instanceof WP_Post || !get_post_meta($post->ID, IIGP_WORKSHOP_META, true)) return;
    $events = iigp_workshop_events(['post' => $post->ID, 'details_only' => true, 'per_page' => 1]);
    if (!$events) return;
    $data = ['@context' => 'https://schema.org'] + $events[0];
    // JSON_HEX_TAG: "</script>" in a title cannot end the element.
    echo '<script type="application/ld+json" id="iigp-workshop-jsonld">' . wp_json_encode($data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_HEX_TAG | JSON_HEX_AMP) . "</script>\n";
});

// --- The shortcode's (and the blocks') default source ------------------------------------------------

/** The route's URL for a workshop list: `when`, `limit` (as per_page) and `category` carried over. */
function iigp_workshops_default_source(array &$attributes): string {
    $query = [];
    if (!empty($attributes['when']) && in_array($attributes['when'], ['past', 'all'], true)) $query['when'] = $attributes['when'];
    // -1 is all: as many as the route gives (100).
    if (!empty($attributes['limit']) && ((int) $attributes['limit'] > 0 || (int) $attributes['limit'] === -1))
        $query['per_page'] = (int) $attributes['limit'] === -1 ? 100 : min(100, (int) $attributes['limit']);
    if (!empty($attributes['category'])) {
        $id = iigp_workshops_resolve_category($attributes['category']);
        // An unknown category is passed on as written: the route's 400 names it (the widget shows its fallback).
        $query['category'] = $id ? get_term($id, 'category')->slug : sanitize_title($attributes['category']);
        unset($attributes['category']);
    }
    $attributes['format'] = $attributes['format'] ?? 'json';
    return add_query_arg($query, rest_url('iigp/v1/workshops'));
}

// --- The settings: which category holds the workshops ---------------------------------------------

add_action('init', function () {
    register_setting('iigp-widgets', IIGP_WORKSHOPS_OPTION, [
        'type' => 'integer',
        'description' => 'The category whose posts and pages are workshops (0: the category named "Workshops").',
        'sanitize_callback' => function ($value) {
            $id = absint($value);
            return $id && term_exists($id, 'category') ? $id : 0;
        },
        'default' => 0,
        'show_in_rest' => true,
    ]);
});
add_action('admin_init', function () {
    add_settings_section('iigp-workshops', __('Workshops', 'iigp-widgets'), function () {
        echo '<p>' . esc_html__('Posts and pages in this category get the Workshop panel in the editor, and are published at /wp-json/iigp/v1/workshops, in the calendar feed and as Event data on their pages.', 'iigp-widgets') . '</p>';
        printf('<p>%s <a href="%s">%s</a></p>', esc_html__('Calendar feed to subscribe to:', 'iigp-widgets'), esc_url(get_feed_link(IIGP_WORKSHOPS_FEED)), esc_html(get_feed_link(IIGP_WORKSHOPS_FEED)));
    }, 'iigp-widgets');
    add_settings_field(IIGP_WORKSHOPS_OPTION, __('Workshops category', 'iigp-widgets'), function () {
        wp_dropdown_categories([
            'name' => IIGP_WORKSHOPS_OPTION,
            'id' => IIGP_WORKSHOPS_OPTION,
            'selected' => (int) get_option(IIGP_WORKSHOPS_OPTION, 0),
            'show_option_none' => __('The category named “Workshops”', 'iigp-widgets'),
            'option_none_value' => '0',
            'hide_empty' => false,
            'hierarchical' => true,
        ]);
    }, 'iigp-widgets', 'iigp-workshops', ['label_for' => IIGP_WORKSHOPS_OPTION]);
});

add_action('admin_menu', function () {
    // One settings page for the plugin (other parts of it may add their sections to "iigp-widgets").
    if (!empty($GLOBALS['admin_page_hooks']['iigp-widgets']) || get_plugin_page_hookname('iigp-widgets', 'options-general.php') && has_action(get_plugin_page_hookname('iigp-widgets', 'options-general.php'))) return;
    add_options_page(__('IIGP Widgets', 'iigp-widgets'), __('IIGP Widgets', 'iigp-widgets'), 'manage_options', 'iigp-widgets', function () {
        echo '<div class="wrap"><h1>' . esc_html__('IIGP Widgets', 'iigp-widgets') . '</h1><form action="options.php" method="post">';
        settings_fields('iigp-widgets');
        do_settings_sections('iigp-widgets');
        submit_button();
        echo '</form></div>';
    });
}, 20);

// --- The editor's "Workshop" panel -------------------------------------------------------------------

add_action('enqueue_block_editor_assets', function () {
    $screen = function_exists('get_current_screen') ? get_current_screen() : null;
    if ($screen && !in_array($screen->post_type, ['post', 'page'], true)) return;
    $handle = 'iigp-workshop-panel';
    wp_enqueue_script($handle, plugins_url('editor/workshop-panel.js', __DIR__),
        ['wp-plugins', 'wp-edit-post', 'wp-editor', 'wp-element', 'wp-components', 'wp-data', 'wp-core-data', 'wp-i18n'],
        IIGP_WIDGETS_VERSION, true);
    $category = iigp_workshops_category_id();
    $categories = $category ? array_map('intval', array_merge([$category], get_term_children($category, 'category') ?: [])) : [];
    $faculty = [];
    $parent = get_page_by_path('faculty');
    if ($parent) {
        foreach (get_pages(['parent' => $parent->ID, 'sort_column' => 'menu_order,post_title']) as $page) {
            $faculty[] = ['name' => html_entity_decode(get_the_title($page), ENT_QUOTES, 'UTF-8'), 'url' => get_permalink($page)];
        }
    }
    wp_add_inline_script($handle, 'window.iigpWorkshopPanel = ' . wp_json_encode([
        'categories' => $categories,
        'siteZone' => iigp_workshops_site_zone(),
        'zones' => timezone_identifiers_list(),
        'faculty' => apply_filters('iigp_workshops_faculty_pages', $faculty),
        'statuses' => IIGP_WORKSHOP_STATUSES,
    ], JSON_HEX_TAG | JSON_UNESCAPED_SLASHES) . ';', 'before');
    wp_set_script_translations($handle, 'iigp-widgets');
});
