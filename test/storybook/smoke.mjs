#!/usr/bin/env node
// Story smoke test: opens every story of the static Storybook build in headless Chromium and fails when
// a story throws, logs a console error, renders no widget content (an `iigp-*` element that is not
// defined, or whose shadow root is empty or missing), stays `loading` when it should settle, or has
// serious or critical axe violations.
//
//   npm run build-storybook && node test/storybook/smoke.mjs [substring of story ids…]
//
// Builds nothing itself: it serves storybook-static/ on 127.0.0.1 with a tiny static server.
// Story tags (see stories/*.stories.ts):
//   state:loading   the story is held in `loading` on purpose (it need not settle)
//   network-error   the story makes a request fail on purpose; the browser's own "Failed to load
//                   resource" console line is expected there (and nowhere else)
// Env: CHROME_PATH (default /usr/bin/chromium), STORYBOOK_DIR (default storybook-static), SETTLE_MS (default 20000).
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const root = resolve(process.env.STORYBOOK_DIR ?? 'storybook-static');
const chromePath = chromiumPath;
const settleMs = Number(process.env.SETTLE_MS ?? 20_000);
const filters = process.argv.slice(2);

if (!existsSync(join(root, 'index.json'))) {
  console.error(`smoke: ${join(root, 'index.json')} is missing; run \`npm run build-storybook\` first.`);
  process.exit(2);
}

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story')
  .filter((entry) => !filters.length || filters.some((f) => entry.id.includes(f)));
if (!stories.length) {
  console.error('smoke: no stories found in index.json' + (filters.length ? ` matching ${filters.join(', ')}` : ''));
  process.exit(2);
}

// axe-core comes with @open-wc/testing; without it the accessibility check is skipped (and said so).
let axeSource;
try {
  axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
} catch {
  console.warn('smoke: axe-core not found; skipping the accessibility check');
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (path === '/favicon.ico') {
    response.writeHead(204).end(); // Chromium asks for it; Storybook ships favicon.svg.
    return;
  }
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: chromePath,
  headless: true,
  args: chromiumArgs,
});
const context = await browser.newContext({
  viewport: { width: 1200, height: 900 },
  locale: 'en-US',
  timezoneId: 'America/Detroit',
});

/** Runs in the story's iframe: the widgets, their states and whether each rendered something. */
function inspect() {
  const all = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('iigp-'));
  return {
    storybookError: document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'Storybook error display') +
        ' ' +
        (document.querySelector('#error-stack')?.textContent ?? '')
      : '',
    widgets: all.map((el) => ({
      tag: el.localName,
      defined: Boolean(customElements.get(el.localName)),
      state: el.getAttribute('state'),
      // Content: anything rendered beyond styles and the screen-reader status line.
      content: Boolean(el.shadowRoot?.querySelector('[part], slot')),
    })),
  };
}

async function check(story) {
  const problems = [];
  const allowNetworkErrors = story.tags?.includes('network-error');
  const mayStayLoading = story.tags?.includes('state:loading');
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`threw: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (allowNetworkErrors && /^Failed to load resource/.test(text)) return;
    problems.push(`console error: ${text.split('\n')[0].slice(0, 300)}`);
  });
  const started = Date.now();
  let states = '';
  try {
    // a11y.manual: the a11y addon skips its own automatic axe run (this test runs axe itself, below).
    const globals = axeSource ? '&globals=a11y.manual:!true' : '';
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story${globals}`, {
      waitUntil: 'load',
    });
    // Rendered: at least one widget, each with content, and (unless held on purpose) settled.
    await page
      .waitForFunction(
        ({ mayStayLoading }) => {
          if (document.body.classList.contains('sb-show-errordisplay')) return true;
          const all = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('iigp-'));
          return (
            all.length > 0 &&
            all.every(
              (el) =>
                el.shadowRoot?.querySelector('[part], slot') &&
                (mayStayLoading || el.getAttribute('state') !== 'loading'),
            )
          );
        },
        { mayStayLoading },
        { timeout: settleMs, polling: 50 },
      )
      .catch(() => {});
    // Let late work (images, events, a second render) show its errors.
    await page.waitForTimeout(150);
    const result = await page.evaluate(inspect);
    if (result.storybookError) problems.push(`story failed to render: ${result.storybookError.trim().slice(0, 300)}`);
    if (!result.widgets.length) problems.push('no iigp-* element on the page');
    for (const widget of result.widgets) {
      if (!widget.defined) problems.push(`<${widget.tag}> is not defined`);
      else if (!widget.content) problems.push(`<${widget.tag}> rendered nothing (empty or missing shadow root)`);
      if (widget.state === 'loading' && !mayStayLoading)
        problems.push(`<${widget.tag}> still loading after ${settleMs} ms`);
    }
    states = result.widgets.map((w) => w.state ?? '?').join(',');
    if (axeSource && !result.storybookError) {
      // The a11y addon runs its own axe after each render, and axe allows one run at a time per page:
      // load our copy (which replaces window.axe), then retry while the addon's run is in progress.
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const run = async (tries) => {
          try {
            return await window.axe.run(document.querySelector('#storybook-root') ?? document.body, {
              resultTypes: ['violations'],
            });
          } catch (error) {
            if (tries > 0 && /already running/i.test(String(error))) {
              await new Promise((done) => setTimeout(done, 250));
              return run(tries - 1);
            }
            throw error;
          }
        };
        const results = await run(40);
        return results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target?.join(' ') ?? ''} ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
          );
      });
      for (const violation of violations) problems.push(`axe: ${violation}`);
    }
  } catch (error) {
    problems.push(`harness: ${error.message}`);
  } finally {
    await page.close();
  }
  return { problems, states, ms: Date.now() - started };
}

let passed = 0;
let failed = 0;
for (const story of stories) {
  const { problems, states, ms } = await check(story);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${story.id} [${states}] ${ms} ms`);
    for (const problem of problems) console.log(`     - ${problem}`);
  } else {
    passed++;
    console.log(`ok   ${story.id} [${states}] ${ms} ms`);
  }
}

await context.close();
await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
