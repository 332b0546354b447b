// 5. 50 widgets on one feed: time until all 50 show items, and requests for the feed.
import { firstItemProbe } from '../lib/probes.mjs';
import { failures, log, options, partial, row, runs, sectionDeadline } from '../lib/run-state.mjs';
import { firstLine, median, ms, ratio } from '../lib/stats.mjs';

export async function measureMany({ browser, at, server }) {
  const RUNS = options.runs;
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
      await context.addInitScript(firstItemProbe);
      try {
        const page = await context.newPage();
        const before = server.log.length;
        await page.goto(at(urls[name]), { waitUntil: 'commit' });
        await page.waitForFunction(() => window.__bench?.allReady > 0, null, { timeout: 30_000, polling: 50 });
        await page.waitForLoadState('load');
        results[name].ready.push(await page.evaluate(() => window.__bench.allReady));
        results[name].requests.push(server.count((path) => path === '/feeds/10.xml', before));
      } catch (error) {
        failures.push(`50 widgets (${name}): ${firstLine(error)}`);
      } finally {
        await context.close();
      }
    }
  }
  const { library: lib, baseline: base } = results;
  row(
    '50 widgets',
    'navigation to all 50 showing items',
    ms(median(lib.ready)),
    ms(median(base.ready)),
    ratio(median(base.ready), median(lib.ready)),
  );
  const most = Math.max(...lib.requests);
  row(
    '50 widgets',
    'requests for the one feed URL (max over runs)',
    most,
    Math.max(...base.requests),
    '',
    most === 1 ? '' : '(library must make 1)',
  );
}
