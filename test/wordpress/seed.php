<?php
/**
 * Installs WordPress and seeds the institute's content (run by up.sh: php seed.php <site-url>).
 * Idempotent: a site that is already seeded (option iigp_seed_version) is left alone.
 * Writes <state>/seed.json: ids, slugs and the author's application password for the tests.
 *
 * Environment: IIGP_WP_ROOT (document root with our wp-config.php), IIGP_WP_STATE (state folder).
 */
if (PHP_SAPI !== 'cli') exit(1);
const IIGP_SEED_VERSION = '3';

$root = rtrim(getenv('IIGP_WP_ROOT'), '/');
$state = rtrim(getenv('IIGP_WP_STATE'), '/');
define('ABSPATH', $root . '/');
define('WP_INSTALLING', !empty($argv[2]) && $argv[2] === 'installing');
$_SERVER['HTTP_HOST'] = parse_url($argv[1], PHP_URL_HOST) . ':' . parse_url($argv[1], PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

// wp_install() must run before the rest of WordPress expects the tables: load it in "installing" mode first.
if (!WP_INSTALLING) {
    $check = proc_open([PHP_BINARY, '-d', 'sendmail_path=/bin/true', __FILE__, $argv[1], 'installing'], [1 => STDOUT, 2 => STDERR], $pipes);
    if (proc_close($check) !== 0) exit(1);
}
require ABSPATH . 'wp-config.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

if (WP_INSTALLING) {
    if (!is_blog_installed()) {
        fwrite(STDERR, "[wordpress] wp_install()\n");
        $result = wp_install('Institute for Individual and Group Psychotherapy', 'admin', 'admin@iigp.test', false, '', 'admin-password-for-tests');
        if (empty($result['user_id'])) { fwrite(STDERR, "wp_install failed\n"); exit(1); }
    }
    exit(0);
}

function iigp_fail(string $message) { fwrite(STDERR, "[wordpress] seed: $message\n"); exit(1); }
function iigp_check($value, string $what) {
    if (is_wp_error($value) || !$value) iigp_fail($what . ': ' . (is_wp_error($value) ? $value->get_error_message() : 'failed'));
    return $value;
}

if (get_option('iigp_seed_version') === IIGP_SEED_VERSION && is_file("$state/seed.json")) {
    fwrite(STDERR, "[wordpress] already seeded\n");
    exit(0);
}
if (get_option('iigp_seed_version')) iigp_fail("the site holds an older seed; run down.sh --purge, then up.sh");

// --- Settings --------------------------------------------------------------------------------
update_option('blogdescription', 'Southfield, Michigan');
update_option('timezone_string', 'America/Detroit');
update_option('date_format', 'F j, Y');
update_option('posts_per_page', 10);
update_option('posts_per_rss', 10);
update_option('rss_use_excerpt', 0);
update_option('blog_public', 0);
update_option('default_comment_status', 'closed');
switch_theme('twentytwentyone');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
update_option('category_base', 'category');

// Remove the samples wp_install() made ("Hello world!", "Sample Page", the privacy draft).
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $sample) {
    wp_delete_post($sample->ID, true);
}

// --- Users -----------------------------------------------------------------------------------
$admin = get_user_by('login', 'admin');
wp_update_user(['ID' => $admin->ID, 'display_name' => 'IIGP Office', 'first_name' => 'IIGP', 'last_name' => 'Office']);
wp_set_current_user($admin->ID); // the seed writes as an administrator (titles keep their characters)

$users = [];
foreach ([
    ['nharpaz', 'Natan', 'HarPaz', 'editor'],
    ['lbarlevav', 'Leora', 'Bar-Levav', 'editor'],
    ['author', 'Dana', 'Writer', 'author'], // no unfiltered_html: places widgets through the plugin
] as [$login, $first, $last, $role]) {
    $id = username_exists($login) ?: iigp_check(wp_insert_user([
        'user_login' => $login, 'user_pass' => "$login-password-for-tests", 'user_email' => "$login@iigp.test",
        'first_name' => $first, 'last_name' => $last, 'display_name' => "$first $last", 'role' => $role,
    ]), "user $login");
    $users[$login] = $id;
}
$author = new WP_User($users['author']);
if ($author->has_cap('unfiltered_html')) iigp_fail('the author must not have unfiltered_html');
[$author_password] = iigp_check(WP_Application_Passwords::create_new_application_password($users['author'], ['name' => 'iigp integration tests']), 'application password');

// --- Files: a PNG for images, small PDFs for newsletters ---------------------------------------
function iigp_png(int $w, int $h, array $rgb): string {
    $im = imagecreatetruecolor($w, $h);
    imagefill($im, 0, 0, imagecolorallocate($im, ...$rgb));
    imagefilledellipse($im, intdiv($w, 2), intdiv($h, 2), intdiv($w, 2), intdiv($h, 2), imagecolorallocate($im, 255, 255, 255));
    ob_start();
    imagepng($im);
    return ob_get_clean();
}
function iigp_pdf(string $text): string {
    $stream = 'BT /F1 18 Tf 72 720 Td (' . addcslashes($text, '()\\') . ') Tj ET';
    $objects = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        '<< /Length ' . strlen($stream) . " >>\nstream\n$stream\nendstream",
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    $pdf = "%PDF-1.4\n";
    $offsets = [];
    foreach ($objects as $i => $object) {
        $offsets[] = strlen($pdf);
        $pdf .= ($i + 1) . " 0 obj\n$object\nendobj\n";
    }
    $xref = strlen($pdf);
    $pdf .= "xref\n0 " . (count($objects) + 1) . "\n0000000000 65535 f \n";
    foreach ($offsets as $offset) $pdf .= sprintf("%010d 00000 n \n", $offset);
    return $pdf . "trailer\n<< /Size " . (count($objects) + 1) . " /Root 1 0 R >>\nstartxref\n$xref\n%%EOF\n";
}
function iigp_attach(string $name, string $bytes, string $mime, string $title, string $date, int $parent = 0): int {
    $upload = wp_upload_bits($name, null, $bytes, substr($date, 0, 4) . '/' . substr($date, 5, 2));
    if (!empty($upload['error'])) iigp_fail("upload $name: {$upload['error']}");
    $id = iigp_check(wp_insert_attachment([
        'post_title' => $title, 'post_mime_type' => $mime, 'post_status' => 'inherit',
        'post_date' => $date, 'post_date_gmt' => get_gmt_from_date($date), 'guid' => $upload['url'],
    ], $upload['file'], $parent, true), "attachment $name");
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $upload['file']));
    return $id;
}

// --- Taxonomy --------------------------------------------------------------------------------
$blog = iigp_check(term_exists('Blog', 'category') ?: wp_insert_term('Blog', 'category', ['slug' => 'blog']), 'category Blog');
$workshops = iigp_check(term_exists('Workshops', 'category') ?: wp_insert_term('Workshops', 'category', ['slug' => 'workshops']), 'category Workshops');
$blog = (int) $blog['term_id'];
$workshops = (int) $workshops['term_id'];

function iigp_post(array $fields): int {
    $fields += ['post_type' => 'post', 'post_status' => 'publish', 'comment_status' => 'closed'];
    if (isset($fields['post_date'])) $fields['post_date_gmt'] = get_gmt_from_date($fields['post_date']);
    return iigp_check(wp_insert_post(wp_slash($fields), true), 'post ' . $fields['post_title']);
}

// --- Blog posts (published; oldest first) -------------------------------------------------------
$posts = [];
$cotherapy_image = iigp_attach('co-therapy.png', iigp_png(800, 500, [40, 90, 120]), 'image/png', 'Two therapists with a group', '2016-04-11 09:00:00');
$image_url = wp_get_attachment_url($cotherapy_image);
$posts['co-therapy'] = iigp_post([
    'post_title' => 'The Value of Co-Therapy',
    'post_name' => 'the-value-of-co-therapy',
    'post_date' => '2016-04-11 10:00:00',
    'post_author' => $users['nharpaz'],
    'post_category' => [$blog],
    'tags_input' => ['co-therapy', 'group psychotherapy', 'training'],
    'post_excerpt' => 'Two therapists in one room: what co-leading a group gives the patients, and the therapists.',
    'post_content' => "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"$image_url\" alt=\"Two therapists with a group\" width=\"800\" height=\"500\"/></figure>\n<!-- /wp:image -->\n\n<!-- wp:paragraph -->\n<p>Co-therapy, two therapists leading one group, is one of the institute's oldest traditions.</p>\n<!-- /wp:paragraph -->",
]);
set_post_thumbnail($posts['co-therapy'], $cotherapy_image);
wp_update_post(['ID' => $cotherapy_image, 'post_parent' => $posts['co-therapy']]);

$posts['damage'] = iigp_post([
    'post_title' => "'DAMAGE' That a Psychotherapist Treats",
    'post_date' => '2016-06-20 09:30:00',
    'post_author' => $users['lbarlevav'],
    'post_category' => [$blog],
    'tags_input' => ['damage', 'psychotherapy'],
    'post_content' => '<p>What do we mean when we say a patient is "damaged"? It\'s not a diagnosis.</p>',
]);
$posts['body'] = iigp_post([
    'post_title' => 'The Central Place of the "Body" in Psychotherapy',
    'post_date' => '2016-09-05 08:15:00',
    'post_author' => $users['nharpaz'],
    'post_category' => [$blog],
    'tags_input' => ['body', 'psychotherapy'],
    'post_content' => '<p>Feelings live in the body before they find words.</p>',
]);
$posts['groups'] = iigp_post([
    'post_title' => 'Groups & Individuals... Why Not Both?',
    'post_date' => '2017-01-16 12:00:00',
    'post_author' => $users['lbarlevav'],
    'post_category' => [$blog],
    'post_content' => '<p>Combined treatment: individual sessions and group in one plan.</p>',
]);

// --- Workshops (posts in the Workshops category; the post date is the workshop's start) --------
$workshop_posts = [];
foreach ([
    ['Working With Shame in Group: A Day-Long Workshop', '2026-09-12 09:00:00', 'Presented by Natan HarPaz, Ph.D. 6 CE hours.'],
    ['Dreams & the "Royal Road" in Group Therapy', '2026-10-17 09:00:00', 'Presented by Leora Bar-Levav, M.D. 3 CE hours.'],
    ["Introduction to Group Psychotherapy (Fall Series)", '2026-11-07 18:30:00', 'Six evenings, Southfield office.'],
] as [$title, $date, $excerpt]) {
    $workshop_posts[] = iigp_post([
        'post_title' => $title, 'post_date' => $date, 'post_author' => $users['admin'] ?? $admin->ID,
        'post_category' => [$workshops], 'post_excerpt' => $excerpt, 'post_content' => "<p>$excerpt</p>",
    ]);
}

// --- Never shown: a draft, a private post, a scheduled post (one of each also a workshop) ------
$hidden = [];
$hidden[] = iigp_post(['post_title' => 'SECRET-DRAFT Notes on Countertransference', 'post_status' => 'draft', 'post_category' => [$blog], 'post_date' => '2026-11-01 10:00:00']);
$hidden[] = iigp_post(['post_title' => 'SECRET-PRIVATE Staff Meeting Minutes', 'post_status' => 'private', 'post_category' => [$blog], 'post_date' => '2026-11-02 10:00:00']);
$future = gmdate('Y-m-d H:i:s', time() + 365 * 86400);
$hidden[] = iigp_post(['post_title' => 'SECRET-SCHEDULED Spring Announcement', 'post_status' => 'future', 'post_category' => [$blog], 'post_date' => $future]);
$hidden[] = iigp_post(['post_title' => 'SECRET-SCHEDULED Workshop Next Year', 'post_status' => 'future', 'post_category' => [$workshops], 'post_date' => $future]);
$hidden[] = iigp_post(['post_title' => 'SECRET-DRAFT Workshop', 'post_status' => 'draft', 'post_category' => [$workshops]]);
foreach ($hidden as $id) {
    $status = get_post_status($id);
    if ($status === 'publish') iigp_fail("hidden post $id was published");
}

// --- Faculty pages (children of "Faculty"; credentials in the titles) ----------------------------
$faculty_parent = iigp_post(['post_type' => 'page', 'post_title' => 'Faculty', 'post_name' => 'faculty', 'post_content' => '<p>Our faculty.</p>']);
$faculty = [];
$portrait = iigp_attach('natan-harpaz.png', iigp_png(300, 300, [120, 80, 60]), 'image/png', 'Natan HarPaz', '2016-01-05 09:00:00');
foreach ([
    ['natan-harpaz', 'Natan HarPaz, Ph.D, M.S.W, CGP, FAGPA', 'Dr. HarPaz is the director of the institute and a Fellow of the American Group Psychotherapy Association.'],
    ['leora-bar-levav', 'Leora Bar-Levav, M.D.', 'Dr. Bar-Levav is a psychiatrist who leads groups and teaches in the training program.'],
    ['david-baker', 'David Baker, M.S.W', 'David Baker is a clinical social worker and group therapist.'],
] as $i => [$slug, $title, $bio]) {
    $faculty[$slug] = iigp_post([
        'post_type' => 'page', 'post_title' => $title, 'post_name' => $slug, 'post_parent' => $faculty_parent,
        'menu_order' => $i, 'post_excerpt' => $bio, 'post_content' => "<p>$bio</p>",
    ]);
}
set_post_thumbnail($faculty['natan-harpaz'], $portrait);
$hidden[] = iigp_post(['post_type' => 'page', 'post_title' => 'SECRET-PRIVATE Faculty Page', 'post_name' => 'secret-faculty', 'post_status' => 'private', 'post_parent' => $faculty_parent]);

// --- Newsletters (PDF media) -----------------------------------------------------------------
$newsletters = [];
foreach ([
    ['Fall 2007, Vol. 1 Issue 1', '2007-10-01 09:00:00'],
    ['Winter 2008, Vol. 1 Issue 2', '2008-01-15 09:00:00'],
    ['Winter 2009, Vol. 2 Issue 2', '2009-01-15 09:00:00'],
    ['Spring 2011 Vol. 4, Issue 2', '2011-04-01 09:00:00'],
    ['Summer 2014', '2014-07-01 09:00:00'],
] as [$title, $date]) {
    $file = sanitize_title($title) . '.pdf';
    $newsletters[$title] = iigp_attach($file, iigp_pdf("IIGP Newsletter - $title"), 'application/pdf', $title, $date);
}

// --- Done: rewrite rules, marker, state for the tests ------------------------------------------
$wp_rewrite->init();
flush_rewrite_rules(false);
update_option('iigp_seed_version', IIGP_SEED_VERSION);

$out = [
    'url' => home_url(),
    'categories' => ['blog' => $blog, 'workshops' => $workshops],
    'posts' => $posts,
    'workshops' => $workshop_posts,
    'hidden' => $hidden,
    'faculty' => $faculty,
    'facultyParent' => $faculty_parent,
    'newsletters' => $newsletters,
    'images' => ['coTherapy' => $image_url, 'coTherapyFeatured' => wp_get_attachment_url($cotherapy_image), 'portrait' => wp_get_attachment_url($portrait)],
    'users' => $users,
    'author' => ['login' => 'author', 'id' => $users['author'], 'applicationPassword' => $author_password],
];
file_put_contents("$state/seed.json", json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES));
fwrite(STDERR, "[wordpress] seeded\n");
