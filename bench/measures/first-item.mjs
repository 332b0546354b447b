// 2. First painted item, cold and repeat, on each network: the library page (with and without the
// preload hint) and the baseline, rotating which goes first.
import { NETWORKS, networkLabel, openPage } from '../lib/networks.mjs';
import { firstItemProbe } from '../lib/probes.mjs';
import { failures, log, options, partial, row, sectionDeadline } from '../lib/run-state.mjs';
import { firstLine, kb, median, ms, ratio } from '../lib/stats.mjs';

const PAGES = {
  library: '/pages/widget.html',
  'library, no preload hint': '/pages/widget-nopreload.html',
  baseline: '/baseline/index.html',
};

/** Bytes the page loaded, from Resource Timing: transfer (headers + gzip body as served) and body. */
function bytesOf(page) {
  return page.evaluate(() => {
    const out = { html: 0, js: 0, data: 0, other: 0, total: 0, jsBody: 0, requests: 0 };
    const seen = new Map();
    for (const e of [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]) {
      const prev = seen.get(e.name);
      if (!prev || e.transferSize > prev.transferSize) seen.set(e.name, e);
    }
    for (const e of seen.values()) {
      const path = new URL(e.name).pathname;
      const kind =
        e.entryType === 'navigation'
          ? 'html'
          : /\.m?js$/.test(path)
            ? 'js'
            : /^\/feeds\//.test(path)
              ? 'data'
              : 'other';
      out[kind] += e.transferSize;
      out.total += e.transferSize;
      if (kind === 'js') out.jsBody += e.encodedBodySize;
      out.requests++;
    }
    return out;
  });
}

/** Every request of the page with its start and end, for the report. */
function waterfallOf(page) {
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

async function firstItemOn(browser, at, networkName, runs, share) {
  const network = NETWORKS[networkName];
  const until = sectionDeadline(share);
  const results = {};
  for (const name of Object.keys(PAGES))
    results[name] = { cold: [], repeat: [], cls: [], bytes: [], repeatBytes: [], waterfall: undefined };
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
      await context.addInitScript(firstItemProbe);
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
        failures.push(`first item (${networkName}, ${name}): ${firstLine(error)}`);
      } finally {
        await context.close();
      }
    }
  }
  return results;
}

/** Slow 4G runs are long: a third as many, a multiple of 3 so the rotation of the three pages stays even. */
export const networkRuns = (networkName) =>
  networkName === 'slow4g' ? 3 * Math.max(1, Math.ceil(options.runs / 9)) : options.runs;
const networkShare = { loopback: 0.2, desktop: 0.25, slow4g: 0.33 };

/** Measures every network in turn; returns the results by network (the report draws a waterfall from them). */
export async function measureFirstItem({ browser, at }) {
  const byNetwork = {};
  for (const networkName of options.networks ?? Object.keys(NETWORKS)) {
    const network = NETWORKS[networkName];
    const count = networkRuns(networkName);
    log(`\nfirst painted item, ${networkLabel(network)} (${count} runs)`);
    const r = (byNetwork[networkName] = await firstItemOn(browser, at, networkName, count, networkShare[networkName]));
    const lib = r.library;
    const noPreload = r['library, no preload hint'];
    const base = r.baseline;
    const section = `first item: ${networkLabel(network)}`;
    if (!network.conditions) {
      const b = (list, key) => median(list.map((x) => x[key]));
      row(
        'bytes',
        'JS loaded (transfer, gzip as served)',
        kb(b(lib.bytes, 'js')),
        kb(b(base.bytes, 'js')),
        ratio(b(base.bytes, 'js'), b(lib.bytes, 'js')),
      );
      row(
        'bytes',
        'everything loaded: HTML + JS + 10-item feed',
        kb(b(lib.bytes, 'total')),
        kb(b(base.bytes, 'total')),
        ratio(b(base.bytes, 'total'), b(lib.bytes, 'total')),
      );
      row('bytes', 'requests, cold', b(lib.bytes, 'requests'), b(base.bytes, 'requests'), '');
      row(
        'bytes',
        'transfer on a repeat visit',
        kb(b(lib.repeatBytes, 'total')),
        kb(b(base.repeatBytes, 'total')),
        ratio(b(base.repeatBytes, 'total'), b(lib.repeatBytes, 'total')),
      );
    }
    row(
      section,
      'cold (fresh context, empty cache)',
      ms(median(lib.cold)),
      ms(median(base.cold)),
      ratio(median(base.cold), median(lib.cold)),
      `(${lib.cold.length} runs)`,
    );
    row(
      section,
      'cold, library without the preload hint',
      ms(median(noPreload.cold)),
      ms(median(base.cold)),
      ratio(median(base.cold), median(noPreload.cold)),
    );
    row(
      section,
      'repeat visit (same context, 2nd navigation)',
      ms(median(lib.repeat)),
      ms(median(base.repeat)),
      ratio(median(base.repeat), median(lib.repeat)),
    );
    if (!network.conditions) {
      row(
        section,
        'layout shift (CLS) while loading, cold',
        median(lib.cls).toFixed(3),
        median(base.cls).toFixed(3),
        '',
      );
    }
  }
  return byNetwork;
}
