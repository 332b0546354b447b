#!/usr/bin/env node
// `npm run bench`: the library (<iigp-recent-posts>, built dist/) side by side with a naive baseline
// (rss-parser's browser bundle + innerHTML, bench/baseline/), in Debian's Chromium via playwright-core,
// against loopback-only static servers. Prints medians and ratios measured in this one run and writes
// bench/RESULTS.md. Timings are never asserted: the machine is shared and noisy; quote the ratios.
//
// Options (environment): BENCH_RUNS (default 15), BENCH_TIME_LIMIT (seconds for the measures, default 240;
// Lighthouse, after them, takes about 2 minutes more),
// BENCH_LIGHTHOUSE=0 to skip Lighthouse, BENCH_LH_RUNS (runs of each Lighthouse config, default 3), BENCH_OUT (default bench/RESULTS.md), CHROME_PATH,
// BENCH_DIST (a build to measure instead of dist/, e.g. to compare a change), BENCH_ONLY (a comma-separated
// subset of first-item,parse,many,demo,lighthouse), BENCH_NETWORKS (a subset of loopback,desktop,slow4g).
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { wordpressFeed } from './lib/feeds.mjs';
import { startServer } from './lib/server.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bench = join(root, 'bench');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 15));
const TIME_LIMIT_S = Number(process.env.BENCH_TIME_LIMIT ?? 240);
const OUT = resolve(root, process.env.BENCH_OUT ?? 'bench/RESULTS.md');
const CHROME = chromiumPath;
const ARGS = chromiumArgs;
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : undefined;
const runs = (section) => !ONLY || ONLY.has(section);
const started = Date.now();
const deadline = started + TIME_LIMIT_S * 1000;
const timeLeft = () => deadline - Date.now();
/** A deadline for one section: this share of the time that is left, so later sections still get theirs. */
const sectionDeadline = (share) => Date.now() + Math.max(0, timeLeft()) * share;
const partial = new Set();
const failures = [];
// A last resort: never hang a CI job. The loops below stop at the deadline on their own.
setTimeout(() => {
  console.error('bench: hard time limit exceeded, giving up');
  process.exit(2);
}, (TIME_LIMIT_S + 180) * 1000).unref();

const log = (...args) => console.log(...args);

// ---------------------------------------------------------------------------------------------
// dist/ is copied first: `npm run build` empties it, and a rebuild during the run must not mix versions.

function snapshotDist() {
  const src = resolve(root, process.env.BENCH_DIST ?? 'dist');
  for (let attempt = 0; attempt < 10; attempt++) {
    if (!existsSync(join(src, 'recent-posts.js'))) {
      if (attempt === 0) log('bench: waiting for dist/ (run `npm run build` first)…');
      execFileSync('sleep', ['2']);
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), 'iigp-bench-dist-'));
    cpSync(src, dir, { recursive: true });
    if (distComplete(dir)) return dir;
    rmSync(dir, { recursive: true, force: true });
    execFileSync('sleep', ['2']);
  }
  throw new Error('bench: dist/ is missing or incomplete; run `npm run build` first');
}

/** Every relative import of every .js file resolves to a file that exists. */
function distComplete(dir) {
  const files = [];
  for (const sub of ['', 'chunks', 'elements']) {
    const d = join(dir, sub);
    if (existsSync(d)) for (const f of readdirSync(d)) if (f.endsWith('.js')) files.push(join(d, f));
  }
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:from\s*|import\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      if (!existsSync(join(dirname(file), spec))) return false;
    }
  }
  return files.some((f) => f.endsWith('recent-posts.js'));
}

/** The file and every chunk it imports statically (what a page downloads before the data). */
function closure(dir, entry, seen = new Set()) {
  const file = join(dir, entry);
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    closure(dirname(file), spec, seen);
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting.

const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms' : 'n/a');
const kb = (x) => (Number.isFinite(x) ? (x / 1024).toFixed(1) + ' KB' : 'n/a');
/** How many times better the library is: baseline ÷ library (above 1 favours the library). */
const ratio = (base, lib) => (Number.isFinite(base) && Number.isFinite(lib) && lib > 0 ? (base / lib).toFixed(2) + '×' : 'n/a');

const rows = []; // [section, measure, library, baseline, ratio, note]
function row(section, measure, lib, base, r, note = '') {
  rows.push([section, measure, lib, base, r, note]);
  log(`  ${measure.padEnd(46)} library ${String(lib).padStart(10)}   baseline ${String(base).padStart(10)}   ${String(r).padStart(8)} ${note}`);
}

// ---------------------------------------------------------------------------------------------
// Servers: one origin serves the built library, the baseline, the feeds and the built demo page.

const dist = snapshotDist();
const feedChunk = readdirSync(join(dist, 'chunks')).find(
  (f) => f.endsWith('.js') && /export\s*\{[^}]*\bas parseFeed\b/.test(readFileSync(join(dist, 'chunks', f), 'utf8')),
);
if (!feedChunk) throw new Error('bench: no chunk in dist/chunks exports parseFeed');
const rssParserBundle = join(root, 'node_modules/rss-parser/dist/rss-parser.min.js');
if (!existsSync(rssParserBundle)) throw new Error('bench: node_modules/rss-parser/dist/rss-parser.min.js is missing');

const feeds = new Map();
const feed = (n) => {
  if (!feeds.has(n)) feeds.set(n, wordpressFeed(n));
  return feeds.get(n);
};
const demoHtml = () =>
  readFileSync(join(root, 'demo/index.html'), 'utf8').replace(
    /<script type="module" src="\.\/main\.ts"><\/script>/,
    '<script type="module" src="/dist/iigp-widgets.js"></script>',
  );

const server = await startServer({
  '/dist/': dist,
  '/vendor/rss-parser.min.js': () => ({ body: readFileSync(rssParserBundle), type: 'text/javascript; charset=utf-8' }),
  '/baseline/': join(bench, 'baseline'),
  '/pages/': join(bench, 'pages'),
  '/feeds/': (rest) => {
    const m = /^(\d{1,4})\.xml$/.exec(rest);
    return m && Number(m[1]) <= 5000 ? { body: feed(Number(m[1])), type: 'application/rss+xml; charset=utf-8' } : undefined;
  },
  // The demo page as a user deploys it: the built all-in-one file instead of the dev server's main.ts.
  '/demo/': (rest) => {
    if (rest === '' || rest === 'index.html') return { body: demoHtml(), type: 'text/html; charset=utf-8' };
    const file = join(root, 'demo', rest);
    if (!file.startsWith(join(root, 'demo')) || !existsSync(file) || rest.endsWith('.ts')) return undefined;
    const types = { css: 'text/css; charset=utf-8', xml: 'application/rss+xml; charset=utf-8', json: 'application/json; charset=utf-8', svg: 'image/svg+xml', html: 'text/html; charset=utf-8', ics: 'text/calendar; charset=utf-8' };
    try {
      return { body: readFileSync(file), type: types[file.split('.').pop()] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  },
});
const at = (path) => server.origin + path;

// ---------------------------------------------------------------------------------------------
// The browser. Each cold run gets a fresh context (empty HTTP cache, empty localStorage); a repeat
// visit is a second navigation in the same context.

const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
const chromiumVersion = browser.version();

/** Runs in every page before its scripts: notes when the first item is in a painted frame, and CLS. */
function probe() {
  const b = (window.__bench = { firstItem: 0, allReady: 0, cls: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  const want = Number(new URLSearchParams(location.search).get('want') || 0);
  // Checked at the start of each frame: an item found here is in the DOM and is painted by this frame.
  const tick = () => {
    const now = performance.now();
    if (!b.firstItem) {
      const widget = document.querySelector('iigp-recent-posts');
      const hit = widget ? widget.shadowRoot?.querySelector('[part~="item"]') : document.querySelector('ul[data-state="ready"] li');
      if (hit) b.firstItem = now;
    }
    if (want && !b.allReady) {
      const ready = document.querySelectorAll('iigp-recent-posts[state="ready"], ul[data-state="ready"]').length;
      if (ready >= want) b.allReady = now;
    }
    if (!b.firstItem || (want && !b.allReady)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const NETWORKS = {
  loopback: { label: 'loopback, no throttling', conditions: undefined },
  // Lighthouse's DevTools throttling presets (lighthouse/core/config/constants.js).
  desktop: { label: 'desktop (40 ms RTT, 10 Mbps)', conditions: { latency: 40, down: 10240, up: 10240 } },
  slow4g: { label: 'slow 4G (562.5 ms RTT, 1.47 Mbps)', conditions: { latency: 562.5, down: 1474.56, up: 675 } },
};

async function openPage(context, network) {
  const page = await context.newPage();
  if (network.conditions) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.conditions.latency,
      downloadThroughput: (network.conditions.down * 1024) / 8,
      uploadThroughput: (network.conditions.up * 1024) / 8,
    });
  }
  return page;
}

/** Bytes the page loaded, from Resource Timing: transfer (headers + gzip body as served) and body. */
async function bytesOf(page) {
  return page.evaluate(() => {
    const out = { html: 0, js: 0, data: 0, other: 0, total: 0, jsBody: 0, requests: 0 };
    const seen = new Map();
    for (const e of [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]) {
      const prev = seen.get(e.name);
      if (!prev || e.transferSize > prev.transferSize) seen.set(e.name, e);
    }
    for (const e of seen.values()) {
      const path = new URL(e.name).pathname;
      const kind = e.entryType === 'navigation' ? 'html' : /\.m?js$/.test(path) ? 'js' : /^\/feeds\//.test(path) ? 'data' : 'other';
      out[kind] += e.transferSize;
      out.total += e.transferSize;
      if (kind === 'js') out.jsBody += e.encodedBodySize;
      out.requests++;
    }
    return out;
  });
}

/** Every request of the page with its start and end, for the report. */
async function waterfallOf(page) {
  return page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, size: e.transferSize }))
      .sort((a, b) => a.start - b.start),
  );
}

async function visit(page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
  await page.waitForFunction(() => window.__bench?.firstItem > 0, null, { timeout: 30_000, polling: 50 });
  return page.evaluate(() => ({ ...window.__bench }));
}

/** Waits until the visit is over: the widget saved its copy, nothing is still loading. */
async function settle(page) {
  await page.waitForFunction(
    () =>
      !document.querySelector('iigp-recent-posts') ||
      Object.keys(localStorage).some((key) => key.startsWith('iigp-widgets:')),
    null,
    { timeout: 30_000, polling: 50 },
  );
  await page.waitForLoadState('load');
}

const PAGES = {
  library: '/pages/widget.html',
  'library, no preload hint': '/pages/widget-nopreload.html',
  baseline: '/baseline/index.html',
};

async function firstItem(networkName, runs, share) {
  const network = NETWORKS[networkName];
  const until = sectionDeadline(share);
  const results = {};
  for (const name of Object.keys(PAGES)) results[name] = { cold: [], repeat: [], cls: [], bytes: [], repeatBytes: [], waterfall: undefined };
  for (let i = 0; i < runs; i++) {
    if (i > 0 && Date.now() > until) {
      partial.add(`first item (${networkName}): ${i} of ${runs} runs`);
      break;
    }
    // Rotate the order so that each page takes each position equally often: drift in the machine's
    // load, and whatever the previous context leaves behind, hit every side alike.
    const all = Object.keys(PAGES);
    const names = [...all.slice(i % all.length), ...all.slice(0, i % all.length)];
    for (const name of names) {
      const context = await browser.newContext();
      await context.addInitScript(probe);
      try {
        const page = await openPage(context, network);
        const cold = await visit(page, at(PAGES[name]));
        await settle(page);
        results[name].cold.push(cold.firstItem);
        results[name].cls.push(cold.cls);
        results[name].bytes.push(await bytesOf(page));
        results[name].waterfall ??= await waterfallOf(page);
        const repeat = await visit(page, at(PAGES[name]));
        await settle(page);
        results[name].repeat.push(repeat.firstItem);
        results[name].repeatBytes.push(await bytesOf(page));
      } catch (error) {
        // One failed run (a timeout on a starved machine) is reported, not fatal.
        failures.push(`first item (${networkName}, ${name}): ${String(error?.message ?? error).split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Measures.

log(`iigp-widgets bench: ${RUNS} runs per measure, time limit ${TIME_LIMIT_S} s, server ${server.origin}, Chromium ${chromiumVersion}`);
const load1 = loadavg()[0];

// 1. Bytes: static (gzip -9 of the files, as `npm run size`) and as loaded (Resource Timing, gzip -6 as served).
log('\nbytes');
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const br = (file) => brotliCompressSync(readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
// The page file and the RSS parser file (each stands alone: a page with a feed loads exactly these two).
const withParser = (entry) => closure(dist, join('chunks', feedChunk), closure(dist, entry));
const baseFiles = [rssParserBundle, join(bench, 'baseline/snippet.js')];
for (const [label, size] of [['gzip -9', gz], ['brotli', br]]) {
  const sum = (files) => [...files].reduce((n, f) => n + size(f), 0);
  const [lib, all, base] = [sum(withParser('recent-posts.js')), sum(withParser('iigp-widgets.js')), sum(baseFiles)];
  row('bytes', `code, ${label}: recent-posts.js + RSS parser`, kb(lib), kb(base), ratio(base, lib));
  row('bytes', `code, ${label}: iigp-widgets.js + RSS parser`, kb(all), kb(base), ratio(base, all));
}

// 2. First painted item, cold and repeat, per network.
const firstItemResults = {};
// Slow 4G runs are long: a third as many, a multiple of 3 so the rotation of the three pages stays even.
const networkRuns = { loopback: RUNS, desktop: RUNS, slow4g: 3 * Math.max(1, Math.ceil(RUNS / 9)) };
const networkShare = { loopback: 0.2, desktop: 0.25, slow4g: 0.33 };
const networkNames = process.env.BENCH_NETWORKS ? process.env.BENCH_NETWORKS.split(',').map((x) => x.trim()) : Object.keys(NETWORKS);
for (const networkName of runs('first-item') ? networkNames : []) {
  log(`\nfirst painted item, ${NETWORKS[networkName].label} (${networkRuns[networkName]} runs)`);
  const r = (firstItemResults[networkName] = await firstItem(networkName, networkRuns[networkName], networkShare[networkName]));
  const lib = r.library;
  const noPreload = r['library, no preload hint'];
  const base = r.baseline;
  const section = `first item: ${NETWORKS[networkName].label}`;
  if (networkName === 'loopback') {
    const b = (list, key) => median(list.map((x) => x[key]));
    row('bytes', 'JS loaded (transfer, gzip as served)', kb(b(lib.bytes, 'js')), kb(b(base.bytes, 'js')), ratio(b(base.bytes, 'js'), b(lib.bytes, 'js')));
    row('bytes', 'everything loaded: HTML + JS + 10-item feed', kb(b(lib.bytes, 'total')), kb(b(base.bytes, 'total')), ratio(b(base.bytes, 'total'), b(lib.bytes, 'total')));
    row('bytes', 'requests, cold', b(lib.bytes, 'requests'), b(base.bytes, 'requests'), '');
    row('bytes', 'transfer on a repeat visit', kb(b(lib.repeatBytes, 'total')), kb(b(base.repeatBytes, 'total')), ratio(b(base.repeatBytes, 'total'), b(lib.repeatBytes, 'total')));
  }
  row(section, 'cold (fresh context, empty cache)', ms(median(lib.cold)), ms(median(base.cold)), ratio(median(base.cold), median(lib.cold)), `(${lib.cold.length} runs)`);
  row(section, 'cold, library without the preload hint', ms(median(noPreload.cold)), ms(median(base.cold)), ratio(median(base.cold), median(noPreload.cold)));
  row(section, 'repeat visit (same context, 2nd navigation)', ms(median(lib.repeat)), ms(median(base.repeat)), ratio(median(base.repeat), median(lib.repeat)));
  if (networkName === 'loopback') {
    row(section, 'layout shift (CLS) while loading, cold', median(lib.cls).toFixed(3), median(base.cls).toFixed(3), '');
  }
}

// 3 and 4. Parse and render, page-side, in one page: warm-up, then alternating library / baseline.
if (runs('parse')) {
  log(`\nparse and render (${RUNS} runs each, 1,000 items: ${Math.max(3, Math.ceil(RUNS / 3))}; after 2 warm-up runs)`);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => log('  page error:', error.message));
  await page.goto(at(`/pages/harness.html?feed=chunks/${feedChunk}`));
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
  const sizes = [10, 100, 1000];
  // This section's time, shared out by weight so that render still gets its turn after parse.
  const sectionEnd = sectionDeadline(0.6);
  const weight = (n) => (n >= 1000 ? 2 : 1);
  let weightLeft = 2 * sizes.reduce((sum, n) => sum + weight(n), 0);
  for (const n of sizes) await page.evaluate((n) => window.bench.load(n), n);
  for (const [what, libFn, baseFn] of [
    ['parse', 'parseLib', 'parseBase'],
    ['render', 'renderLib', 'renderBase'],
  ]) {
    for (const n of sizes) {
      const lib = [];
      const base = [];
      const counts = new Set();
      const count = n >= 1000 ? Math.max(3, Math.ceil(RUNS / 3)) : RUNS;
      const until = Date.now() + (Math.max(0, sectionEnd - Date.now()) * weight(n)) / weightLeft;
      weightLeft -= weight(n);
      for (let i = -2; i < count; i++) {
        if (i > 0 && Date.now() > until) {
          partial.add(`${what} ${n} items: ${Math.max(0, i)} of ${count} runs`);
          break;
        }
        const order = i % 2 ? [[libFn, lib], [baseFn, base]] : [[baseFn, base], [libFn, lib]];
        for (const [fn, into] of order) {
          const r = await page.evaluate(([fn, n]) => window.bench[fn](n), [fn, n]);
          counts.add(`${fn}:${r.count}`);
          if (i >= 0) into.push(r.ms);
        }
      }
      const note = [...counts].some((c) => !c.endsWith(`:${n}`)) ? `(items: ${[...counts].join(', ')})` : '';
      row(what, `${what} ${n} items${what === 'parse' ? ' (DOMParser vs rss-parser parseString)' : ' (items property vs innerHTML)'}`, ms(median(lib)), ms(median(base)), ratio(median(base), median(lib)), note);
    }
  }
  await context.close();
}

// 5. 50 widgets on one feed: time until all 50 show items, and requests for the feed.
if (runs('many')) {
  log(`\n50 widgets on one page (${RUNS} runs, cold)`);
  const results = { library: { ready: [], requests: [] }, baseline: { ready: [], requests: [] } };
  const urls = { library: '/pages/many.html?want=50', baseline: '/baseline/many.html?want=50' };
  const until = sectionDeadline(runs('demo') ? 0.6 : 1);
  for (let i = 0; i < RUNS; i++) {
    if (i > 0 && Date.now() > until) {
      partial.add(`50 widgets: ${i} of ${RUNS} runs`);
      break;
    }
    for (const name of i % 2 ? ['baseline', 'library'] : ['library', 'baseline']) {
      const context = await browser.newContext();
      await context.addInitScript(probe);
      try {
        const page = await context.newPage();
        const before = server.log.length;
        await page.goto(at(urls[name]), { waitUntil: 'commit' });
        await page.waitForFunction(() => window.__bench?.allReady > 0, null, { timeout: 30_000, polling: 50 });
        await page.waitForLoadState('load');
        results[name].ready.push(await page.evaluate(() => window.__bench.allReady));
        results[name].requests.push(server.count((path) => path === '/feeds/10.xml', before));
      } catch (error) {
        failures.push(`50 widgets (${name}): ${String(error?.message ?? error).split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
  }
  const { library: lib, baseline: base } = results;
  row('50 widgets', 'navigation to all 50 showing items', ms(median(lib.ready)), ms(median(base.ready)), ratio(median(base.ready), median(lib.ready)));
  row('50 widgets', 'requests for the one feed URL (max over runs)', Math.max(...lib.requests), Math.max(...base.requests), '', Math.max(...lib.requests) === 1 ? '' : '(library must make 1)');
}

// 6. The demo page as deployed (built files): layout shifts and long tasks, measured in the page itself
// (Lighthouse, below, when installed, gives the same figures under its own throttling).
function demoProbe() {
  const d = (window.__demo = { cls: 0, longTasks: [], distFrames: [] });
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {}
  };
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) d.cls += e.value;
  });
  observe('longtask', (e) => d.longTasks.push(e.duration));
  // Long animation frames name the scripts that ran in them: the ones from dist/ are the widgets'.
  observe('long-animation-frame', (e) => {
    const ours = (e.scripts ?? []).filter((s) => /\/dist\//.test(s.sourceURL ?? ''));
    if (ours.length) d.distFrames.push({ duration: e.duration, blocking: e.blockingDuration, scripts: ours.map((s) => `${new URL(s.sourceURL).pathname} ${Math.round(s.duration)} ms`) });
  });
}
const demoRows = [];
if (runs('demo')) {
  const n = Math.min(RUNS, 7);
  log(`\ndemo page with the built dist/iigp-widgets.js (${n} runs, cold, loopback)`);
  const until = sectionDeadline(1);
  const res = { cls: [], longTasks: [], blocking: [], distFrames: [], ready: [] };
  for (let i = 0; i < n; i++) {
    if (i > 0 && Date.now() > until) {
      partial.add(`demo page: ${i} of ${n} runs`);
      break;
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(demoProbe);
    try {
      const page = await context.newPage();
      await page.goto(at('/demo/'), { waitUntil: 'load' });
      const t = await page
        .waitForFunction(
          () => {
            const all = [...document.querySelectorAll('iigp-recent-posts, iigp-workshop-list, iigp-faculty-card, iigp-newsletter-archive')];
            const done = all.every((el) => el.getAttribute('state') && el.getAttribute('state') !== 'loading');
            return done && performance.now();
          },
          null,
          { timeout: 15_000, polling: 50 },
        )
        .then((h) => h.jsonValue())
        .catch(() => NaN);
      await page.waitForTimeout(1000); // Late shifts (images, refresh) count too.
      const d = await page.evaluate(() => window.__demo);
      res.ready.push(t);
      res.cls.push(d.cls);
      res.longTasks.push(d.longTasks.length);
      res.blocking.push(d.longTasks.reduce((sum, x) => sum + Math.max(0, x - 50), 0));
      res.distFrames.push(...d.distFrames);
    } catch (error) {
      failures.push(`demo page: ${String(error?.message ?? error).split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }
  const worst = res.distFrames.sort((a, b) => b.duration - a.duration)[0];
  demoRows.push(
    ['all widgets settled (ready, empty or error)', ms(median(res.ready))],
    ['CLS (median / max over runs)', `${median(res.cls).toFixed(3)} / ${Math.max(...res.cls).toFixed(3)}`],
    ['long tasks (median count)', String(median(res.longTasks))],
    ['blocking time, sum of (task − 50 ms) (median)', ms(median(res.blocking))],
    ['long animation frames running dist/ scripts (all runs)', `${res.distFrames.length}${worst ? `; longest ${Math.round(worst.duration)} ms: ${worst.scripts.join(', ')}` : ''}`],
  );
  for (const [k, v] of demoRows) log(`  ${k.padEnd(56)} ${v}`);
}

await browser.close();

// 7. Lighthouse on the built demo page, when installed.
const lighthouseRows = [];
let lighthouseNote = '';
if (process.env.BENCH_LIGHTHOUSE === '0' || !runs('lighthouse')) {
  lighthouseNote = 'skipped (BENCH_LIGHTHOUSE=0 or BENCH_ONLY)';
} else {
  let lighthouse;
  try {
    ({ default: lighthouse } = await import('lighthouse'));
  } catch {
    lighthouseNote = 'lighthouse not installed: add `lighthouse@12.2.3` to devDependencies to run it here';
  }
  if (lighthouse) {
    log('\nlighthouse on the built demo page');
    try {
      lighthouseRows.push(...(await runLighthouse(lighthouse)));
    } catch (error) {
      lighthouseNote = `lighthouse failed: ${error?.message ?? error}`;
    }
  }
  if (lighthouseNote) log(`\n${lighthouseNote}`);
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolvePort(port));
    });
  });
}

/** CPU of the library's scripts from Lighthouse's "JavaScript execution time", which lists a script from 50 ms. */
function cpu(total) {
  return total ? ms(total) : 'under 50 ms';
}

async function runLighthouse(lighthouse) {
  const out = [];
  const configs = [['mobile (default config, simulated throttling)', undefined]];
  try {
    const mod = await import('lighthouse');
    const desktop = mod.desktopConfig ?? (await import('lighthouse/core/config/desktop-config.js')).default;
    if (desktop) configs.push(['desktop (desktop config)', desktop]);
  } catch {}
  // Lighthouse's mobile config counts a task as long from 12.5 ms of real time here (it simulates a CPU
  // four times slower), so whether a widget task crosses the line changes from run to run: a few runs
  // of each config show the spread.
  const lighthouseRuns = Math.max(1, Number(process.env.BENCH_LH_RUNS ?? 3));
  for (const [config, label] of configs.flatMap(([name, config]) =>
    Array.from({ length: lighthouseRuns }, (_, i) => [config, lighthouseRuns > 1 ? `${name}, run ${i + 1}` : name]),
  )) {
    const port = await freePort();
    const profile = mkdtempSync(join(tmpdir(), 'iigp-bench-lh-'));
    const chrome = spawn(CHROME, [...ARGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1', `--user-data-dir=${profile}`, 'about:blank'], {
      stdio: 'ignore',
    });
    try {
      for (let i = 0; ; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/json/version`);
          if (res.ok) break;
        } catch {}
        if (i > 100) throw new Error('Chromium did not open its debugging port');
        await new Promise((r) => setTimeout(r, 100));
      }
      const result = await lighthouse(
        at('/demo/'),
        { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
        config,
      );
      const lhr = result.lhr;
      const audits = lhr.audits;
      const longTasks = audits['long-tasks']?.details?.items ?? [];
      const ours = longTasks.filter((t) => /\/dist\//.test(t.url ?? ''));
      const num = (id) => audits[id]?.numericValue;
      const entry = {
        label,
        score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
        cls: num('cumulative-layout-shift'),
        tbt: num('total-blocking-time'),
        fcp: num('first-contentful-paint'),
        lcp: num('largest-contentful-paint'),
        longTasks: longTasks.length,
        // CPU time of the library's scripts (Lighthouse's "JavaScript execution time" audit).
        distCpu: (audits['bootup-time']?.details?.items ?? [])
          .filter((t) => /\/dist\//.test(t.url ?? ''))
          .reduce((n, t) => n + (t.total ?? 0), 0),
        ourLongTasks: ours.map((t) => `${new URL(t.url).pathname} ${Math.round(t.duration)} ms`),
        errors: Object.values(audits).filter((a) => a.errorMessage).map((a) => a.id),
      };
      log(
        `  ${label}: performance ${entry.score}, CLS ${entry.cls?.toFixed(3)}, TBT ${ms(entry.tbt)}, FCP ${ms(entry.fcp)}, LCP ${ms(entry.lcp)}, ` +
          `long tasks ${entry.longTasks} (from dist/: ${ours.length ? entry.ourLongTasks.join('; ') : 'none'}), dist/ script CPU ${cpu(entry.distCpu)}` +
          (entry.errors.length ? `; audits that errored: ${entry.errors.join(', ')}` : ''),
      );
      out.push(entry);
    } finally {
      chrome.kill('SIGTERM');
      await new Promise((r) => (chrome.exitCode !== null ? r() : chrome.once('exit', r)));
      // Chromium's helper processes may still write to the profile for a moment after it exits.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {}
    }
  }
  return out;
}

await server.close();
rmSync(dist, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// RESULTS.md

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
const nproc = (() => {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(cpus().length);
  }
})();
const elapsed = ((Date.now() - started) / 1000).toFixed(0);
const table = (section) =>
  rows
    .filter((r) => r[0] === section)
    .map((r) => `| ${r[1]} | ${r[2]} | ${r[3]} | ${r[4]} ${r[5]} |`)
    .join('\n');
const sections = [...new Set(rows.map((r) => r[0]))];
const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, in ${elapsed} s.

| machine | |
|---|---|
| CPUs (\`nproc\`) | ${nproc} |
| CPU model | ${cpuModel} |
| load average at start | ${load1.toFixed(2)} |
| Chromium | ${chromiumVersion} (\`${CHROME}\`, headless=new) |
| Node | ${process.version} |
| runs per measure | ${RUNS} (slow 4G: ${networkRuns.slow4g}) |
| build measured | \`${process.env.BENCH_DIST ?? 'dist'}\` (copied at the start) |

The machine is shared and timings on it are noisy: quote the **ratios**, which compare the two sides
measured in the same run, rotating which goes first. A ratio is baseline ÷ library: above 1× the
library is better (smaller or faster).
${partial.size ? `\n**Incomplete run** (time limit reached): ${[...partial].join('; ')}.\n` : ''}${failures.length ? `\n**Failed runs** (left out of the medians): ${failures.join('; ')}.\n` : ''}
## What is compared

- **Library**: \`<iigp-recent-posts src="/feeds/10.xml" limit="10">\` from the built \`dist/recent-posts.js\`
  (Lit included; it loads the RSS parser file, \`dist/chunks/feed-*.js\`, on demand), with the README's
  \`<link rel="preload" as="fetch" crossorigin>\` hint for the feed (also measured without it).
- **Baseline** (\`bench/baseline/\`): the page a site would hand-roll: rss-parser ${JSON.parse(readFileSync(join(root, 'node_modules/rss-parser/package.json'), 'utf8')).version}'s browser bundle
  (\`rss-parser.min.js\`) in a classic script, \`fetch\` + \`parseString\`, then \`innerHTML\` of the title link and
  date of each item (no escaping, no cache: typical, and the cheapest possible render).
- **Data**: generated WordPress-style RSS 2.0 feeds (\`bench/lib/feeds.mjs\`: title with entities, link,
  dc:creator, categories, guid, excerpt, full content:encoded, an image in every other post), 10 items on the
  pages, 10/100/1,000 for parsing: ${[10, 100, 1000].map((n) => `${n} items ${kb(feed(n).length)} (gzip ${kb(gzipSync(feed(n)).length)})`).join(', ')}.

## Method

- One loopback-only static server (127.0.0.1, random port) serves both sides: gzip -6 for text as a typical
  host does, scripts \`Cache-Control: max-age=3600\`, HTML and feeds \`no-cache\` with an ETag (a repeat visit
  revalidates them with a 304, as WordPress feeds do). \`dist/\` is copied before the run.
- Chromium via playwright-core. **Bytes**: Resource Timing \`transferSize\` (headers + compressed body) of a
  cold load, by kind; "code, gzip -9" and "code, brotli" are the files themselves (\`npm run size\` counts
  gzip -9).
- **First painted item**: a script injected before the page's own checks at the start of every animation
  frame whether the first item is in the DOM (the widget's shadow root, or the baseline's filled list); the
  time is \`performance.now()\` since navigation start in that frame. Cold = a fresh browser context (empty
  HTTP cache, empty localStorage); repeat = a second navigation in the same context (scripts from the HTTP
  cache, the feed revalidated; the widget paints from its saved copy and refreshes behind it). Networks: no
  throttling, then Chromium's DevTools network emulation with Lighthouse's desktop and slow-4G presets (no
  CPU throttling). CLS: the sum of layout-shift entries until the first item.
- **Parse**: in one page, the built RSS parser file's \`parseFeed\` (DOMParser) vs rss-parser's \`parseString\`
  on the same text already in memory, 2 warm-up runs then alternating runs; the median is shown.
- **Render**: a new \`<iigp-recent-posts>\` with \`limit\` = n and the parsed posts set as its \`items\` property,
  appended, \`updateComplete\` awaited and layout forced, vs a new \`<ul>\` filled by the baseline's innerHTML
  with layout forced. Same alternation and medians.
- **50 widgets**: 50 widgets on one feed URL (the library) vs 50 baseline boxes (rss-parser loaded once);
  time until all 50 show items (cold), and the requests for the feed counted by the server.
- **Demo page**: \`demo/index.html\` served with the built \`dist/iigp-widgets.js\` instead of \`main.ts\`, cold, 1280×900;
  layout shifts, long tasks and long animation frames (which name the scripts that ran) observed in the page
  until every widget has settled, plus one second.
- **Lighthouse** 12 (when installed) on the same demo page.

## Results (medians)

${sections
  .map(
    (section) => `### ${section}

| measure | library | baseline | baseline ÷ library |
|---|---|---|---|
${table(section)}
`,
  )
  .join('\n')}
${waterfallMd()}
${demoRows.length ? `### Demo page (built files), measured in the page: cold, loopback

| measure | value |
|---|---|
${demoRows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
` : ''}
### Lighthouse (demo page, built files)

${
  lighthouseRows.length
    ? `| config | performance | CLS | total blocking time | FCP | LCP | long tasks (all / from dist/) | CPU of dist/ scripts |
|---|---|---|---|---|---|---|---|
${lighthouseRows
  .map(
    (e) =>
      `| ${e.label} | ${e.score} | ${e.cls?.toFixed(3)} | ${ms(e.tbt)} | ${ms(e.fcp)} | ${ms(e.lcp)} | ${e.longTasks} / ${e.ourLongTasks.length ? e.ourLongTasks.join('; ') : '0'} | ${cpu(e.distCpu)} |`,
  )
  .join('\n')}
${lighthouseRows.some((e) => e.errors.length) ? `\nAudits that errored (Chromium ${chromiumVersion}): ${[...new Set(lighthouseRows.flatMap((e) => e.errors))].join(', ')}.\n` : ''}`
    : lighthouseNote
}

## Rerun

\`\`\`
npm run build && npm run bench          # BENCH_RUNS=15 BENCH_TIME_LIMIT=240 (s) by default; see bench/run.mjs
\`\`\`
`;
writeFileSync(OUT, md);

function waterfallMd() {
  const r = firstItemResults.slow4g;
  if (!r?.library?.waterfall) return '';
  const show = (name) =>
    r[name].waterfall
      .map((e) => `  ${e.path.padEnd(44)} ${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)} ms  ${kb(e.size).padStart(8)}`)
      .join('\n');
  return `### Cold load on slow 4G, request by request (first run)

Each level of imports costs one round trip (562.5 ms here) before the next level is even requested.

\`\`\`
library (widget.html)
${show('library')}

baseline (baseline/index.html)
${show('baseline')}
\`\`\`
`;
}
if (failures.length) log(`\nfailed runs (left out of the medians):\n  ${failures.join('\n  ')}`);
log(`\nwrote ${OUT} in ${elapsed} s`);
