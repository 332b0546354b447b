// 7. Lighthouse on the built demo page, when installed: a few runs of the mobile and desktop configs.
// Returns { rows, note }: one entry per run, or a note saying why there are none.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { log, options } from '../lib/run-state.mjs';
import { ms } from '../lib/stats.mjs';

/** CPU of the library's scripts from Lighthouse's "JavaScript execution time", which lists a script from 50 ms. */
export const cpu = (total) => (total ? ms(total) : 'under 50 ms');

function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolvePort(port));
    });
  });
}

async function startChromium(port, profile) {
  const chrome = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (res.ok) return chrome;
    } catch {}
    if (i > 100) {
      chrome.kill('SIGTERM');
      throw new Error('Chromium did not open its debugging port');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The figures the report shows from one Lighthouse result. */
function summarise(label, lhr) {
  const audits = lhr.audits;
  const longTasks = audits['long-tasks']?.details?.items ?? [];
  const ours = longTasks.filter((t) => /\/dist\//.test(t.url ?? ''));
  const num = (id) => audits[id]?.numericValue;
  return {
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
    errors: Object.values(audits)
      .filter((a) => a.errorMessage)
      .map((a) => a.id),
  };
}

export async function measureLighthouse({ at }) {
  if (!options.lighthouse) return { rows: [], note: 'skipped (BENCH_LIGHTHOUSE=0 or BENCH_ONLY)' };
  let mod;
  try {
    mod = await import('lighthouse');
  } catch {
    return { rows: [], note: 'lighthouse not installed: add `lighthouse@12.2.3` to devDependencies to run it here' };
  }
  log('\nlighthouse on the built demo page');
  const configs = [['mobile (default config, simulated throttling)', undefined]];
  try {
    const desktop = mod.desktopConfig ?? (await import('lighthouse/core/config/desktop-config.js')).default;
    if (desktop) configs.push(['desktop (desktop config)', desktop]);
  } catch {}
  // Lighthouse's mobile config counts a task as long from 12.5 ms of real time here (it simulates a CPU
  // four times slower), so whether a widget task crosses the line changes from run to run: a few runs
  // of each config show the spread.
  const n = options.lighthouseRuns;
  const rows = [];
  try {
    for (const [name, config] of configs) {
      for (let i = 0; i < n; i++) {
        const label = n > 1 ? `${name}, run ${i + 1}` : name;
        const port = await freePort();
        const profile = mkdtempSync(join(tmpdir(), 'iigp-bench-lh-'));
        const chrome = await startChromium(port, profile);
        try {
          const result = await mod.default(
            at('/demo/'),
            { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
            config,
          );
          const entry = summarise(label, result.lhr);
          log(
            `  ${label}: performance ${entry.score}, CLS ${entry.cls?.toFixed(3)}, TBT ${ms(entry.tbt)}, FCP ${ms(entry.fcp)}, LCP ${ms(entry.lcp)}, ` +
              `long tasks ${entry.longTasks} (from dist/: ${entry.ourLongTasks.length ? entry.ourLongTasks.join('; ') : 'none'}), dist/ script CPU ${cpu(entry.distCpu)}` +
              (entry.errors.length ? `; audits that errored: ${entry.errors.join(', ')}` : ''),
          );
          rows.push(entry);
        } finally {
          chrome.kill('SIGTERM');
          await new Promise((r) => (chrome.exitCode !== null ? r() : chrome.once('exit', r)));
          // Chromium's helper processes may still write to the profile for a moment after it exits.
          try {
            rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
          } catch {}
        }
      }
    }
  } catch (error) {
    return { rows, note: `lighthouse failed: ${error?.message ?? error}` };
  }
  return { rows, note: '' };
}
