import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mockServer } from './test/server/mock-server.mjs';

// Test data shared by every project of the workplace (feed and XSS corpora) lives beside the
// repository; tests fetch it from /__shared/ and skip with a message when the folder is absent.
const shared = resolve('..', 'shared');
const types = { '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain' };

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
});

export default {
  files: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: true,
  browsers: [chromium],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
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
