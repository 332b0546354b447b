// 6. The demo page as deployed (built files): layout shifts and long tasks, measured in the page itself
// (Lighthouse, after it, gives the same figures under its own throttling). Returns [measure, value] rows.
import { demoProbe } from '../lib/probes.mjs';
import { failures, log, options, partial, sectionDeadline } from '../lib/run-state.mjs';
import { firstLine, median, ms } from '../lib/stats.mjs';

export async function measureDemo({ browser, at }) {
  const n = Math.min(options.runs, 7);
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
            const all = [
              ...document.querySelectorAll(
                'iigp-recent-posts, iigp-workshop-list, iigp-faculty-card, iigp-newsletter-archive',
              ),
            ];
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
      failures.push(`demo page: ${firstLine(error)}`);
    } finally {
      await context.close();
    }
  }
  const worst = res.distFrames.sort((a, b) => b.duration - a.duration)[0];
  const rows = [
    ['all widgets settled (ready, empty or error)', ms(median(res.ready))],
    ['CLS (median / max over runs)', `${median(res.cls).toFixed(3)} / ${Math.max(...res.cls).toFixed(3)}`],
    ['long tasks (median count)', String(median(res.longTasks))],
    ['blocking time, sum of (task − 50 ms) (median)', ms(median(res.blocking))],
    [
      'long animation frames running dist/ scripts (all runs)',
      `${res.distFrames.length}${worst ? `; longest ${Math.round(worst.duration)} ms: ${worst.scripts.join(', ')}` : ''}`,
    ],
  ];
  for (const [k, v] of rows) log(`  ${k.padEnd(56)} ${v}`);
  return rows;
}
