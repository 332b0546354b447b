#!/usr/bin/env node
// Workshops as data, against the real WordPress started by up.sh: the editor's Workshop panel (an Author,
// in Chromium), the refusal of an invalid entry, GET /wp-json/iigp/v1/workshops, the iCalendar feed
// /feed/iigp-workshops/ (read with ical.js), Event JSON-LD on a workshop's page, the settings page, and
// <iigp-workshop-list> over the route.
//
//   node test/wordpress/workshops.suite.mjs [filter]     (WordPress must be up: test/wordpress/up.sh)
//
// Reads <state>/env and <state>/seed.json; installs the plugin from dist/iigp-widgets-wordpress.zip
// (node scripts/build-plugin.mjs). Prints "N passed, N failed"; exits 1 on any failure. Leaves no post
// behind (the author's posts and the pages it makes are deleted before and after).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import {
  test,
  run,
  WP,
  OTHER,
  seed,
  env,
  stateDir,
  openPage,
  login,
  wpJson,
  plugin,
  zip,
  authorAuth,
  browser,
} from './lib.mjs';

const ROUTE = '/wp-json/iigp/v1/workshops';
const FEED = '/feed/iigp-workshops/';
const SCHEMA = 'https://schema.org/';

// --- WordPress helpers ---------------------------------------------------------------------------
const basic = (user, password) => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
let adminAuth; // an application password made for this run (the seed makes one for the author only)
function php(code) {
  return execFileSync(
    'php',
    [
      '-r',
      `define('ABSPATH', rtrim(getenv('IIGP_WP_ROOT'), '/') . '/'); $_SERVER['HTTP_HOST'] = '127.0.0.1'; $_SERVER['REQUEST_URI'] = '/'; require ABSPATH . 'wp-config.php'; ${code}`,
    ],
    {
      env: { ...process.env, IIGP_WP_ROOT: env.WP_ROOT },
      encoding: 'utf8',
    },
  );
}
const json = (auth, method, body) => ({
  method,
  headers: { authorization: auth, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
/** A workshop post, written through the REST API as the block editor writes it. */
function publish(
  title,
  workshop,
  { auth = authorAuth, type = 'posts', categories = [seed.categories.workshops], excerpt = '' } = {},
) {
  return wpJson(
    `/wp-json/wp/v2/${type}?context=edit`,
    json(auth, 'POST', {
      title,
      excerpt,
      status: 'publish',
      ...(categories ? { categories } : {}),
      meta: { iigp_workshop: workshop },
    }),
  );
}
async function cleanUp() {
  for (const [type, auth, author] of [
    ['posts', authorAuth, seed.author.id],
    ['pages', adminAuth, seed.users.admin ?? 1],
  ]) {
    if (!auth) continue;
    const items = await wpJson(
      `/wp-json/wp/v2/${type}?author=${author}&status=publish,draft&context=edit&per_page=100${type === 'pages' ? `&categories=${seed.categories.workshops}` : ''}`,
      { headers: { authorization: auth } },
    );
    for (const item of items)
      await wpJson(`/wp-json/wp/v2/${type}/${item.id}?force=true`, {
        method: 'DELETE',
        headers: { authorization: auth },
      });
  }
}
const route = async (query = '') => {
  const response = await fetch(`${WP}${ROUTE}${query}`);
  return { status: response.status, body: await response.json(), headers: response.headers };
};
const names = (list) => list.itemListElement.map((entry) => entry.item.name);
async function feed() {
  const response = await fetch(WP + FEED);
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { response, text, calendar, events, byTitle: (title) => events.find((e) => e.summary === title) };
}
const debugLog = () =>
  existsSync(join(stateDir, 'debug.log')) ? readFileSync(join(stateDir, 'debug.log'), 'utf8') : '';
const phpProblems = (log) =>
  log.split('\n').filter((line) => /PHP (Warning|Notice|Fatal|Parse)/.test(line) && !/Deprecated/.test(line));

// --- Browser helpers -----------------------------------------------------------------------------
/** login() once more when the first try times out (a loaded machine), and past the admin e-mail check. */
async function logInAs(page, user) {
  try {
    await login(page, user);
  } catch (error) {
    if (/confirm_admin_email/.test(page.url())) {
      await Promise.all([page.waitForURL(/\/wp-admin\//, { timeout: 60000 }), page.click('#correct-admin-email')]);
      return;
    }
    console.log(`  (login as ${user}: ${String(error.message).split('\n')[0]} at ${page.url()}; trying again)`);
    await login(page, user);
  }
}
/** A page whose browser has its own zone and locale (a reader elsewhere). */
async function openPageIn(url, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}
/** Waits for the widgets under `scope` to settle; returns what each shows. */
async function settleWorkshops(page, scope = 'body') {
  await page.evaluate(() => customElements.whenDefined('iigp-workshop-list'));
  await page.waitForFunction(
    (s) =>
      [...document.querySelector(s).querySelectorAll('iigp-workshop-list')].every(
        (el) => el.getAttribute('state') && el.getAttribute('state') !== 'loading',
      ),
    scope,
    { timeout: 20000 },
  );
  return page.evaluate((s) => {
    const clean = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return [...document.querySelector(s).querySelectorAll('iigp-workshop-list')].map((el) => ({
      state: el.getAttribute('state'),
      attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      titles: [...el.shadowRoot.querySelectorAll('[part~="title"]')].map(clean),
      items: [...el.shadowRoot.querySelectorAll('[part~="item"]')].map((item) => ({
        title: clean(item.querySelector('[part~="title"]')),
        date: clean(item.querySelector('[part~="date"]')),
        datetime: item.querySelector('time')?.getAttribute('datetime') ?? null,
        text: clean(item),
      })),
    }));
  }, scope);
}

// --- The editor --------------------------------------------------------------------------------------
/** post-new.php as the Author, the welcome guide closed and the document sidebar open. */
async function newPostInEditor(type = 'post') {
  const opened = await openPage(null);
  const { page } = opened;
  await logInAs(page, seed.author.login);
  await page.goto(`${WP}/wp-admin/post-new.php${type === 'post' ? '' : `?post_type=${type}`}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId?.(), null, {
    timeout: 30000,
  });
  await closeWelcomeGuide(page);
  return opened;
}
/** Closes the welcome guide and opens the document sidebar (where the panel is). */
async function closeWelcomeGuide(page) {
  await page.evaluate(() => {
    const { data } = window.wp;
    // 6.1 keeps the welcome guide in core/edit-post's features; later versions in core/preferences.
    if (data.select('core/edit-post').isFeatureActive?.('welcomeGuide'))
      data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
    data.dispatch('core/preferences')?.set?.('core/edit-post', 'welcomeGuide', false);
    data.dispatch('core/edit-post').openGeneralSidebar('edit-post/document');
  });
}
const panel = (page) => page.locator('.iigp-workshop-panel');
async function openPanel(page) {
  await panel(page).waitFor({ state: 'visible', timeout: 10000 });
  const toggle = panel(page).locator('.components-panel__body-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await panel(page).locator('.iigp-workshop-start input').waitFor({ state: 'visible' });
}
async function save(page) {
  return page.evaluate(async () => {
    const { data } = window.wp;
    await data.dispatch('core/editor').savePost();
    const editor = data.select('core/editor');
    return {
      ok: editor.didPostSaveRequestSucceed(),
      id: editor.getCurrentPostId(),
      link: editor.getPermalink?.() ?? null,
    };
  });
}
const noticeTexts = (page) =>
  page.evaluate(() =>
    window.wp.data
      .select('core/notices')
      .getNotices()
      .map((n) => n.content),
  );

// === The editor's panel ==========================================================================
let enteredId;
const entered = 'Shame, Guilt; and Repair in Group';
test('editor: the Workshop panel shows for a post in Workshops (not in Blog); an Author enters a workshop in it and publishes', async () => {
  const { page, errors } = await newPostInEditor();
  await page.evaluate(
    (blog) => window.wp.data.dispatch('core/editor').editPost({ title: 'Not a workshop', categories: [blog] }),
    seed.categories.blog,
  );
  await page.waitForTimeout(300);
  assert.equal(await panel(page).count(), 0, 'the panel shows for a Blog post');
  await page.evaluate(
    ([title, workshops]) =>
      window.wp.data
        .dispatch('core/editor')
        .editPost({ title, categories: [workshops], excerpt: 'A day on shame and repair in groups.' }),
    [entered, seed.categories.workshops],
  );
  await openPanel(page);
  const p = panel(page);
  assert.equal((await p.locator('.components-panel__body-title').innerText()).trim(), 'Workshop');
  // Typed and picked in the panel as rendered.
  await p.locator('.iigp-workshop-start input').fill('2027-03-06T09:00');
  await p.locator('.iigp-workshop-end input').fill('2027-03-06T16:30');
  assert.equal(
    await p.locator('.iigp-workshop-zone select').inputValue(),
    'America/Detroit',
    "the zone defaults to the site's",
  );
  await p.locator('.iigp-workshop-place input').fill('IIGP Southfield office');
  await p.locator('.iigp-workshop-address textarea').fill('28588 Northwestern Hwy, Southfield, MI 48034');
  await p.locator('.iigp-workshop-presenters textarea').fill('Guest Presenter, LMSW');
  await p.getByLabel('Natan HarPaz, Ph.D, M.S.W, CGP, FAGPA').check();
  await p.locator('.iigp-workshop-credits input').fill('6 CE hours');
  await p.locator('.iigp-workshop-price input').fill('95');
  await p.locator('.iigp-workshop-registration input').fill('https://register.example/shame');
  await p.locator('.iigp-workshop-status select').selectOption('soldout');
  assert.equal(await p.locator('.iigp-workshop-problems').count(), 0, 'a valid entry shows a problem');
  await page.evaluate(() => window.wp.data.dispatch('core/editor').editPost({ status: 'publish' }));
  const saved = await save(page);
  assert.ok(saved.ok, `save failed: ${JSON.stringify(await noticeTexts(page))}`);
  enteredId = saved.id;
  const post = await wpJson(`/wp-json/wp/v2/posts/${enteredId}?context=edit`, {
    headers: { authorization: authorAuth },
  });
  assert.deepEqual(post.meta.iigp_workshop, {
    startDate: '2027-03-06T09:00:00-05:00',
    endDate: '2027-03-06T16:30:00-05:00',
    timeZone: 'America/Detroit',
    location: { name: 'IIGP Southfield office', address: '28588 Northwestern Hwy, Southfield, MI 48034' },
    performer: [
      'Guest Presenter, LMSW',
      { name: 'Natan HarPaz, Ph.D, M.S.W, CGP, FAGPA', url: `${WP}/faculty/natan-harpaz/` },
    ],
    ceCredits: '6 CE hours',
    offers: {
      price: '95',
      priceCurrency: 'USD',
      url: 'https://register.example/shame',
      availability: `${SCHEMA}SoldOut`,
    },
    eventStatus: `${SCHEMA}EventScheduled`,
  });
  // The panel shows what was stored (the server's canonical form).
  assert.equal(await p.locator('.iigp-workshop-start input').inputValue(), '2027-03-06T09:00');
  assert.equal(await p.locator('.iigp-workshop-status select').inputValue(), 'soldout');
  // The admin asks other hosts for avatars and the like, which this machine cannot reach.
  assert.deepEqual(
    errors.filter((e) => !/ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED|React DevTools/.test(e)),
    [],
  );
  await page.close();
});

test('editor: an invalid entry (end before start) is flagged in the panel and refused on save with the reason; nothing of that save is stored', async () => {
  assert.ok(enteredId, 'no workshop (previous test failed)');
  const { page } = await openPage(null);
  await logInAs(page, seed.author.login);
  await page.goto(`${WP}/wp-admin/post.php?post=${enteredId}&action=edit`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId?.(), null, {
    timeout: 30000,
  });
  await closeWelcomeGuide(page);
  await openPanel(page);
  const p = panel(page);
  await page.evaluate(() => window.wp.data.dispatch('core/editor').editPost({ title: 'Renamed in a refused save' }));
  await p.locator('.iigp-workshop-end input').fill('2027-03-06T08:00');
  assert.match(await p.locator('.iigp-workshop-problems').innerText(), /The end must be after the start/);
  const saved = await save(page);
  assert.equal(saved.ok, false, 'the invalid entry was saved');
  const notices = await noticeTexts(page);
  assert.ok(
    notices.some((n) => /Workshop: the end must be after the start\./.test(n)),
    `notices: ${JSON.stringify(notices)}`,
  );
  // Shown on screen, not only in the store.
  await page
    .getByText('Workshop: the end must be after the start.')
    .first()
    .waitFor({ state: 'visible', timeout: 5000 });
  const post = await wpJson(`/wp-json/wp/v2/posts/${enteredId}?context=edit`, {
    headers: { authorization: authorAuth },
  });
  assert.equal(post.title.raw, entered, 'the title of the refused save was stored');
  assert.equal(post.meta.iigp_workshop.endDate, '2027-03-06T16:30:00-05:00');
  await page.close();
});

test('editor: pages in Workshops get the panel too (pages have categories with the plugin)', async () => {
  const { page, errors } = await openPage(null);
  await logInAs(page, 'admin');
  await page.goto(`${WP}/wp-admin/post-new.php?post_type=page`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId?.(), null, {
    timeout: 30000,
  });
  await closeWelcomeGuide(page);
  await page.waitForTimeout(300);
  assert.equal(await panel(page).count(), 0, 'the panel shows for a page outside Workshops');
  await page.evaluate(
    (workshops) =>
      window.wp.data.dispatch('core/editor').editPost({ title: 'A workshop page', categories: [workshops] }),
    seed.categories.workshops,
  );
  await openPanel(page);
  await panel(page).locator('.iigp-workshop-start input').fill('2027-10-02T10:00');
  assert.deepEqual(
    await page.evaluate(() => window.wp.data.select('core/editor').getEditedPostAttribute('meta').iigp_workshop),
    { timeZone: 'America/Detroit', startDate: '2027-10-02T10:00' },
  );
  assert.deepEqual(
    errors.filter((e) => !/ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED|React DevTools/.test(e)),
    [],
  );
  await page.close();
});

test('REST: invalid entries are refused with a 400 and their reason (bad URL scheme, unknown zone, no start, moved online without a link)', async () => {
  const cases = [
    [
      { startDate: '2027-05-01T10:00', offers: { url: 'javascript:alert(1)' } },
      /registration URL must be an http\(s\) URL/,
    ],
    [
      { startDate: '2027-05-01T10:00', location: { url: 'ftp://files.example/x' } },
      /join link must be an http\(s\) URL/,
    ],
    [{ startDate: '2027-05-01T10:00', timeZone: 'Mars/Olympus_Mons' }, /not a known time zone/],
    [{ startDate: '2027-02-30T10:00' }, /start date and time are missing or not a date/],
    [{ endDate: '2027-05-01T10:00' }, /start date and time are missing/],
    [{ startDate: '2027-05-01T10:00', eventStatus: `${SCHEMA}EventMovedOnline` }, /moved online needs its join link/],
    [{ startDate: '2027-05-01', endDate: '2027-05-01T12:00' }, /both as dates/],
  ];
  for (const [workshop, message] of cases) {
    const response = await fetch(
      `${WP}/wp-json/wp/v2/posts`,
      json(authorAuth, 'POST', {
        title: 'Refused workshop',
        status: 'publish',
        categories: [seed.categories.workshops],
        meta: { iigp_workshop: workshop },
      }),
    );
    const body = await response.json();
    assert.equal(response.status, 400, JSON.stringify(workshop));
    assert.match(body.message, message);
  }
  // Other writers (update_post_meta in PHP) are refused too: the stored entry stays as it was.
  assert.ok(enteredId, 'no workshop (the first test failed)');
  const refused = php(
    `var_export(update_post_meta(${enteredId}, 'iigp_workshop', ['startDate' => '2027-03-06T09:00', 'endDate' => '2027-03-05T09:00'])); echo ' ', get_post_meta(${enteredId}, 'iigp_workshop', true)['endDate'];`,
  );
  assert.equal(refused, 'false 2027-03-06T16:30:00-05:00');
  const all = await wpJson(
    `/wp-json/wp/v2/posts?author=${seed.author.id}&status=publish,draft&context=edit&search=Refused`,
    { headers: { authorization: authorAuth } },
  );
  assert.deepEqual(all, [], 'a refused post was stored');
});

// === More workshops for the route and the feed (through REST) =========================================
const made = {};
test('REST: more workshops (past, cancelled online, all-day in London, one in Blog) and a workshop page by an administrator', async () => {
  made.past = await publish('Past Workshop on Boundaries', {
    startDate: '2026-06-01T09:00',
    endDate: '2026-06-01T12:00',
    timeZone: 'America/Detroit',
    location: { name: 'IIGP' },
  });
  made.cancelled = await publish('Cancelled Online Evening', {
    startDate: '2027-04-10T10:00',
    endDate: '2027-04-10T12:00',
    timeZone: 'America/Detroit',
    location: { url: 'https://meet.example/iigp' },
    eventStatus: `${SCHEMA}EventCancelled`,
  });
  made.london = await publish('Summer School in London', {
    startDate: '2027-07-01',
    endDate: '2027-07-02',
    timeZone: 'Europe/London',
    location: { name: 'Tavistock Centre', address: '120 Belsize Lane, London' },
  });
  made.blog = await publish(
    'A Blog Talk With Details',
    { startDate: '2027-05-20T19:00', timeZone: 'America/Detroit' },
    { categories: [seed.categories.blog] },
  );
  // A title whose text is markup (entities, as the editor stores typed "<"): it must not end the JSON-LD script.
  made.page = await publish(
    'Workshop page &lt;/script&gt;&lt;script&gt;window.__jsonld = 1&lt;/script&gt;',
    { startDate: '2027-09-18T09:00', endDate: '2027-09-18T15:00', timeZone: 'America/Detroit' },
    {
      auth: adminAuth,
      type: 'pages',
      categories: [seed.categories.workshops],
    },
  );
  assert.equal(made.page.meta.iigp_workshop.startDate, '2027-09-18T09:00:00-04:00', 'pages store workshops too');
  assert.equal(made.london.meta.iigp_workshop.startDate, '2027-07-01');
  // An instant with another offset is kept as the instant, shown in the workshop's zone.
  const utc = await publish('Given in UTC', { startDate: '2027-08-01T13:00:00Z', timeZone: 'America/Detroit' });
  assert.equal(utc.meta.iigp_workshop.startDate, '2027-08-01T09:00:00-04:00');
  await wpJson(`/wp-json/wp/v2/posts/${utc.id}?force=true`, {
    method: 'DELETE',
    headers: { authorization: authorAuth },
  });
});

// === The route ===================================================================================
const pageTitle = 'Workshop page </script><script>window.__jsonld = 1</script>';
test("route: upcoming (default) is an ItemList of Events, soonest first, not yet ended, with the post's title, link and excerpt", async () => {
  const { status, body, headers } = await route();
  assert.equal(status, 200);
  assert.match(headers.get('content-type'), /application\/json/);
  assert.equal(body['@context'], 'https://schema.org');
  assert.equal(body['@type'], 'ItemList');
  assert.deepEqual(names(body), [entered, 'Cancelled Online Evening', 'Summer School in London', pageTitle]);
  assert.equal(body.numberOfItems, 4);
  assert.deepEqual(
    body.itemListElement.map((e) => [e['@type'], e.position]),
    [
      ['ListItem', 1],
      ['ListItem', 2],
      ['ListItem', 3],
      ['ListItem', 4],
    ],
  );
  const event = body.itemListElement[0].item;
  assert.equal(event['@type'], 'Event');
  assert.equal(new URL(event.url).origin, WP);
  assert.match(new URL(event.url).pathname, /shame-guilt-and-repair-in-group/);
  assert.equal(event.description, 'A day on shame and repair in groups.');
  assert.equal(event.startDate, '2027-03-06T09:00:00-05:00');
  assert.equal(event.endDate, '2027-03-06T16:30:00-05:00');
  assert.equal(event.timeZone, 'America/Detroit');
  assert.deepEqual(event.location, {
    '@type': 'Place',
    name: 'IIGP Southfield office',
    address: '28588 Northwestern Hwy, Southfield, MI 48034',
  });
  assert.deepEqual(
    event.performer.map((p) => p.name),
    ['Guest Presenter, LMSW', 'Natan HarPaz, Ph.D, M.S.W, CGP, FAGPA'],
  );
  assert.equal(event.offers.availability, `${SCHEMA}SoldOut`);
  assert.equal(event.offers.price, '95');
  const online = body.itemListElement[1].item;
  assert.deepEqual(online.location, { '@type': 'VirtualLocation', url: 'https://meet.example/iigp' });
  assert.equal(online.eventStatus, `${SCHEMA}EventCancelled`);
  assert.equal(online.eventAttendanceMode, `${SCHEMA}OnlineEventAttendanceMode`);
});

test("route: when=past (latest first, with the category's posts without details at their publication dates), when=all, per_page, category", async () => {
  const past = (await route('?when=past')).body;
  assert.deepEqual(names(past), [
    'Introduction to Group Psychotherapy (Fall Series)',
    'Dreams & the “Royal Road” in Group Therapy',
    'Working With Shame in Group: A Day-Long Workshop',
    'Past Workshop on Boundaries',
  ]);
  const all = (await route('?when=all&per_page=100')).body;
  assert.deepEqual(names(all), [
    'Past Workshop on Boundaries',
    'Working With Shame in Group: A Day-Long Workshop',
    'Dreams & the “Royal Road” in Group Therapy',
    'Introduction to Group Psychotherapy (Fall Series)',
    entered,
    'Cancelled Online Evening',
    'Summer School in London',
    pageTitle,
  ]);
  assert.deepEqual(names((await route('?per_page=2')).body), [entered, 'Cancelled Online Evening']);
  assert.deepEqual(names((await route('?when=past&per_page=1')).body), [
    'Introduction to Group Psychotherapy (Fall Series)',
  ]);
  assert.deepEqual(names((await route('?category=blog')).body), ['A Blog Talk With Details']);
  assert.deepEqual(names((await route(`?category=${seed.categories.blog}`)).body), ['A Blog Talk With Details']);
  assert.ok(!names(all).includes('A Blog Talk With Details'), 'a Blog post is in the workshops');
  assert.ok(!names(all).some((n) => /SECRET/.test(n)), 'a hidden workshop is listed');
  assert.equal(typeof iigpWorkshopEventsFromPhp, 'function');
  assert.deepEqual(
    iigpWorkshopEventsFromPhp({ when: 'all', per_page: 100 }),
    all.itemListElement.map((e) => e.item),
    'iigp_workshop_events() differs from the route',
  );
  assert.deepEqual(
    iigpWorkshopEventsFromPhp({ when: 'all', limit: 2 }),
    all.itemListElement.slice(0, 2).map((e) => e.item),
    'limit is per_page',
  );
});

function iigpWorkshopEventsFromPhp(args) {
  return JSON.parse(
    php(`echo wp_json_encode(iigp_workshop_events(json_decode(${JSON.stringify(JSON.stringify(args))}, true)));`),
  );
}

test("route: bad parameters get WordPress's ordinary 400 (rest_invalid_param), and no PHP warning", async () => {
  const before = phpProblems(debugLog()).length;
  for (const query of [
    '?when=soon',
    '?per_page=0',
    '?per_page=101',
    '?per_page=ten',
    '?category=no-such-category',
    '?when[]=past',
    '?per_page[]=1',
  ]) {
    const { status, body } = await route(query);
    assert.equal(status, 400, query);
    assert.equal(body.code, 'rest_invalid_param', query);
    assert.equal(body.data.status, 400, query);
  }
  assert.deepEqual(phpProblems(debugLog()).slice(before), []);
});

// === The second origin ===========================================================================
test('route: readable from another origin (WordPress echoes the Origin), and <iigp-workshop-list> there shows the workshops', async () => {
  const { page, errors } = await openPage(`${OTHER}/pages/blank.html`);
  const read = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { ok: response.ok, type: (await response.json())['@type'] };
  }, `${WP}${ROUTE}`);
  assert.deepEqual(read, { ok: true, type: 'ItemList' });
  const headers = (await fetch(`${WP}${ROUTE}`, { headers: { origin: OTHER } })).headers;
  assert.equal(headers.get('access-control-allow-origin'), OTHER);
  await page.addScriptTag({ type: 'module', url: `${OTHER}/dist/iigp-widgets.js` });
  await page.evaluate((src) => {
    document.querySelector('#root').innerHTML = `<iigp-workshop-list src="${src}"></iigp-workshop-list>`;
  }, `${WP}${ROUTE}`);
  const [widget] = await settleWorkshops(page, '#root');
  assert.equal(widget.state, 'ready');
  assert.deepEqual(widget.titles.slice(0, 3), [entered, 'Cancelled Online Evening', 'Summer School in London']);
  assert.deepEqual(errors, []);
  await page.close();
});

// === The widget: the workshop in its own zone ======================================================
test('<iigp-workshop-list> over the route shows the workshop in its own zone (9:00 AM EST) to a reader in Tokyo; all-day London dates; cancelled and sold out', async () => {
  const { page, errors } = await openPageIn(`${WP}/__iigp/pages/blank.html`, {
    timezoneId: 'Asia/Tokyo',
    locale: 'en-US',
  });
  await page.addScriptTag({ type: 'module', url: `${WP}/__iigp/dist/iigp-widgets.js` });
  await page.evaluate((src) => {
    document.querySelector('#root').innerHTML = `<iigp-workshop-list src="${src}" locale="en-US"></iigp-workshop-list>`;
  }, ROUTE);
  const [widget] = await settleWorkshops(page, '#root');
  assert.equal(widget.state, 'ready');
  const first = widget.items[0];
  assert.equal(first.title, entered);
  assert.equal(new Date(first.datetime).toISOString(), '2027-03-06T14:00:00.000Z');
  assert.match(first.date, /9:00\s?AM/);
  assert.match(first.date, /EST/);
  assert.match(first.text, /IIGP Southfield office/);
  assert.match(first.text, /Natan HarPaz/);
  assert.match(first.text, /6 CE hours/);
  assert.match(first.text, /sold out/i);
  const cancelled = widget.items.find((i) => i.title === 'Cancelled Online Evening');
  assert.match(cancelled.date, /10:00\s?AM/);
  assert.match(cancelled.date, /EDT/);
  assert.match(cancelled.text, /cancel/i);
  const london = widget.items.find((i) => i.title === 'Summer School in London');
  assert.match(london.date, /Jul/);
  assert.doesNotMatch(london.date, /AM|PM/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("shortcode: [iigp_workshop_list] without src reads the plugin's route (when, limit and category carried over)", async () => {
  const post = await wpJson(
    '/wp-json/wp/v2/posts?context=edit',
    json(authorAuth, 'POST', {
      title: 'Our workshops',
      status: 'publish',
      categories: [seed.categories.blog],
      // Self-closing ("/]") where an enclosing one follows: WordPress reads a lone opening tag up to the next closing one.
      content:
        '<!-- wp:shortcode -->\n[iigp_workshop_list limit="2" /]\n<!-- /wp:shortcode -->\n\n<!-- wp:shortcode -->\n[iigp_workshop_list when="past" category="workshops" /]\n<!-- /wp:shortcode -->\n\n<!-- wp:shortcode -->\n[iigp_workshop_list category="No Such Category"]<a href="/category/workshops/">Our workshops</a>[/iigp_workshop_list]\n<!-- /wp:shortcode -->',
    }),
  );
  const { page } = await openPageIn(post.link, { timezoneId: 'Europe/Berlin' });
  const [upcoming, past, unknown] = await settleWorkshops(page, '.entry-content');
  assert.equal(upcoming.attributes.src, `${WP}${ROUTE}?per_page=2`);
  assert.equal(upcoming.attributes.format, 'json');
  assert.deepEqual(upcoming.titles, [entered, 'Cancelled Online Evening']);
  assert.equal(past.attributes.src, `${WP}${ROUTE}?when=past&category=workshops`);
  assert.equal(past.titles[0], 'Introduction to Group Psychotherapy (Fall Series)');
  // An unknown category: the route's 400, so the widget ends in error and shows its fallback link.
  assert.equal(unknown.attributes.src, `${WP}${ROUTE}?category=no-such-category`);
  assert.equal(unknown.state, 'error');
  await page
    .locator('.entry-content iigp-workshop-list a[href="/category/workshops/"]')
    .waitFor({ state: 'visible', timeout: 5000 });
  await page.close();
});

// === JSON-LD ======================================================================================
test("JSON-LD: a workshop's own page carries its Event (a page too), and markup in a title cannot end the script", async () => {
  const { page, errors } = await openPage(made.page.link);
  const found = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script[type="application/ld+json"]#iigp-workshop-jsonld')].map(
      (s) => s.textContent,
    ),
    injected: window.__jsonld ?? null,
  }));
  assert.equal(found.injected, null, "the title's script ran");
  assert.equal(found.scripts.length, 1);
  assert.ok(!/<\/script/i.test(found.scripts[0]));
  const data = JSON.parse(found.scripts[0]);
  assert.equal(data['@context'], 'https://schema.org');
  assert.equal(data['@type'], 'Event');
  assert.equal(data.name, pageTitle);
  assert.equal(data.startDate, '2027-09-18T09:00:00-04:00');
  assert.deepEqual(errors, []);
  await page.close();
  const html = await (await fetch(`${WP}/?p=${enteredId}`)).text();
  const script = /<script type="application\/ld\+json" id="iigp-workshop-jsonld">(.*?)<\/script>/s.exec(html);
  assert.ok(script, 'no JSON-LD on the post');
  const event = JSON.parse(script[1]);
  const fromRoute = (await route()).body.itemListElement[0].item;
  assert.deepEqual(event, { '@context': 'https://schema.org', ...fromRoute });
  const plain = await (await fetch(`${WP}/faculty/natan-harpaz/`)).text();
  assert.ok(!plain.includes('iigp-workshop-jsonld'), 'a page that is no workshop has JSON-LD');
});

// === The iCalendar feed ==========================================================================
let firstFeed;
test('feed: text/calendar, one VTIMEZONE per zone used, every line folded at 75 octets with CRLF, text escaped', async () => {
  firstFeed = await feed();
  assert.equal(firstFeed.response.status, 200);
  assert.equal(firstFeed.response.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const { text, calendar } = firstFeed;
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'a line ends without CR');
  for (const line of text.split('\r\n'))
    assert.ok(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);
  assert.deepEqual(
    calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    ['America/Detroit', 'Europe/London'],
  );
  assert.match(text, /SUMMARY:Shame\\, Guilt\\; and Repair in Group\r\n/);
  assert.equal(firstFeed.byTitle(entered).summary, entered);
  assert.equal(firstFeed.byTitle(pageTitle).summary, pageTitle, 'a long title folds and unfolds intact');
  // Subscribed calendars poll: an unchanged calendar is a 304.
  const etag = firstFeed.response.headers.get('etag');
  assert.match(etag ?? '', /^"[0-9a-f]{32}"$/);
  const again = await fetch(WP + FEED, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  // Past workshops within the last year stay in the feed (calendars keep them); a Blog post is not a workshop.
  assert.ok(firstFeed.byTitle('Past Workshop on Boundaries'));
  assert.ok(!firstFeed.byTitle('A Blog Talk With Details'));
});

/**
 * Checks a VTIMEZONE (as ical.js reads it) against the zone database (Intl) at local wall-clock times, as
 * a calendar program uses it: a DTSTART in local time to an instant. Times in a DST gap or overlap have no
 * single answer and are left out. Returns how many times were compared.
 */
function checkZone(vtimezone, zone, from, to, step) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const wall = (instant) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  };
  let checked = 0;
  for (let local = from; local < to; local += step) {
    const offsets = new Set([local - 86400000, local + 86400000].map((near) => wall(near) - near));
    const valid = [...offsets].filter((offset) => wall(local - offset) === local);
    if (valid.length !== 1) continue;
    const d = new Date(local);
    const time = new ICAL.Time({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: 0,
      isDate: false,
    });
    assert.equal(vtimezone.utcOffset(time), valid[0] / 1000, `${zone} ${d.toISOString().slice(0, 16)} (local)`);
    checked++;
  }
  return checked;
}

test("feed: the VTIMEZONEs have the DST rules of America/Detroit and Europe/London (every half hour of 2027 and the events' instants agree with the zone database)", async () => {
  const { events, calendar } = firstFeed;
  let checked = 0;
  for (const zone of ['America/Detroit', 'Europe/London']) {
    const vtimezone = new ICAL.Timezone(
      calendar.getAllSubcomponents('vtimezone').find((z) => z.getFirstPropertyValue('tzid') === zone),
    );
    // Every half hour of 2027, local time (the transitions are at 1:00 and 2:00).
    checked += checkZone(vtimezone, zone, Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1), 1800000);
  }
  assert.ok(checked > 30000, `${checked} times`);
  const at = (title) => firstFeed.byTitle(title).startDate.toJSDate().toISOString();
  assert.equal(at(entered), '2027-03-06T14:00:00.000Z'); // EST
  assert.equal(at('Cancelled Online Evening'), '2027-04-10T14:00:00.000Z'); // EDT
  assert.equal(at(pageTitle), '2027-09-18T13:00:00.000Z');
  const london = firstFeed.byTitle('Summer School in London');
  assert.ok(london.startDate.isDate, 'an all-day workshop is a DATE');
  assert.equal(london.startDate.toString(), '2027-07-01');
  assert.equal(london.endDate.toString(), '2027-07-03', 'DTEND is the day after the last day');
  assert.ok(events.length >= 6);
});

test('feed: the VTIMEZONE generator is right wherever the rules changed (Sydney, Kolkata, São Paulo, Moscow, Phoenix, Auckland, Detroit; twice a day 2005–2030, by ical.js)', async () => {
  const zones = [
    'America/Detroit',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'Europe/Moscow',
    'America/Phoenix',
    'Pacific/Auckland',
  ];
  const [from, to] = [Date.UTC(2005, 0, 1), Date.UTC(2030, 11, 31)];
  const made = JSON.parse(
    php(
      `$out = []; foreach (json_decode('${JSON.stringify(zones)}') as $z) $out[$z] = implode("\\r\\n", iigp_ics_vtimezone($z, ${from / 1000}, ${to / 1000})); echo wp_json_encode($out);`,
    ),
  );
  let checked = 0;
  for (const zone of zones) {
    const component = new ICAL.Component(
      ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${made[zone]}\r\nEND:VCALENDAR\r\n`),
    ).getFirstSubcomponent('vtimezone');
    const vtimezone = new ICAL.Timezone(component);
    // 4:00 and 16:00 local every day: each change on its day (the hour of a change is checked above).
    checked += checkZone(vtimezone, zone, from + 86400000 + 4 * 3600000, to - 86400000, 12 * 3600000);
  }
  assert.ok(checked > 100000, `${checked} times`);
  // Rules that ended say so (São Paulo has had no DST since 2019); a zone without transitions is one STANDARD part.
  assert.match(made['America/Sao_Paulo'], /RRULE:[^\r]*UNTIL=/);
  assert.doesNotMatch(made['Asia/Kolkata'], /DAYLIGHT|RRULE/);
});

test('feed: STATUS:CANCELLED for a cancelled workshop, CONFIRMED otherwise; location and URL', async () => {
  const cancelled = firstFeed.byTitle('Cancelled Online Evening');
  assert.equal(cancelled.component.getFirstPropertyValue('status'), 'CANCELLED');
  assert.equal(cancelled.location, 'https://meet.example/iigp');
  assert.equal(firstFeed.byTitle(entered).component.getFirstPropertyValue('status'), 'CONFIRMED');
  assert.equal(
    firstFeed.byTitle(entered).location,
    'IIGP Southfield office, 28588 Northwestern Hwy, Southfield, MI 48034',
  );
  assert.match(firstFeed.byTitle(entered).component.getFirstPropertyValue('url'), /shame-guilt-and-repair-in-group/);
});

test('feed: an edited workshop keeps its UID, its SEQUENCE goes up and LAST-MODIFIED moves, so calendars update it', async () => {
  const before = firstFeed.byTitle('Cancelled Online Evening').component;
  const uid = before.getFirstPropertyValue('uid');
  const sequence = before.getFirstPropertyValue('sequence');
  const modified = before.getFirstPropertyValue('last-modified').toJSDate();
  assert.ok(uid && Number.isInteger(sequence));
  await new Promise((done) => setTimeout(done, 1100)); // LAST-MODIFIED counts seconds
  await wpJson(
    `/wp-json/wp/v2/posts/${made.cancelled.id}`,
    json(authorAuth, 'POST', {
      title: 'Rescheduled Online Evening',
      meta: {
        iigp_workshop: {
          ...made.cancelled.meta.iigp_workshop,
          startDate: '2027-04-17T10:00',
          endDate: '2027-04-17T12:00',
          eventStatus: `${SCHEMA}EventScheduled`,
        },
      },
    }),
  );
  const changed = await fetch(WP + FEED, { headers: { 'if-none-match': firstFeed.response.headers.get('etag') } });
  assert.equal(changed.status, 200, 'an edited calendar answered 304');
  const after = (await feed()).byTitle('Rescheduled Online Evening');
  assert.ok(after, 'the edited workshop is gone');
  assert.equal(after.component.getFirstPropertyValue('uid'), uid);
  assert.ok(
    after.component.getFirstPropertyValue('sequence') > sequence,
    `SEQUENCE ${sequence} -> ${after.component.getFirstPropertyValue('sequence')}`,
  );
  assert.ok(after.component.getFirstPropertyValue('last-modified').toJSDate() > modified);
  assert.equal(after.component.getFirstPropertyValue('status'), 'CONFIRMED');
  assert.equal(after.startDate.toJSDate().toISOString(), '2027-04-17T14:00:00.000Z');
  // An edit of the post alone (its title) counts too.
  await wpJson(
    `/wp-json/wp/v2/posts/${made.cancelled.id}`,
    json(authorAuth, 'POST', { title: 'Rescheduled Online Evening (new title)' }),
  );
  const retitled = (await feed()).byTitle('Rescheduled Online Evening (new title)');
  assert.equal(retitled.component.getFirstPropertyValue('uid'), uid);
  assert.ok(retitled.component.getFirstPropertyValue('sequence') > after.component.getFirstPropertyValue('sequence'));
});

// === Settings ======================================================================================
test('settings: an administrator picks another workshops category on Settings › IIGP Widgets; the route and the feed follow', async () => {
  const { page } = await openPage(null);
  await logInAs(page, 'admin');
  await page.goto(`${WP}/wp-admin/options-general.php?page=iigp-widgets`, { waitUntil: 'load' });
  const select = page.locator('select#iigp_workshops_category');
  assert.equal(await select.inputValue(), '0', 'the default is the category named Workshops');
  await select.selectOption(String(seed.categories.blog));
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#submit')]);
  try {
    assert.equal(await page.locator('select#iigp_workshops_category').inputValue(), String(seed.categories.blog));
    assert.deepEqual(names((await route()).body), ['A Blog Talk With Details']);
    assert.match(await (await fetch(WP + FEED)).text(), /SUMMARY:A Blog Talk With Details/);
  } finally {
    await page.locator('select#iigp_workshops_category').selectOption('0');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#submit')]);
    await page.close();
  }
  assert.equal(names((await route()).body)[0], entered);
});

// --- Run -------------------------------------------------------------------------------------------
const started = Date.now();
await run({
  before: async () => {
    assert.ok(existsSync(zip), `${zip} is missing: run node scripts/build-plugin.mjs`);
    assert.match(plugin('install', zip), /installed and activated IIGP Widgets/);
    const password = php(
      `[$p] = WP_Application_Passwords::create_new_application_password(get_user_by('login', 'admin')->ID, ['name' => 'iigp workshops suite ' . time()]); echo $p;`,
    ).trim();
    adminAuth = basic('admin', password);
    await cleanUp();
  },
  after: async () => {
    await cleanUp();
    if (adminAuth)
      php(
        `foreach (WP_Application_Passwords::get_user_application_passwords(get_user_by('login', 'admin')->ID) as $p) if (strpos($p['name'], 'iigp workshops suite') === 0) WP_Application_Passwords::delete_application_password(get_user_by('login', 'admin')->ID, $p['uuid']);`,
      );
  },
});
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
