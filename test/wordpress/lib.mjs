// What the WordPress integration scripts share (integration.mjs and every *.suite.mjs that run.sh runs):
// the running WordPress (<state>/env and <state>/seed.json, written by up.sh and seed.php), a tiny test
// harness, REST helpers acting as the seeded Author, the second origin (a static server on WP_PORT + 1),
// and Chromium through playwright-core.
//
// A suite is a Node script:
//   import { test, run, WP, seed, openPage, one } from './lib.mjs';
//   test('…', async () => { … });
//   await run();   // prints each test and "N passed, N failed"; exit code 1 on any failure
// The first command-line argument (a regular expression) runs only the tests whose names match.
// IIGP_WP_VERSION (6.1 | 6.8) and IIGP_WP_DIR pick the WordPress as in up.sh; `version` says which runs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');

// --- The running WordPress ------------------------------------------------------------------------
/** The state folder up.sh uses for a version (the same default as common.sh). */
export function stateDirFor(wpVersion = process.env.IIGP_WP_VERSION ?? '6.1') {
  if (process.env.IIGP_WP_DIR) return process.env.IIGP_WP_DIR;
  const hash = createHash('md5').update(repo).digest('hex').slice(0, 8);
  return join(
    process.env.TMPDIR ?? '/tmp',
    wpVersion === '6.1' ? `iigp-wordpress-${hash}` : `iigp-wordpress-${wpVersion}-${hash}`,
  );
}
export const stateDir = stateDirFor();
/** <state>/env: WP_URL, WP_PORT, WP_STATE, WP_ROOT, WP_VERSION (6.1 | 6.8), WP_CORE_VERSION (6.8.13 …). */
export const env = Object.fromEntries(
  readFileSync(join(stateDir, 'env'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(/=(.*)/s).slice(0, 2)),
);
/** The line that runs: '6.1' or '6.8'. */
export const version = env.WP_VERSION ?? '6.1';
/** Compares the running WordPress with a version: atLeast('6.5') on 6.8 is true. */
export const atLeast = (wanted) => {
  const [a, b] = [env.WP_CORE_VERSION ?? version, wanted].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};
/** seed.json: ids, slugs and the author's application password (see seed.php). */
export const seed = JSON.parse(readFileSync(join(stateDir, 'seed.json'), 'utf8'));
export const WP = env.WP_URL; // http://127.0.0.1:8881
/** The second origin: WP_PORT + 1, or a free port when that one is taken (run() sets it before any test). */
export let otherPort = Number(env.WP_PORT) + 1;
export let OTHER = `http://127.0.0.1:${otherPort}`;
// run.sh snapshots dist/ into <state>/dist (so a concurrent `npm run build` cannot swap chunks mid-run);
// without the snapshot the tests use dist/ itself. router.php serves /__iigp/dist/ the same way.
export const dist = existsSync(join(stateDir, 'dist', 'iigp-widgets.js')) ? join(stateDir, 'dist') : join(repo, 'dist');
export const zip = join(dist, 'iigp-widgets-wordpress.zip');
export const filter = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
/** The theme seed.php activates; run() puts it back if a suite switched (useTheme). */
export const seededTheme = 'twentytwentyone';

// --- A tiny test harness --------------------------------------------------------------------------
const tests = [];
/** Registers a test; run() runs them in order. */
export const test = (name, fn) => tests.push({ name, fn });

// --- The second origin: a static server for the test pages and dist/ ------------------------------
const types = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };
const other = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, OTHER).pathname);
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const base = path.startsWith('/dist/') ? dist : path.startsWith('/pages/') ? join(here, 'pages') : null;
  const file = base && resolve(base, '.' + path.replace(/^\/(dist|pages)/, ''));
  if (!file || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(readFileSync(file));
});

// --- WordPress helpers ----------------------------------------------------------------------------
export const authorAuth =
  'Basic ' + Buffer.from(`${seed.author.login}:${seed.author.applicationPassword}`).toString('base64');
/** Password of a seeded user (admin, nharpaz, lbarlevav, author), for logging in through wp-login.php. */
export const passwordOf = (login) => (login === 'admin' ? 'admin-password-for-tests' : `${login}-password-for-tests`);
export async function wpJson(path, init = {}) {
  const response = await fetch(WP + path, init);
  const body = await response.json();
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}
/** Publishes a post as the author (no unfiltered_html), through the REST API as the block editor does. */
export function publishAsAuthor(title, content) {
  return wpJson('/wp-json/wp/v2/posts?context=edit', {
    method: 'POST',
    headers: { authorization: authorAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ title, content, status: 'publish' }),
  });
}
/** Removes every post the author wrote (the tests' own, from this or an earlier run). */
export async function deleteAuthorPosts() {
  const posts = await wpJson(
    `/wp-json/wp/v2/posts?author=${seed.author.id}&status=publish,draft,pending,future,private&context=edit&per_page=100`,
    {
      headers: { authorization: authorAuth },
    },
  );
  for (const post of posts) {
    await wpJson(`/wp-json/wp/v2/posts/${post.id}?force=true`, {
      method: 'DELETE',
      headers: { authorization: authorAuth },
    });
  }
}
/** The plugin under test: php plugin.php install <zip> | deactivate | status. */
export function plugin(...args) {
  return execFileSync('php', [join(here, 'plugin.php'), ...args], {
    env: { ...process.env, IIGP_WP_ROOT: env.WP_ROOT },
    encoding: 'utf8',
  });
}
/** The site itself: php site.php theme [<slug>] | flush | delete <id> (see site.php). */
export function site(...args) {
  return execFileSync('php', [join(here, 'site.php'), ...args], {
    env: { ...process.env, IIGP_WP_ROOT: env.WP_ROOT },
    encoding: 'utf8',
  }).trim();
}
/** Publishes a post or page as the administrator (php site.php publish); returns { id, link }. */
export function publishAsAdmin(type, title, content) {
  const out = execFileSync('php', [join(here, 'site.php'), 'publish', type, title], {
    env: { ...process.env, IIGP_WP_ROOT: env.WP_ROOT },
    encoding: 'utf8',
    input: content,
  });
  return JSON.parse(out);
}
let themeChanged = false;
/** Activates a theme (twentytwentyone on both versions; twentytwentyfive on 6.8); run() restores the seeded one. */
export function useTheme(slug) {
  themeChanged = true;
  return site('theme', slug);
}

// --- Browser helpers ------------------------------------------------------------------------------
/** Chromium, launched by run() (or launchBrowser() in a script that measures rather than tests). */
export let browser;
export async function launchBrowser() {
  browser ??= await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return browser;
}
/** A page in a fresh browser context: no cached copies (the widgets keep the last good response) or cookies. */
export async function openPage(url, { javaScript = true, waitUntil = 'load' } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const warnings = [];
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  if (url) await page.goto(url, { waitUntil });
  return { page, context, warnings, errors };
}
/** Logs `page`'s context in as a seeded user through wp-login.php (cookies, as a person would). */
export async function login(page, user = seed.author.login) {
  await page.goto(`${WP}/wp-login.php`, { waitUntil: 'load' });
  await page.fill('#user_login', user);
  await page.fill('#user_pass', passwordOf(user));
  await Promise.all([page.waitForURL(/\/wp-admin\//, { timeout: 30000 }), page.click('#wp-submit')]);
}
/** The blank test page on the WordPress origin (router.php) or on the second origin. */
export const harness = (origin = WP) => (origin === WP ? `${WP}/__iigp/pages/blank.html` : `${OTHER}/pages/blank.html`);

/** Inserts `html` into the test page and waits until every iigp-* element in it has left `loading`. */
export async function mount(page, html) {
  await page.evaluate((markup) => {
    const root = document.querySelector('#root');
    root.innerHTML = markup;
  }, html);
  return settle(page, '#root');
}
/** Waits for every iigp-* element under `scope` to settle; returns what each shows. */
export async function settle(page, scope = 'body') {
  const tags = await page.evaluate(
    (s) =>
      [...document.querySelector(s).querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('iigp-'))
        .map((el) => el.localName),
    scope,
  );
  for (const tag of new Set(tags)) {
    const defined = await page.evaluate((t) => customElements.whenDefined(t).then(() => true), tag).catch(() => false);
    if (!defined) throw new Error(`<${tag}> is not defined by the build`);
  }
  await page.waitForFunction(
    (s) =>
      [...document.querySelector(s).querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('iigp-'))
        .every((el) => el.getAttribute('state') && el.getAttribute('state') !== 'loading'),
    scope,
    { timeout: 20000 },
  );
  return page.evaluate((s) => {
    const clean = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return [...document.querySelector(s).querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('iigp-'))
      .map((el) => {
        const root = el.shadowRoot;
        const all = (selector) => [...(root?.querySelectorAll(selector) ?? [])];
        return {
          tag: el.localName,
          state: el.getAttribute('state'),
          attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
          titles: all('[part~="title"]').map(clean),
          links: all('a[part~="link"]').map((a) => a.href),
          items: all('[part~="item"]').map((item) => ({
            title: clean(item.querySelector('[part~="title"]')),
            link: item.querySelector('a[part~="link"]')?.href ?? item.closest('a')?.href ?? null,
            image: item.querySelector('img[part~="image"]')?.src ?? null,
            author: clean(item.querySelector('[part~="author"]')) || null,
            credentials: clean(item.querySelector('[part~="credentials"]')) || null,
          })),
          text: clean(root),
          fallbackVisible: [...el.children].some(
            (child) => child.getClientRects().length > 0 && getComputedStyle(child).visibility !== 'hidden',
          ),
        };
      });
  }, scope);
}
export const one = async (page, html) => (await mount(page, html))[0];

// --- Run ------------------------------------------------------------------------------------------
/**
 * Starts the second origin and Chromium, runs `before`, every registered test (or those matching the
 * filter), then `after` and the cleanup (the author's posts, the seeded theme), prints "N passed, N failed"
 * and sets the exit code. `name` heads the output (default: the script's file name).
 */
export async function run({ name, before, after } = {}) {
  const title = name ?? process.argv[1]?.split('/').pop();
  console.log(`${title} on WordPress ${env.WP_CORE_VERSION ?? version} (${WP})`);
  let passed = 0;
  let failed = 0;
  try {
    const listen = (port) => new Promise((done, fail) => other.once('error', fail).listen(port, '127.0.0.1', done));
    await listen(otherPort).catch(async (error) => {
      if (error.code !== 'EADDRINUSE') throw error;
      await listen(0);
      console.log(`  (port ${otherPort} is taken: the second origin uses ${other.address().port})`);
    });
    otherPort = other.address().port;
    OTHER = `http://127.0.0.1:${otherPort}`;
    await launchBrowser();
    await deleteAuthorPosts();
    await before?.();
    for (const { name: testName, fn } of tests) {
      if (filter && !filter.test(testName)) continue;
      const started = Date.now();
      try {
        await fn();
        passed++;
        console.log(`  ✓ ${testName} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(
          `  ✗ ${testName} (${Date.now() - started} ms)\n      ${String(error?.message ?? error)
            .split('\n')
            .slice(0, 40)
            .join('\n      ')}`,
        );
      }
    }
    if (!passed && !failed && filter) console.log(`  (no test matches ${filter})`);
  } catch (error) {
    failed++;
    console.log(`  ✗ setup: ${error?.stack ?? error}`);
  } finally {
    await Promise.resolve(after?.()).catch((error) => console.log(`cleanup: ${error.message}`));
    await deleteAuthorPosts().catch((error) => console.log(`cleanup: ${error.message}`));
    if (themeChanged) {
      try {
        site('theme', seededTheme);
      } catch (error) {
        console.log(`cleanup: ${error.message}`);
      }
    }
    await browser?.close();
    other.close();
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
  return { passed, failed };
}
