#!/usr/bin/env node
// Integration tests of the widgets and the WordPress plugin against the real WordPress started by
// up.sh (not fixtures), in Chromium driven by playwright-core.
//
//   node test/wordpress/integration.mjs            (WordPress must be up: test/wordpress/up.sh)
//
// Reads <state>/env and <state>/seed.json (written by up.sh / seed.php; state: see up.sh, IIGP_WP_VERSION
// picks 6.1 or 6.8) through lib.mjs; the filter argument (a regular expression) runs only the tests whose
// names match. Serves a second origin itself (WP_PORT + 1) for the cross-origin tests. Needs dist/
// (npm run build) and, for the plugin tests, dist/iigp-widgets-wordpress.zip (node scripts/build-plugin.mjs). Prints "N passed, N failed"; exits 1 on
// any failure. Tests of a widget whose element the build does not define fail (they are not skipped).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import {
  OTHER,
  WP,
  atLeast,
  deleteAuthorPosts,
  env,
  harness,
  mount,
  one,
  openPage,
  plugin,
  publishAsAuthor,
  run,
  seed,
  seededTheme,
  settle,
  test,
  useTheme,
  wpJson,
  zip,
  authorAuth,
} from './lib.mjs';

// --- References: what WordPress itself shows ----------------------------------------------------
let reference; // { titles: [...], links: [...] } from the blog's own HTML page
let restPosts; // /wp-json/wp/v2/posts?_embed, titles reduced to text in the browser
async function loadReferences() {
  useTheme(seededTheme); // the references read Twenty Twenty-One's markup
  const { page } = await openPage(`${WP}/`);
  reference = await page.evaluate(() => ({
    titles: [...document.querySelectorAll('.entry-title')].map((h) => h.textContent.replace(/\s+/g, ' ').trim()),
    links: [...document.querySelectorAll('.entry-title a')].map((a) => a.href),
  }));
  restPosts = await page.evaluate(async () => {
    const posts = await (await fetch('/wp-json/wp/v2/posts?_embed')).json();
    const text = (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent.trim();
    return posts.map((post) => ({
      title: text(post.title.rendered),
      link: post.link,
      author: post._embedded?.author?.[0]?.name ?? null,
      image: post._embedded?.['wp:featuredmedia']?.[0]?.source_url ?? null,
    }));
  });
  await page.close();
}

const SECRET = /SECRET-/;
const recentFeeds = [
  ['RSS 2.0 /feed/', '/feed/', 'rss'],
  ['Atom /feed/atom/', '/feed/atom/', 'rss'],
  ['RSS 1.0 /feed/rdf/', '/feed/rdf/', 'rss'],
  ['REST /wp-json/wp/v2/posts?_embed', '/wp-json/wp/v2/posts?_embed', 'wp'],
];

// === The reference itself =====================================================================
test('WordPress shows the seeded posts with curled quotes, and none of the hidden ones', async () => {
  assert.ok(reference.titles.length >= 7, `blog page lists ${reference.titles.length} posts`);
  assert.ok(reference.titles.includes('‘DAMAGE’ That a Psychotherapist Treats'), reference.titles.join(' | '));
  assert.ok(
    reference.titles.includes('The Central Place of the “Body” in Psychotherapy'),
    reference.titles.join(' | '),
  );
  assert.ok(reference.titles.includes('The Value of Co-Therapy'));
  assert.ok(!reference.titles.some((t) => SECRET.test(t)), 'a hidden post is on the blog page');
  assert.deepEqual(
    restPosts.map((p) => p.title),
    reference.titles,
    'REST title.rendered as text = the blog page titles',
  );
});

test('the hidden posts exist (draft, private, scheduled; a private page) but WordPress refuses them to visitors', async () => {
  assert.equal(seed.hidden.length, 6);
  for (const id of seed.hidden) {
    const response = await fetch(`${WP}/wp-json/wp/v2/${id === seed.hidden[5] ? 'pages' : 'posts'}/${id}`);
    const body = await response.json();
    assert.equal(response.status, 401, `post ${id}: ${response.status} ${body.code}`); // 404 would mean it does not exist
  }
});

// === recent-posts over every WordPress format =================================================
for (const [label, path, format] of recentFeeds) {
  for (const forced of [false, true]) {
    test(`recent-posts over ${label}${forced ? ` (format="${format}")` : ' (format auto)'}: the titles and links WordPress shows, in its order`, async () => {
      const { page, errors } = await openPage(harness());
      const widget = await one(
        page,
        `<iigp-recent-posts src="${path}" limit="20"${forced ? ` format="${format}"` : ''} show-image show-author></iigp-recent-posts>`,
      );
      assert.equal(widget.state, 'ready', widget.text);
      assert.deepEqual(widget.titles, reference.titles);
      assert.deepEqual(
        widget.items.map((i) => i.link),
        reference.links,
      );
      assert.ok(!SECRET.test(widget.text), `hidden post shown: ${widget.text}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
  test(`recent-posts over ${label}: authors and the image where the source has them`, async () => {
    const { page } = await openPage(harness());
    const widget = await one(
      page,
      `<iigp-recent-posts src="${path}" limit="20" show-image show-author></iigp-recent-posts>`,
    );
    assert.equal(widget.state, 'ready');
    // Every WordPress format names the author: the display names the REST API embeds.
    assert.deepEqual(
      widget.items.map((i) => i.author),
      restPosts.map((p) => (p.author ? `by ${p.author}` : null)),
    );
    const coTherapy = widget.items.find((i) => i.title === 'The Value of Co-Therapy');
    assert.ok(coTherapy.image, 'The Value of Co-Therapy has no image');
    // REST: the featured image (some size of it); feeds: the image in the post's content.
    assert.match(new URL(coTherapy.image).pathname, /^\/wp-content\/uploads\/2016\/04\/co-therapy(-\d+x\d+)?\.png$/);
    assert.equal(new URL(coTherapy.image).origin, WP);
    const loaded = await page.evaluate(() => {
      const img = document.querySelector('iigp-recent-posts').shadowRoot.querySelector('img[part~="image"]');
      img.loading = 'eager';
      return img.decode().then(
        () => img.naturalWidth,
        () => 0,
      );
    });
    assert.ok(loaded > 0, 'the image does not load');
    const others = widget.items.filter((i) => i.title !== 'The Value of Co-Therapy');
    assert.deepEqual(
      others.filter((i) => i.image),
      [],
      'posts without images show one',
    );
    await page.close();
  });
}

test('recent-posts: the same five posts over all four formats on one page (limit 5)', async () => {
  const { page } = await openPage(harness());
  const widgets = await mount(
    page,
    recentFeeds.map(([, path]) => `<iigp-recent-posts src="${path}" limit="5"></iigp-recent-posts>`).join(''),
  );
  for (const widget of widgets) {
    assert.equal(widget.state, 'ready', widget.attributes.src);
    assert.deepEqual(widget.titles, reference.titles.slice(0, 5), widget.attributes.src);
  }
  await page.close();
});

test('recent-posts: a category feed (/category/blog/feed/) and REST ?categories= show the Blog posts only', async () => {
  const { page } = await openPage(harness());
  const [feed, rest] = await mount(
    page,
    `<iigp-recent-posts src="/category/blog/feed/" limit="20"></iigp-recent-posts><iigp-recent-posts src="/wp-json/wp/v2/posts?categories=${seed.categories.blog}" limit="20"></iigp-recent-posts>`,
  );
  const blog = [
    'Groups & Individuals… Why Not Both?',
    'The Central Place of the “Body” in Psychotherapy',
    '‘DAMAGE’ That a Psychotherapist Treats',
    'The Value of Co-Therapy',
  ];
  assert.deepEqual(feed.titles, blog);
  assert.deepEqual(rest.titles, blog);
  await page.close();
});

test('recent-posts: a missing WordPress route ends in error and shows the fallback', async () => {
  const { page } = await openPage(harness());
  const widget = await one(
    page,
    '<iigp-recent-posts src="/wp-json/wp/v2/nothing-here"><a href="/">Our blog</a></iigp-recent-posts>',
  );
  assert.equal(widget.state, 'error');
  assert.ok(widget.fallbackVisible, 'fallback hidden in error');
  await page.close();
});

// === Workshops ==================================================================================
const workshopTitles = [
  'Introduction to Group Psychotherapy (Fall Series)',
  'Dreams & the “Royal Road” in Group Therapy',
  'Working With Shame in Group: A Day-Long Workshop',
];
for (const [label, src, format] of [
  ['REST ?categories=<Workshops>', `/wp-json/wp/v2/posts?categories=${seed.categories.workshops}&_embed`, 'wp'],
  ['the category feed /category/workshops/feed/', '/category/workshops/feed/', 'rss'],
]) {
  test(`workshop-list over ${label}: the Workshops category's posts, newest first with when="past"`, async () => {
    const { page, errors } = await openPage(harness());
    const widget = await one(
      page,
      `<iigp-workshop-list src="${src}" format="${format}" when="past" time-zone="America/Detroit"></iigp-workshop-list>`,
    );
    assert.equal(widget.state, 'ready', widget.text);
    assert.deepEqual(widget.titles, workshopTitles);
    assert.ok(!SECRET.test(widget.text), 'a hidden workshop is shown');
    const links = widget.items.map((i) => i.link);
    assert.deepEqual(links, [
      `${WP}/2026/11/07/introduction-to-group-psychotherapy-fall-series/`,
      `${WP}/2026/10/17/dreams-the-royal-road-in-group-therapy/`,
      `${WP}/2026/09/12/working-with-shame-in-group-a-day-long-workshop/`,
    ]);
    // The post date is the workshop's start: 12 September 2026, 9:00 in Southfield.
    const shame = await page.evaluate(() => {
      const items = document.querySelector('iigp-workshop-list').shadowRoot.querySelectorAll('[part~="item"]');
      const time = items[items.length - 1].querySelector('time[part~="date"], [part~="date"] time, time');
      return { datetime: time?.getAttribute('datetime') ?? '', text: time?.textContent ?? '' };
    });
    assert.equal(new Date(shame.datetime).toISOString(), '2026-09-12T13:00:00.000Z');
    assert.match(shame.text, /12/);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('workshop-list: the default (upcoming) over past-dated workshop posts is empty, never an error', async () => {
  const { page } = await openPage(harness());
  const widget = await one(
    page,
    `<iigp-workshop-list src="/wp-json/wp/v2/posts?categories=${seed.categories.workshops}" format="wp"><p>No workshops scheduled.</p></iigp-workshop-list>`,
  );
  assert.equal(widget.state, 'empty');
  await page.close();
});

// === Faculty ====================================================================================
const faculty = [
  ['natan-harpaz', 'Natan HarPaz', ['Ph.D', 'M.S.W', 'CGP', 'FAGPA'], true],
  ['leora-bar-levav', 'Leora Bar-Levav', ['M.D.'], false],
  ['david-baker', 'David Baker', ['M.S.W'], false],
];
for (const [slug, name, credentials, photo] of faculty) {
  test(`faculty-card over /wp-json/wp/v2/pages?slug=${slug}: name, credentials, profile link${photo ? ', photo' : ''}`, async () => {
    const { page, errors } = await openPage(harness());
    const widget = await one(
      page,
      `<iigp-faculty-card src="/wp-json/wp/v2/pages?slug=${slug}&_embed" format="wp" person="${slug}"></iigp-faculty-card>`,
    );
    assert.equal(widget.state, 'ready', widget.text);
    assert.equal(widget.titles[0], name);
    for (const credential of credentials)
      assert.ok(widget.text.includes(credential.replace(/\.$/, '')), `${credential} missing from "${widget.text}"`);
    assert.ok(widget.links.includes(`${WP}/faculty/${slug}/`), `links: ${widget.links}`);
    const image = await page.evaluate(
      () => document.querySelector('iigp-faculty-card').shadowRoot.querySelector('img[part~="image"]')?.src ?? null,
    );
    if (photo) assert.match(new URL(image).pathname, /^\/wp-content\/uploads\/2016\/01\/natan-harpaz(-\d+x\d+)?\.png$/);
    else assert.equal(image, null);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('faculty-card over all faculty pages (?parent=) picks the person by slug; a private page never shows', async () => {
  const { page } = await openPage(harness());
  const widgets = await mount(
    page,
    `<iigp-faculty-card src="/wp-json/wp/v2/pages?parent=${seed.facultyParent}&_embed" format="wp" person="leora-bar-levav"></iigp-faculty-card>
     <iigp-faculty-card src="/wp-json/wp/v2/pages?parent=${seed.facultyParent}&_embed" format="wp" person="secret-faculty"><p>Our faculty</p></iigp-faculty-card>`,
  );
  assert.equal(widgets[0].state, 'ready');
  assert.equal(widgets[0].titles[0], 'Leora Bar-Levav');
  assert.notEqual(widgets[1].state, 'ready');
  assert.ok(!SECRET.test(widgets[1].text), 'the private page is shown');
  await page.close();
});

// === Newsletters ================================================================================
test('newsletter-archive over /wp-json/wp/v2/media?mime_type=application/pdf: every PDF, newest first, linking to the file', async () => {
  const { page, errors } = await openPage(harness());
  const widget = await one(
    page,
    '<iigp-newsletter-archive src="/wp-json/wp/v2/media?mime_type=application/pdf&per_page=100" format="wp"></iigp-newsletter-archive>',
  );
  assert.equal(widget.state, 'ready', widget.text);
  const media = await (await fetch(`${WP}/wp-json/wp/v2/media?mime_type=application/pdf&per_page=100`)).json();
  assert.equal(media.length, 5);
  assert.deepEqual([...widget.links].sort(), media.map((m) => m.source_url).sort());
  for (const link of widget.links) {
    assert.match(new URL(link).pathname, /^\/wp-content\/uploads\/\d{4}\/\d{2}\/[a-z0-9-]+\.pdf$/);
    const response = await fetch(link);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
  }
  const order = ['Summer 2014', 'Spring 2011', 'Winter 2009', 'Winter 2008', 'Fall 2007'];
  const positions = order.map((label) => widget.text.indexOf(label));
  assert.ok(
    positions.every((p) => p >= 0),
    `labels missing: ${widget.text}`,
  );
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
    `not newest first: ${widget.text}`,
  );
  assert.ok(!/co-therapy|natan-harpaz/i.test(widget.links.join(' ')), 'an image is listed as a newsletter');
  assert.deepEqual(errors, []);
  await page.close();
});

test('newsletter-archive over all media (no mime_type filter) keeps only the PDFs', async () => {
  const { page } = await openPage(harness());
  const widget = await one(
    page,
    '<iigp-newsletter-archive src="/wp-json/wp/v2/media?per_page=100" format="wp"></iigp-newsletter-archive>',
  );
  assert.equal(widget.state, 'ready');
  assert.equal(widget.links.length, 5);
  assert.ok(widget.links.every((l) => l.endsWith('.pdf')));
  await page.close();
});

// === Cross-origin =============================================================================
test('another origin: REST works cross-origin (WordPress echoes the Origin) and shows the same posts', async () => {
  const { page, errors } = await openPage(harness(OTHER));
  const widget = await one(
    page,
    `<iigp-recent-posts src="${WP}/wp-json/wp/v2/posts?_embed" limit="20" show-author></iigp-recent-posts>`,
  );
  assert.equal(widget.state, 'ready', widget.text);
  assert.deepEqual(widget.titles, reference.titles);
  assert.deepEqual(errors, []);
  await page.close();
});

test('another origin: /feed/ is blocked by the browser (no CORS headers); the widget ends in error, shows its fallback and warns about CORS', async () => {
  const { page, warnings } = await openPage(harness(OTHER));
  const widget = await one(
    page,
    `<iigp-recent-posts src="${WP}/feed/"><a href="${WP}/">Read our blog</a></iigp-recent-posts>`,
  );
  assert.equal(widget.state, 'error');
  assert.ok(widget.fallbackVisible, 'the fallback link is not visible');
  assert.ok(
    warnings.some((w) => /CORS/.test(w)),
    `no CORS warning among: ${JSON.stringify(warnings)}`,
  );
  await page.close();
});

test('another origin: the other widgets over REST', async () => {
  const { page } = await openPage(harness(OTHER));
  const widgets = await mount(
    page,
    `<iigp-workshop-list src="${WP}/wp-json/wp/v2/posts?categories=${seed.categories.workshops}" format="wp" when="past"></iigp-workshop-list>
     <iigp-faculty-card src="${WP}/wp-json/wp/v2/pages?slug=natan-harpaz&_embed" format="wp" person="natan-harpaz"></iigp-faculty-card>
     <iigp-newsletter-archive src="${WP}/wp-json/wp/v2/media?mime_type=application/pdf&per_page=100" format="wp"></iigp-newsletter-archive>`,
  );
  assert.deepEqual(
    widgets.map((w) => w.state),
    ['ready', 'ready', 'ready'],
  );
  assert.deepEqual(widgets[0].titles, workshopTitles);
  assert.equal(widgets[1].titles[0], 'Natan HarPaz');
  assert.equal(widgets[2].links.length, 5);
  await page.close();
});

// === The plugin ===============================================================================
test('plugin: without it, KSES strips an <iigp-*> element an author pastes into a Custom HTML block', async () => {
  plugin('deactivate');
  const post = await publishAsAuthor(
    'Without the plugin',
    '<!-- wp:html -->\n<iigp-recent-posts src="/feed/"><a href="/">Blog</a></iigp-recent-posts>\n<!-- /wp:html -->',
  );
  assert.ok(!/<iigp-/.test(post.content.raw), post.content.raw);
  assert.ok(/<a href="\/">Blog<\/a>/.test(post.content.raw), post.content.raw);
  await deleteAuthorPosts();
});

let authorPost;
test('plugin: installs from the zip (WordPress unzip_file) and activates', async () => {
  assert.ok(existsSync(zip), `${zip} is missing: run node scripts/build-plugin.mjs`);
  assert.match(plugin('install', zip), /installed and activated IIGP Widgets/);
  assert.equal(plugin('status').trim(), 'active');
});

const shortcodes = [
  '<!-- wp:shortcode -->\n[iigp_recent_posts limit="5" show_author="true" show_image="false"]\n<!-- /wp:shortcode -->',
  '<!-- wp:shortcode -->\n[iigp_workshop_list when="past"]\n<!-- /wp:shortcode -->',
  '<!-- wp:shortcode -->\n[iigp_faculty_card person="natan-harpaz"]\n<!-- /wp:shortcode -->',
  '<!-- wp:shortcode -->\n[iigp_newsletter_archive]\n<!-- /wp:shortcode -->',
  // The Custom HTML route, as an author without unfiltered_html:
  '<!-- wp:html -->\n<iigp-recent-posts src="/feed/" limit="3" heading="From the feed" onclick="alert(1)"><a href="/">Blog</a></iigp-recent-posts>\n<script>window.__scriptRan = true</script>\n<!-- /wp:html -->',
  '<!-- wp:html -->\n<iigp-faculty-card name="David Baker" credentials="M.S.W" job-title="Faculty" href="/faculty/david-baker/"><p slot="bio">Group therapist.</p></iigp-faculty-card>\n<!-- /wp:html -->',
  // Escaping: markup and quotes in attributes stay text; a javascript: src is dropped for the default.
  '<!-- wp:shortcode -->\n[iigp_recent_posts limit="1" heading="Tom & Jerry\'s <b>best</b>" src="javascript:alert(1)"]\n<!-- /wp:shortcode -->',
  '<!-- wp:shortcode -->\n[iigp_recent_posts limit="1" heading=\'" autofocus tabindex=0 onfocus="window.__xss=1\']\n<!-- /wp:shortcode -->',
].join('\n\n');

test('plugin: an author without unfiltered_html publishes every widget (shortcodes and Custom HTML) and KSES keeps them', async () => {
  const caps = await wpJson(`/wp-json/wp/v2/users/me?context=edit`, { headers: { authorization: authorAuth } });
  assert.deepEqual(caps.roles, ['author']);
  assert.ok(!caps.capabilities.unfiltered_html, 'the author has unfiltered_html');
  authorPost = await publishAsAuthor('Our widgets', shortcodes);
  const raw = authorPost.content.raw;
  assert.ok(raw.includes('<iigp-recent-posts src="/feed/" limit="3" heading="From the feed">'), raw);
  assert.ok(raw.includes('<p slot="bio">Group therapist.</p>'), raw);
  assert.ok(!/onclick|<script/.test(raw), 'KSES let a handler or script through');
  for (const tag of ['iigp_recent_posts', 'iigp_workshop_list', 'iigp_faculty_card', 'iigp_newsletter_archive'])
    assert.ok(raw.includes(`[${tag}`), tag);
});

test("plugin: the published page shows every widget ready, in the theme's font, with the script loaded once as a module", async () => {
  assert.ok(authorPost, 'no post (previous test failed)');
  const { page, errors } = await openPage(authorPost.link);
  const widgets = await settle(page, '.entry-content');
  assert.deepEqual(
    widgets.map((w) => `${w.tag}:${w.state}`),
    [
      'iigp-recent-posts:ready',
      'iigp-workshop-list:ready',
      'iigp-faculty-card:ready',
      'iigp-newsletter-archive:ready',
      'iigp-recent-posts:ready',
      'iigp-faculty-card:ready',
      'iigp-recent-posts:ready',
      'iigp-recent-posts:ready',
    ],
  );
  const [recent, workshops, card, archive, fromFeed, manual, escaped, quoted] = widgets;
  // The author's new post is now the newest one.
  assert.deepEqual(recent.titles, ['Our widgets', ...reference.titles.slice(0, 4)]);
  assert.deepEqual(fromFeed.titles, ['Our widgets', ...reference.titles.slice(0, 2)]);
  assert.ok(
    recent.items.every((i) => i.author?.startsWith('by ')),
    'authors missing',
  );
  assert.deepEqual(workshops.titles, workshopTitles);
  assert.equal(card.titles[0], 'Natan HarPaz');
  assert.equal(archive.links.length, 5);
  assert.equal(fromFeed.attributes.heading, 'From the feed');
  assert.equal(manual.titles[0], 'David Baker');
  assert.equal(escaped.attributes.heading, "Tom & Jerry's <b>best</b>");
  assert.equal(
    escaped.attributes.src,
    `${WP}/wp-json/wp/v2/posts?_embed=1`,
    'a javascript: src must be dropped for the default',
  );
  assert.equal(quoted.attributes.heading, '" autofocus tabindex=0 onfocus="window.__xss=1');
  assert.deepEqual(
    Object.keys(quoted.attributes).filter((n) => /^on|autofocus|tabindex/.test(n)),
    [],
    'an attribute broke out',
  );
  const page_ = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script[type="module"]')]
      .map((s) => s.src)
      .filter((s) => s.includes('iigp-widgets')),
    xss: window.__xss ?? null,
    scriptRan: window.__scriptRan ?? null,
    imgInContent: document.querySelectorAll('.entry-content img:not([data-iigp-server] img)').length, // the server's copy of a faculty photo is the widget's
    bodyFont: getComputedStyle(document.body).fontFamily,
    titleFonts: [
      ...document.querySelectorAll(
        '.entry-content iigp-recent-posts, .entry-content iigp-workshop-list, .entry-content iigp-faculty-card, .entry-content iigp-newsletter-archive',
      ),
    ].map((el) => getComputedStyle(el.shadowRoot.querySelector('[part~="title"]')).fontFamily),
  }));
  assert.equal(page_.scripts.length, 1, `module scripts: ${page_.scripts}`);
  assert.match(page_.scripts[0], /\/wp-content\/plugins\/iigp-widgets\/assets\/iigp-widgets\.js\?ver=/);
  assert.equal(page_.xss, null);
  assert.equal(page_.scriptRan, null);
  assert.equal(page_.imgInContent, 0);
  assert.match(page_.bodyFont, /apple-system|Segoe UI|Roboto/i, 'Twenty Twenty-One body font expected');
  assert.deepEqual(
    page_.titleFonts,
    page_.titleFonts.map(() => page_.bodyFont),
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('plugin: pages without a widget do not load the script', async () => {
  const { page } = await openPage(`${WP}/faculty/natan-harpaz/`);
  const count = await page.evaluate(() => document.querySelectorAll('script[src*="iigp-widgets"]').length);
  assert.equal(count, 0);
  await page.close();
});

// WordPress 6.5+ has script modules (wp_enqueue_script_module), which the plugin uses there; before, the
// plugin prints its own module tag in the footer. A must-use plugin marks the URLs that WordPress's
// script-module printer hands out (its script_module_loader_src filter exists since 6.5 only), so the page
// itself tells which path loaded the widgets. Block themes (Twenty Twenty-Five, on 6.8) print modules in
// the head, classic ones in the footer.
const moduleMarker = join(env.WP_STATE, 'wp-content', 'mu-plugins', 'iigp-test-module-marker.php');
const themes = atLeast('6.8')
  ? [
      ['twentytwentyone', 'Twenty Twenty-One', false],
      ['twentytwentyfive', 'Twenty Twenty-Five', true],
    ]
  : [['twentytwentyone', 'Twenty Twenty-One', false]];
for (const [theme, themeName, blockTheme] of themes) {
  const path = atLeast('6.5')
    ? `WordPress's script module (wp_enqueue_script_module), printed in the ${blockTheme ? 'head' : 'footer'}`
    : "the plugin's own module tag in the footer (WordPress before 6.5)";
  test(`plugin: on ${themeName} the published page loads the widgets through ${path}, every widget ready, in the theme's font`, async () => {
    assert.ok(authorPost, 'no post (an earlier test failed)');
    writeFileSync(
      moduleMarker,
      "<?php\n// Written by test/wordpress/integration.mjs (and removed after): marks URLs printed by WordPress's script modules.\n" +
        "add_filter('script_module_loader_src', function ($src, $id) { return $id === 'iigp-widgets' ? add_query_arg('iigp-printed-by', 'script-modules', $src) : $src; }, 10, 2);\n",
    );
    try {
      useTheme(theme);
      const { page, errors } = await openPage(authorPost.link);
      const widgets = await settle(page, '.entry-content');
      assert.equal(widgets.length, 8);
      assert.deepEqual(
        widgets.filter((w) => w.state !== 'ready').map((w) => `${w.tag}:${w.state}`),
        [],
      );
      const loaded = await page.evaluate(() => ({
        theme: [...document.body.classList].find((c) => c.startsWith('wp-theme-')) ?? null,
        modules: [...document.querySelectorAll('script[type="module"]')]
          .filter((s) => s.src.includes('iigp-widgets'))
          .map((s) => ({ src: s.src, id: s.id, inHead: Boolean(s.closest('head')) })),
        classicScripts: document.querySelectorAll('script:not([type="module"])[src*="iigp-widgets"]').length,
        importmap: document.querySelector('script[type="importmap"]')?.textContent ?? null,
        bodyFont: getComputedStyle(document.body).fontFamily,
        titleFonts: [
          ...document.querySelectorAll(
            '.entry-content iigp-recent-posts, .entry-content iigp-workshop-list, .entry-content iigp-faculty-card, .entry-content iigp-newsletter-archive',
          ),
        ].map((el) => getComputedStyle(el.shadowRoot.querySelector('[part~="title"]')).fontFamily),
      }));
      if (loaded.theme) assert.equal(loaded.theme, `wp-theme-${theme}`); // 6.1 has no wp-theme-* body class
      assert.equal(loaded.modules.length, 1, JSON.stringify(loaded.modules));
      assert.equal(loaded.classicScripts, 0);
      const [module] = loaded.modules;
      assert.equal(module.id, 'iigp-widgets-js-module');
      assert.match(new URL(module.src).pathname, /^\/wp-content\/plugins\/iigp-widgets\/assets\/iigp-widgets\.js$/);
      assert.equal(new URL(module.src).searchParams.get('ver'), '0.1.0');
      if (atLeast('6.5')) {
        assert.equal(
          new URL(module.src).searchParams.get('iigp-printed-by'),
          'script-modules',
          `not printed by WordPress's script modules: ${module.src}`,
        );
        assert.equal(module.inHead, blockTheme, `printed in the ${module.inHead ? 'head' : 'body'}`);
        // The library has no bare imports: WordPress has nothing of the plugin's to map.
        assert.ok(!(loaded.importmap ?? '').includes('iigp-widgets'), loaded.importmap);
      } else {
        assert.equal(
          new URL(module.src).searchParams.get('iigp-printed-by'),
          null,
          'WordPress before 6.5 has no script modules',
        );
        assert.equal(module.inHead, false, 'the fallback prints in the footer');
      }
      if (theme === 'twentytwentyfive')
        assert.match(loaded.bodyFont, /Manrope/, 'Twenty Twenty-Five body font expected');
      assert.deepEqual(
        loaded.titleFonts,
        loaded.titleFonts.map(() => loaded.bodyFont),
      );
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      rmSync(moduleMarker, { force: true });
    }
  });
}

await run({ name: 'integration.mjs', before: loadReferences });
