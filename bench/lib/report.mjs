// bench/RESULTS.md: the machine, what is compared and how, and the figures of this one run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpu } from '../measures/lighthouse.mjs';
import { PARSE_SIZES } from '../measures/parse-render.mjs';
import { NETWORKS } from './networks.mjs';
import { failures, options, partial, rows, started } from './run-state.mjs';
import { kb, ms } from './stats.mjs';

function machine() {
  const cpuModel =
    /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {}
  return { cpuModel, nproc };
}

function resultTables() {
  const sections = [...new Set(rows.map((r) => r[0]))];
  return sections
    .map(
      (section) => `### ${section}

| measure | library | baseline | baseline ÷ library |
|---|---|---|---|
${rows
  .filter((r) => r[0] === section)
  .map((r) => `| ${r[1]} | ${r[2]} | ${r[3]} | ${r[4]} ${r[5]} |`)
  .join('\n')}
`,
    )
    .join('\n');
}

function waterfall(firstItem) {
  const r = firstItem?.slow4g;
  if (!r?.library?.waterfall) return '';
  const show = (name) =>
    r[name].waterfall
      .map(
        (e) =>
          `  ${e.path.padEnd(44)} ${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)} ms  ${kb(e.size).padStart(8)}`,
      )
      .join('\n');
  return `### Cold load on slow 4G, request by request (first run)

Each level of imports costs one round trip (${NETWORKS.slow4g.conditions.latency} ms here) before the next level is even requested.

\`\`\`
library (widget.html)
${show('library')}

baseline (baseline/index.html)
${show('baseline')}
\`\`\`
`;
}

function demoTable(demoRows) {
  if (!demoRows.length) return '';
  return `### Demo page (built files), measured in the page: cold, loopback

| measure | value |
|---|---|
${demoRows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
`;
}

function lighthouseTable({ rows: lh, note }, chromiumVersion) {
  if (!lh.length) return note;
  const errored = [...new Set(lh.flatMap((e) => e.errors))];
  return `| config | performance | CLS | total blocking time | FCP | LCP | long tasks (all / from dist/) | CPU of dist/ scripts |
|---|---|---|---|---|---|---|---|
${lh
  .map(
    (e) =>
      `| ${e.label} | ${e.score} | ${e.cls?.toFixed(3)} | ${ms(e.tbt)} | ${ms(e.fcp)} | ${ms(e.lcp)} | ${e.longTasks} / ${e.ourLongTasks.length ? e.ourLongTasks.join('; ') : '0'} | ${cpu(e.distCpu)} |`,
  )
  .join('\n')}
${errored.length ? `\nAudits that errored (Chromium ${chromiumVersion}): ${errored.join(', ')}.\n` : ''}${note ? `\n${note}\n` : ''}`;
}

/** Writes the report to `path`; returns the seconds the run took. */
export function writeReport(
  path,
  { root, load1, chromiumVersion, chromiumPath, slow4gRuns, feed, firstItem, demoRows, lighthouse },
) {
  const { cpuModel, nproc } = machine();
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  const rssParserVersion = JSON.parse(readFileSync(join(root, 'node_modules/rss-parser/package.json'), 'utf8')).version;
  const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, in ${elapsed} s.

| machine | |
|---|---|
| CPUs (\`nproc\`) | ${nproc} |
| CPU model | ${cpuModel} |
| load average at start | ${load1.toFixed(2)} |
| Chromium | ${chromiumVersion} (\`${chromiumPath}\`, headless=new) |
| Node | ${process.version} |
| runs per measure | ${options.runs} (slow 4G: ${slow4gRuns}) |
| build measured | \`${options.dist}\` (copied at the start) |

The machine is shared and timings on it are noisy: quote the **ratios**, which compare the two sides
measured in the same run, rotating which goes first. A ratio is baseline ÷ library: above 1× the
library is better (smaller or faster).
${partial.size ? `\n**Incomplete run** (time limit reached): ${[...partial].join('; ')}.\n` : ''}${failures.length ? `\n**Failed runs** (left out of the medians): ${failures.join('; ')}.\n` : ''}
## What is compared

- **Library**: \`<iigp-recent-posts src="/feeds/10.xml" limit="10">\` from the built \`dist/recent-posts.js\`
  (Lit included; it loads the RSS parser file, \`dist/chunks/feed-*.js\`, on demand), with the README's
  \`<link rel="preload" as="fetch" crossorigin>\` hint for the feed (also measured without it).
- **Baseline** (\`bench/baseline/\`): the page a site would hand-roll: rss-parser ${rssParserVersion}'s browser bundle
  (\`rss-parser.min.js\`) in a classic script, \`fetch\` + \`parseString\`, then \`innerHTML\` of the title link and
  date of each item (no escaping, no cache: typical, and the cheapest possible render).
- **Data**: generated WordPress-style RSS 2.0 feeds (\`bench/lib/feeds.mjs\`: title with entities, link,
  dc:creator, categories, guid, excerpt, full content:encoded, an image in every other post), 10 items on the
  pages, ${PARSE_SIZES.join('/')} for parsing: ${PARSE_SIZES.map((n) => `${n} items ${kb(feed(n).length)} (gzip ${kb(gzipSync(feed(n)).length)})`).join(', ')}.

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
  CPU throttling; \`bench/lib/networks.mjs\`). CLS: the sum of layout-shift entries until the first item.
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

${resultTables()}
${waterfall(firstItem)}
${demoTable(demoRows)}
### Lighthouse (demo page, built files)

${lighthouseTable(lighthouse, chromiumVersion)}

## Rerun

\`\`\`
npm run build && npm run bench          # BENCH_RUNS=15 BENCH_TIME_LIMIT=240 (s) by default; see bench/run.mjs
\`\`\`
`;
  writeFileSync(path, md);
  return elapsed;
}
