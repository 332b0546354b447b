// The browser engines web-test-runner runs the suites in: Chromium, Firefox and WebKit.
//
//   ENGINES=chromium,firefox,webkit   which engines to run, one after another; ENGINES=all for the three
//                                     (`npm test`); unset, Chromium only (quick runs of `npx wtr --files …`)
//   CI=true                           a missing engine is an error instead of a skip
//   CHROME_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER_PATH, WEBKIT_MINIBROWSER_PATH   other installations
//
// Chromium and Firefox are driven by puppeteer-core (Firefox over WebDriver BiDi, through
// @web/test-runner-chrome's `puppeteer` option). WebKit is WebKitGTK's MiniBrowser, driven by
// WebKitWebDriver through @web/test-runner-webdriver; the MiniBrowser has no headless mode, so the
// launcher starts a private Xvfb display and the driver itself and stops both when WebKit is done.
// A browser missing on this machine is reported with the command that installs it, and skipped.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { executable, installCommand, which } from './setup.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

// The same packages scripts/setup.mjs installs (`npm test` runs it first).
const PACKAGES = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb'] };
const APT = Object.fromEntries(
  Object.entries(PACKAGES).map(([engine, packages]) => [engine, installCommand(packages)]),
);

function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER_PATH) return process.env.WEBKIT_MINIBROWSER_PATH;
  // Debian and Ubuntu: /usr/lib/<multiarch triplet>/webkit2gtk-4.1/MiniBrowser (package libwebkit2gtk-4.1-0).
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    let dirs;
    try {
      dirs = readdirSync(lib);
    } catch {
      continue;
    }
    for (const dir of ['', ...dirs]) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        const path = join(lib, dir, api, 'MiniBrowser');
        if (executable(path)) return path;
      }
    }
  }
  return undefined;
}

/** Imports an optional dev dependency, or says which one is missing. */
async function optional(name) {
  try {
    return await import(name);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(String(error?.message))) {
      throw new Missing(`the npm package ${name} is not installed`, 'npm install');
    }
    throw error;
  }
}

class Missing extends Error {
  constructor(message, install) {
    super(message);
    this.install = install;
  }
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// Every helper process started here dies with the test runner, however it ends.
const helpers = new Set();
process.once('exit', () => {
  for (const child of helpers) child.kill('SIGKILL');
});
// web-test-runner handles SIGINT itself (it stops, then exits); these two would end Node without 'exit'.
for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.once(signal, () => process.exit(code));
}

function startHelper(command, args, options) {
  const child = spawn(command, args, options);
  helpers.add(child);
  child.once('exit', () => helpers.delete(child));
  return child;
}

async function stopHelper(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** Starts Xvfb on the first free display number and resolves to that display (":N"). */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display itself and writes its number to fd 3 once it accepts clients.
    const child = startHelper(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let out = '';
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, display: `:${out.trim()}` });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr.trim()}`)));
  });
}

async function waitForDriver(port, child, log) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}: ${log()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port}: ${log()}`);
}

async function chromium() {
  const executablePath = chromiumPath;
  if (!executable(executablePath)) throw new Missing(`no Chromium at ${executablePath}`, APT.chromium);
  const launcher = chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs } });
  launcher.name = 'Chromium'; // @web/test-runner-chrome says "Chrome" for any local installation.
  return launcher;
}

/**
 * `sendKeys({ press: 'Space' })` may name keys as Chromium's DevTools protocol does (`Space`, `KeyA`,
 * `Digit1`); puppeteer's WebDriver BiDi keyboard (Firefox) knows only key values (' ', 'a', '1') and
 * throws "Unknown key", webdriverio (WebKit) types "KeyA" letter by letter. Translate those names, so
 * one test drives the keyboard the same way in every engine.
 */
function keyValue(key) {
  if (key === 'Space') return ' ';
  if (/^Key[A-Z]$/.test(key)) return key.slice(3).toLowerCase();
  if (/^Digit\d$/.test(key)) return key.slice(5);
  return key;
}

function withKeyCodes(page) {
  const { keyboard } = page;
  for (const method of ['press', 'down', 'up']) {
    const original = keyboard[method].bind(keyboard);
    keyboard[method] = (key, ...rest) => original(keyValue(key), ...rest);
  }
  return page;
}

async function firefox() {
  const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!executable(executablePath)) throw new Missing(`no Firefox at ${executablePath}`, APT.firefox);
  const puppeteer = await optional('puppeteer-core');
  return chromeLauncher({
    puppeteer: puppeteer.default ?? puppeteer,
    createPage: async ({ context }) => withKeyCodes(await context.newPage()),
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      // Keep Firefox off the network: no update, telemetry, safe-browsing or captive-portal checks.
      extraPrefsFirefox: {
        'app.update.enabled': false,
        'browser.safebrowsing.downloads.remote.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'toolkit.telemetry.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
      },
    },
  });
}

async function webkit() {
  const driverPath = process.env.WEBKIT_WEBDRIVER_PATH ?? which('WebKitWebDriver') ?? '/usr/bin/WebKitWebDriver';
  const binary = miniBrowser();
  if (!executable(driverPath) || !binary)
    throw new Missing(`no WebKitWebDriver and MiniBrowser (WebKitGTK)`, APT.webkit);
  const xvfb = which('Xvfb');
  if (!xvfb && !process.env.DISPLAY) throw new Missing('no Xvfb (the MiniBrowser needs a display)', APT.webkit);
  const { WebdriverLauncher } = await optional('@web/test-runner-webdriver');
  await optional('webdriverio');
  const port = await freePort();

  class WebKitLauncher extends WebdriverLauncher {
    async initialize(config, testFiles) {
      let display = process.env.DISPLAY;
      if (xvfb) {
        const started = await startXvfb(xvfb);
        this.xvfb = started.child;
        display = started.display;
      }
      let log = '';
      this.driverProcess = startHelper(driverPath, [`--port=${port}`, '--host=127.0.0.1'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        // Without a locale (LANG unset or C, as in containers and CI) the MiniBrowser says navigator.language
        // is "C"; Chromium and Firefox say "en-US" then, so WebKit does too.
        env: {
          ...process.env,
          DISPLAY: display,
          ...(/^(C|POSIX)?(\..*)?$/.test(process.env.LC_ALL || process.env.LANG || '')
            ? { LANG: 'en_US.UTF-8', LC_ALL: '' }
            : {}),
        },
      });
      const keep = (chunk) => (log = (log + chunk).slice(-2000));
      this.driverProcess.stdout.on('data', keep);
      this.driverProcess.stderr.on('data', keep);
      await waitForDriver(port, this.driverProcess, () => log.trim());
      await super.initialize(config, testFiles);
      this.name = 'WebKit';
    }

    // webdriverio 9's keys() presses a list as one chord (every key down, then every key up), so
    // `sendKeys({ type: '2009' })` typed "209". Type the keys one after another, as a person does.
    async sendKeys(sessionId, keys) {
      for (const key of keys) await super.sendKeys(sessionId, [keyValue(key)]);
    }

    async stop() {
      await super.stop();
      await stopHelper(this.driverProcess);
      await stopHelper(this.xvfb);
    }
  }

  return new WebKitLauncher({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // webdriverio asks for a BiDi session (webSocketUrl) by default; WebKitWebDriver refuses it.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary, args: ['--automation'] },
    },
  });
}

const factories = { chromium, firefox, webkit };

/** The engine names asked for in ENGINES ('all' for the three; Chromium when unset). */
export function requestedEngines(value = process.env.ENGINES) {
  const names = (value ?? '')
    .split(/[\s,]+/)
    .map((name) => name.toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return ['chromium'];
  if (names.includes('all')) return [...ENGINES];
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length) throw new Error(`ENGINES: unknown engine ${unknown.join(', ')}; use ${ENGINES.join(', ')}`);
  return [...new Set(names)];
}

/**
 * Launchers for the requested engines that are installed here. A missing one is reported with the
 * command that installs it and skipped; with `strict` (CI) it is an error, so CI never runs fewer.
 */
export async function browserLaunchers({
  engines = requestedEngines(),
  strict = /^(true|1)$/i.test(process.env.CI ?? ''),
} = {}) {
  if (process.argv.includes('--coverage') && engines.some((engine) => engine !== 'chromium')) {
    // Coverage comes from V8; Firefox and WebKit would only report files without it.
    console.warn(`Coverage is collected in Chromium only: running ENGINES=chromium instead of ${engines.join(',')}.`);
    engines = ['chromium'];
  }
  const launchers = [];
  const skipped = [];
  for (const engine of engines) {
    try {
      launchers.push(await factories[engine]());
    } catch (error) {
      if (!(error instanceof Missing)) throw error;
      skipped.push({ engine, reason: error.message, install: error.install });
    }
  }
  if (skipped.length && strict) {
    throw new Error(
      `Browser engines missing in CI: ${skipped.map((s) => `${s.engine} (${s.reason}; install: ${s.install})`).join('; ')}`,
    );
  }
  for (const s of skipped) {
    console.warn(`\u26a0 Skipping ${s.engine}: ${s.reason}. Install it with: ${s.install}`);
  }
  if (launchers.length === 0) {
    throw new Error(
      `None of the engines ${engines.join(', ')} is installed here: run \`npm run setup\` (or ${installCommand(skipped.flatMap((s) => PACKAGES[s.engine]))}).`,
    );
  }
  return { launchers, skipped };
}

function count(suite, totals) {
  if (!suite) return totals;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
  return totals;
}

/**
 * A reporter that ends the run with one line per engine (tests passed, failed, skipped), the engines
 * that were not run and why, and a warning when the engines passed different numbers of tests.
 */
export function engineSummaryReporter({ skipped = [] } = {}) {
  let logger;
  let names = [];
  return {
    start(args) {
      logger = args.config.logger;
      names = args.browserNames;
    },
    onTestRunFinished({ sessions }) {
      const byEngine = new Map(names.map((name) => [name, { passed: 0, failed: 0, skipped: 0, files: 0, errors: 0 }]));
      for (const session of sessions) {
        const totals = byEngine.get(session.browser.name) ?? { passed: 0, failed: 0, skipped: 0, files: 0, errors: 0 };
        byEngine.set(session.browser.name, totals);
        totals.files++;
        if (!session.passed && session.errors.length) totals.errors++;
        count(session.testResults, totals);
      }
      if (!logger) return;
      logger.log('');
      logger.log('Engines:');
      for (const [name, t] of byEngine) {
        const broken = t.errors ? `, ${t.errors} file(s) with errors` : '';
        logger.log(
          `  ${name.padEnd(9)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${t.files} file(s)${broken}`,
        );
      }
      for (const s of skipped)
        logger.warn(`  ${s.engine.padEnd(9)} not run: ${s.reason}. Install it with: ${s.install}`);
      const counts = new Set([...byEngine.values()].map((t) => t.passed));
      if (byEngine.size > 1 && counts.size > 1) {
        logger.warn('  The engines passed different numbers of tests.');
      }
    },
  };
}
