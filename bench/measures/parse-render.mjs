// 3 and 4. Parse and render, page-side, in one page: warm-up, then alternating library / baseline.
import { log, options, partial, row, sectionDeadline } from '../lib/run-state.mjs';
import { median, ms, ratio } from '../lib/stats.mjs';

export const PARSE_SIZES = [10, 100, 1000];

export async function measureParseRender({ browser, at, feedChunk }) {
  const RUNS = options.runs;
  log(`\nparse and render (${RUNS} runs each, 1,000 items: ${Math.max(3, Math.ceil(RUNS / 3))}; after 2 warm-up runs)`);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => log('  page error:', error.message));
  await page.goto(at(`/pages/harness.html?feed=chunks/${feedChunk}`));
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
  // This section's time, shared out by weight so that render still gets its turn after parse.
  const sectionEnd = sectionDeadline(0.6);
  const weight = (n) => (n >= 1000 ? 2 : 1);
  let weightLeft = 2 * PARSE_SIZES.reduce((sum, n) => sum + weight(n), 0);
  for (const n of PARSE_SIZES) await page.evaluate((n) => window.bench.load(n), n);
  for (const [what, libFn, baseFn] of [
    ['parse', 'parseLib', 'parseBase'],
    ['render', 'renderLib', 'renderBase'],
  ]) {
    for (const n of PARSE_SIZES) {
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
        const order =
          i % 2
            ? [
                [libFn, lib],
                [baseFn, base],
              ]
            : [
                [baseFn, base],
                [libFn, lib],
              ];
        for (const [fn, into] of order) {
          const r = await page.evaluate(([fn, n]) => window.bench[fn](n), [fn, n]);
          counts.add(`${fn}:${r.count}`);
          if (i >= 0) into.push(r.ms);
        }
      }
      const note = [...counts].some((c) => !c.endsWith(`:${n}`)) ? `(items: ${[...counts].join(', ')})` : '';
      const how = what === 'parse' ? ' (DOMParser vs rss-parser parseString)' : ' (items property vs innerHTML)';
      row(what, `${what} ${n} items${how}`, ms(median(lib)), ms(median(base)), ratio(median(base), median(lib)), note);
    }
  }
  await context.close();
}
