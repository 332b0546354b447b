import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { browserLaunchers, engineSummaryReporter } from './scripts/engines.mjs';
import { mockServer } from './test/server/mock-server.mjs';

// Test data shared by every project of the workplace (feed and XSS corpora) lives beside the
// repository; tests fetch it from /__shared/ and skip with a message when the folder is absent.
const shared = resolve('..', 'shared');
const types = { '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain' };

// The engines come from ENGINES (chromium, firefox, webkit or all; Chromium when unset), run one after
// another; see scripts/engines.mjs.
// An engine missing here is reported with its install command and skipped; with CI=true it is an error.
const { launchers, skipped } = await browserLaunchers();

/**
 * `executeServerCommand('emulate-reader-settings', { forcedColors: 'active', reducedMotion: 'reduce' })`
 * (empty strings reset): the media features readers set, emulated through Chromium's DevTools protocol
 * (puppeteer's emulateMediaFeatures refuses forced-colors). Answers false where the engine offers no
 * such emulation (Firefox over WebDriver BiDi, WebKit over classic WebDriver); the tests then skip.
 */
function readerSettings() {
  const sessions = new Map();
  return {
    name: 'iigp-reader-settings',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-reader-settings') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      const page = session.browser.getPage(session.id);
      let client = sessions.get(page);
      if (!client) {
        try {
          client = await page.createCDPSession();
        } catch {
          return false; // Firefox: no DevTools protocol.
        }
        sessions.set(page, client);
      }
      await client.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'forced-colors', value: payload?.forcedColors ?? '' },
          { name: 'prefers-reduced-motion', value: payload?.reducedMotion ?? '' },
        ],
      });
      return true;
    },
  };
}

export default {
  files: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: true,
  browsers: launchers,
  concurrentBrowsers: 1,
  concurrency: 1,
  // Firefox and the WebKitGTK MiniBrowser take longer than Chromium to start on two shared cores.
  browserStartTimeout: 60000,
  reporters: [defaultReporter(), engineSummaryReporter({ skipped })],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' }), readerSettings()],
  middleware: [
    mockServer,
    function sharedCorpora(context, next) {
      if (!context.path.startsWith('/__shared/')) return next();
      const file = resolve(shared, '.' + decodeURIComponent(context.path.slice('/__shared'.length)));
      if (!file.startsWith(shared) || !existsSync(file) || !statSync(file).isFile()) {
        context.status = 404;
        context.body = 'not found';
        return undefined;
      }
      context.type = types[extname(file)] ?? 'application/octet-stream';
      context.body = readFileSync(file);
      return undefined;
    },
  ],
};
