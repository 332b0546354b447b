#!/usr/bin/env node
// Measures the layout shift of a WordPress page of widgets as they upgrade (a measuring script, not a test):
// publishes a page with the four widgets on the running WordPress (up.sh; IIGP_WP_VERSION picks it), opens
// it in Chromium on each theme (Twenty Twenty-Five and Twenty Twenty-One on 6.8; Twenty Twenty-One on 6.1)
// at a desktop and a phone viewport, and prints the Cumulative Layout Shift that a PerformanceObserver
// sees (layout-shift entries without recent input) until every widget has settled and a second passed.
//
//   node test/wordpress/cls.mjs [--runs=3] [--content=<file>] [--control] [--keep]
//
// --content: the page's content (block markup) instead of the four shortcodes below, to compare
// another way of placing the widgets on the same page. --control also measures the same page without the
// widgets (the theme's own shifts). --keep leaves the page published and prints its URL.
// Installs the plugin from dist/iigp-widgets-wordpress.zip (node scripts/build-plugin.mjs) when it is not active.
// CLS is the largest session window (shifts less than 1 s apart, at most 5 s), as Chrome reports it;
// "total" sums every shift. Figures vary between runs on a shared machine: compare within one run.
import { existsSync, readFileSync } from 'node:fs';
import {
  browser,
  env,
  launchBrowser,
  openPage,
  plugin,
  publishAsAdmin,
  site,
  seededTheme,
  version,
  zip,
} from './lib.mjs';

const option = (name, fallback) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=') ?? fallback;
const runs = Number(option('runs', 3));
const contentFile = option('content', null);
const keep = process.argv.includes('--keep');
const control = process.argv.includes('--control');

// What a site owner writes today: the four shortcodes, each with this site's data (the plugin's defaults).
const intro =
  "<!-- wp:paragraph -->\n<p>Recent posts, workshops, a faculty member and the newsletters, placed with the plugin's shortcodes.</p>\n<!-- /wp:paragraph -->";
const outro = '<!-- wp:paragraph -->\n<p>The end of the page.</p>\n<!-- /wp:paragraph -->';
const shortcodes = [
  intro,
  '<!-- wp:shortcode -->\n[iigp_recent_posts limit="5" show_author="true"]\n<!-- /wp:shortcode -->',
  '<!-- wp:shortcode -->\n[iigp_workshop_list when="past"]\n<!-- /wp:shortcode -->',
  '<!-- wp:shortcode -->\n[iigp_faculty_card person="natan-harpaz"]\n<!-- /wp:shortcode -->',
  '<!-- wp:shortcode -->\n[iigp_newsletter_archive]\n<!-- /wp:shortcode -->',
  outro,
].join('\n\n');
const content = contentFile ? readFileSync(contentFile, 'utf8') : shortcodes;

const themes =
  version === '6.1'
    ? [['twentytwentyone', 'Twenty Twenty-One']]
    : [
        ['twentytwentyfive', 'Twenty Twenty-Five'],
        ['twentytwentyone', 'Twenty Twenty-One'],
      ];
const viewports = [
  ['desktop 1280×800', { width: 1280, height: 800 }],
  ['phone 390×844', { width: 390, height: 844 }],
];

/** Registered before any of the page's scripts: collects every layout shift of the page's life. */
function observeShifts() {
  window.__iigpShifts = [];
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node?.nodeName ?? '?';
    const host = node.getRootNode()?.host;
    const self =
      node.localName +
      (node.id ? `#${node.id}` : '') +
      (node.classList.length ? '.' + [...node.classList].slice(0, 2).join('.') : '');
    return host ? `${host.localName} › ${self}` : self;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__iigpShifts.push({
        value: entry.value,
        startTime: entry.startTime,
        sources: (entry.sources ?? []).map((s) => describe(s.node)),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Chrome's CLS: the largest session window (gaps under 1 s, windows up to 5 s). */
function sessionCls(shifts) {
  let best = 0;
  let current = 0;
  let first = 0;
  let last = 0;
  for (const { value, startTime } of shifts) {
    if (current && startTime - last < 1000 && startTime - first < 5000) current += value;
    else {
      current = value;
      first = startTime;
    }
    last = startTime;
    best = Math.max(best, current);
  }
  return best;
}

async function measure(url, viewport) {
  const { page, context, errors } = await openPage(null);
  await page.setViewportSize(viewport);
  await context.addInitScript(observeShifts);
  await page.goto(url, { waitUntil: 'load' });
  const count = await page.evaluate(
    () =>
      document.querySelectorAll('iigp-recent-posts, iigp-workshop-list, iigp-faculty-card, iigp-newsletter-archive')
        .length,
  );
  await page.waitForFunction(
    () =>
      [
        ...document.querySelectorAll(
          'iigp-recent-posts, iigp-workshop-list, iigp-faculty-card, iigp-newsletter-archive',
        ),
      ].every((el) => el.getAttribute('state') && el.getAttribute('state') !== 'loading'),
    null,
    { timeout: 30000 },
  );
  await page.waitForTimeout(1000); // late shifts: images, fonts
  const { shifts, states } = await page.evaluate(() => ({
    shifts: window.__iigpShifts,
    states: [
      ...document.querySelectorAll('iigp-recent-posts, iigp-workshop-list, iigp-faculty-card, iigp-newsletter-archive'),
    ].map((el) => `${el.localName}:${el.getAttribute('state')}`),
  }));
  await page.close();
  return { cls: sessionCls(shifts), total: shifts.reduce((sum, s) => sum + s.value, 0), shifts, count, states, errors };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const fmt = (n) => n.toFixed(3);

if (!existsSync(zip)) {
  console.error(`cls: ${zip} is missing: run npm run build`);
  process.exit(1);
}
if (plugin('status').trim() !== 'active') plugin('install', zip);
const before = site('theme');
const published = publishAsAdmin('page', 'Widgets and layout shift', content);
const bare = control ? publishAsAdmin('page', 'The same page without widgets', [intro, outro].join('\n\n')) : null;
console.log(
  `CLS of a page of widgets on WordPress ${env.WP_CORE_VERSION ?? version} (${published.link}), ${runs} runs each, median (max)`,
);
console.log(contentFile ? `content: ${contentFile}` : 'content: the four shortcodes');
try {
  await launchBrowser();
  for (const [theme, themeName] of themes) {
    site('theme', theme);
    for (const [label, viewport] of viewports) {
      if (bare) {
        const without = [];
        for (let i = 0; i < runs; i++) without.push((await measure(bare.link, viewport)).cls);
        console.log(
          `  ${themeName.padEnd(18)} ${label.padEnd(17)} CLS ${fmt(median(without))} (${fmt(Math.max(...without))})  without widgets`,
        );
      }
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await measure(published.link, viewport));
      const cls = results.map((r) => r.cls);
      const total = results.map((r) => r.total);
      // Where the largest shifts of the median run came from.
      const typical = results.find((r) => r.cls === median(cls));
      const bySource = new Map();
      for (const shift of typical.shifts)
        for (const source of new Set(shift.sources)) bySource.set(source, (bySource.get(source) ?? 0) + shift.value);
      const top = [...bySource]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([source, value]) => `${source} ${fmt(value)}`);
      console.log(
        `  ${themeName.padEnd(18)} ${label.padEnd(17)} CLS ${fmt(median(cls))} (${fmt(Math.max(...cls))})  total ${fmt(median(total))}  ` +
          `shifts ${typical.shifts.length}  widgets ${typical.states.filter((s) => s.endsWith(':ready')).length}/${typical.count} ready` +
          (top.length ? `\n      largest sources: ${top.join('; ')}` : '') +
          (typical.errors.length ? `\n      console errors: ${typical.errors.join(' | ')}` : ''),
      );
    }
  }
} finally {
  await browser?.close();
  site('theme', before || seededTheme);
  if (keep) console.log(`kept: ${published.link} (php test/wordpress/site.php delete ${published.id})`);
  else site('delete', String(published.id));
  if (bare) site('delete', String(bare.id));
}
