#!/usr/bin/env node
// `npm run bench`: the library (<iigp-recent-posts>, built dist/) side by side with a naive baseline
// (rss-parser's browser bundle + innerHTML, bench/baseline/), in Debian's Chromium via playwright-core,
// against loopback-only static servers. Prints medians and ratios measured in this one run and writes
// bench/RESULTS.md. Timings are never asserted: the machine is shared and noisy; quote the ratios.
//
// This file only sets the stage and runs the measures in order: each measure is a module of measures/,
// the shared options and results are lib/run-state.mjs, the network presets lib/networks.mjs, and the
// report lib/report.mjs.
//
// Options (environment): BENCH_RUNS (default 15), BENCH_TIME_LIMIT (seconds for the measures, default 240;
// Lighthouse, after them, takes about 2 minutes more), BENCH_LIGHTHOUSE=0 to skip Lighthouse, BENCH_LH_RUNS
// (runs of each Lighthouse config, default 3), BENCH_OUT (default bench/RESULTS.md), CHROME_PATH,
// BENCH_DIST (a build to measure instead of dist/, e.g. to compare a change), BENCH_ONLY (a comma-separated
// subset of first-item,parse,many,demo,lighthouse), BENCH_NETWORKS (a subset of loopback,desktop,slow4g).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { feedChunkOf, snapshotDist } from './lib/dist.mjs';
import { wordpressFeed } from './lib/feeds.mjs';
import { writeReport } from './lib/report.mjs';
import { failures, log, options, runs } from './lib/run-state.mjs';
import { startServer } from './lib/server.mjs';
import { measureBytes } from './measures/bytes.mjs';
import { measureDemo } from './measures/demo.mjs';
import { measureFirstItem, networkRuns } from './measures/first-item.mjs';
import { measureLighthouse } from './measures/lighthouse.mjs';
import { measureMany } from './measures/many.mjs';
import { measureParseRender } from './measures/parse-render.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bench = join(root, 'bench');

// A last resort: never hang a CI job. The measures stop at their deadlines on their own.
setTimeout(
  () => {
    console.error('bench: hard time limit exceeded, giving up');
    process.exit(2);
  },
  (options.timeLimitS + 180) * 1000,
).unref();

const dist = snapshotDist(resolve(root, options.dist));
const feedChunk = feedChunkOf(dist);
const rssParserBundle = join(root, 'node_modules/rss-parser/dist/rss-parser.min.js');
if (!existsSync(rssParserBundle)) throw new Error('bench: node_modules/rss-parser/dist/rss-parser.min.js is missing');

// One origin serves the built library, the baseline, the feeds and the built demo page.
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
const DEMO_TYPES = {
  css: 'text/css; charset=utf-8',
  xml: 'application/rss+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  html: 'text/html; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};
const server = await startServer({
  '/dist/': dist,
  '/vendor/rss-parser.min.js': () => ({ body: readFileSync(rssParserBundle), type: 'text/javascript; charset=utf-8' }),
  '/baseline/': join(bench, 'baseline'),
  '/pages/': join(bench, 'pages'),
  '/feeds/': (rest) => {
    const m = /^(\d{1,4})\.xml$/.exec(rest);
    return m && Number(m[1]) <= 5000
      ? { body: feed(Number(m[1])), type: 'application/rss+xml; charset=utf-8' }
      : undefined;
  },
  // The demo page as a user deploys it: the built all-in-one file instead of the dev server's main.ts.
  '/demo/': (rest) => {
    if (rest === '' || rest === 'index.html') return { body: demoHtml(), type: 'text/html; charset=utf-8' };
    const file = join(root, 'demo', rest);
    if (!file.startsWith(join(root, 'demo')) || !existsSync(file) || rest.endsWith('.ts')) return undefined;
    try {
      return { body: readFileSync(file), type: DEMO_TYPES[file.split('.').pop()] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  },
});
const at = (path) => server.origin + path;

// Each cold run gets a fresh browser context (empty HTTP cache, empty localStorage); a repeat visit is a
// second navigation in the same context.
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const chromiumVersion = browser.version();
const stage = { browser, at, server, dist, feedChunk };

log(
  `iigp-widgets bench: ${options.runs} runs per measure, time limit ${options.timeLimitS} s, server ${server.origin}, Chromium ${chromiumVersion}`,
);
const load1 = loadavg()[0];

measureBytes({ dist, feedChunk, baselineFiles: [rssParserBundle, join(bench, 'baseline/snippet.js')] });
const firstItem = runs('first-item') ? await measureFirstItem(stage) : {};
if (runs('parse')) await measureParseRender(stage);
if (runs('many')) await measureMany(stage);
const demoRows = runs('demo') ? await measureDemo(stage) : [];
await browser.close();
const lighthouse = runs('lighthouse')
  ? await measureLighthouse(stage)
  : { rows: [], note: 'skipped (BENCH_LIGHTHOUSE=0 or BENCH_ONLY)' };
if (lighthouse.note) log(`\n${lighthouse.note}`);

await server.close();
rmSync(dist, { recursive: true, force: true });

const out = resolve(root, options.out);
const elapsed = writeReport(out, {
  root,
  load1,
  chromiumVersion,
  chromiumPath,
  slow4gRuns: networkRuns('slow4g'),
  feed,
  firstItem,
  demoRows,
  lighthouse,
});
if (failures.length) log(`\nfailed runs (left out of the medians):\n  ${failures.join('\n  ')}`);
log(`\nwrote ${out} in ${elapsed} s`);
