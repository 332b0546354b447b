// The zips `npm run build` writes (needs `npm run build` first): the self-hosting bundle
// dist/iigp-widgets-selfhost.zip holds exactly the files a page loads, in one versioned folder, and its
// snippet works when the folder is served from a static host; the WordPress plugin zip comes from the
// same writer (scripts/zip.mjs), read back here with a reader written from the format's description.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { crc32, zip } from '../../scripts/zip.mjs';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const folder = `iigp-widgets-${version}`;

/** The entries of a ZIP archive, from its central directory; checks every CRC. */
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end of central directory');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(buffer.readUInt32LE(offset), 0x04034b50, `local header of ${name}`);
    const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    const body = buffer.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    assert.equal(data.length, size, `size of ${name}`);
    assert.equal(crc32(data), crc, `CRC of ${name}`);
    entries.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const pageFiles = () => [
  ...readdirSync(dist).filter((n) => n.endsWith('.js') && statSync(join(dist, n)).isFile()),
  ...readdirSync(join(dist, 'chunks'))
    .filter((n) => n.endsWith('.js'))
    .map((n) => `chunks/${n}`),
];

test('the ZIP writer round-trips stored and deflated files with UTF-8 names', () => {
  const entries = [
    { name: 'a/empty.txt', data: Buffer.alloc(0) },
    { name: 'a/repeated.txt', data: Buffer.from('co-therapy '.repeat(500)) },
    { name: 'a/Ünïcode “name”.txt', data: Buffer.from([1, 2, 3]) },
  ];
  const back = unzip(zip(entries));
  assert.deepEqual(
    [...back.keys()],
    entries.map((e) => e.name),
  );
  for (const e of entries) assert.deepEqual(back.get(e.name), e.data);
});

test('dist/iigp-widgets-selfhost.zip holds every file a page loads, as built, in one versioned folder, and a README with the snippet', () => {
  const entries = unzip(readFileSync(join(dist, 'iigp-widgets-selfhost.zip')));
  const expected = [`${folder}/README.txt`, ...pageFiles().map((f) => `${folder}/${f}`)];
  assert.deepEqual([...entries.keys()].sort(), expected.sort());
  for (const file of pageFiles())
    assert.deepEqual(entries.get(`${folder}/${file}`), readFileSync(join(dist, file)), file);
  const readme = entries.get(`${folder}/README.txt`).toString('utf8');
  assert.ok(readme.includes(`<script type="module" src="/wp-content/uploads/${folder}/iigp-widgets.js"></script>`));
  assert.ok(!entries.has(`${folder}/iigp-widgets.js.map`), 'source maps stay out');
});

test('the WordPress plugin zip (same writer) holds the plugin folder with the scripts', () => {
  const entries = unzip(readFileSync(join(dist, 'iigp-widgets-wordpress.zip')));
  assert.ok(entries.has('iigp-widgets/iigp-widgets.php'));
  assert.ok(entries.has('iigp-widgets/elements.php'));
  assert.deepEqual(entries.get('iigp-widgets/assets/iigp-widgets.js'), readFileSync(join(dist, 'iigp-widgets.js')));
  assert.ok([...entries.keys()].every((name) => name.startsWith('iigp-widgets/')));
});

test(
  'the unzipped folder, served by a plain static server, runs the README snippet',
  { skip: !existsSync(chromiumPath) && `no Chromium at ${chromiumPath}` },
  async () => {
    const entries = unzip(readFileSync(join(dist, 'iigp-widgets-selfhost.zip')));
    const readme = entries.get(`${folder}/README.txt`).toString('utf8');
    const snippet = readme.slice(
      readme.indexOf('<script'),
      readme.indexOf('</iigp-recent-posts>') + '</iigp-recent-posts>'.length,
    );
    // The site: the snippet as pasted, the unzipped folder under /wp-content/uploads/, a WordPress-like feed.
    const site = new Map([
      [
        '/',
        {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="en"><title>Blog</title><body>${snippet}</body></html>`,
        },
      ],
      [
        '/feed/',
        { type: 'application/rss+xml; charset=utf-8', body: readFileSync(join(root, 'demo/data/site/posts.xml')) },
      ],
      ...[...entries].map(([name, data]) => [
        `/wp-content/uploads/${name}`,
        { type: name.endsWith('.js') ? 'text/javascript' : 'text/plain', body: data },
      ]),
    ]);
    const server = createServer((request, response) => {
      const file = site.get(new URL(request.url, 'http://x').pathname);
      if (!file) return response.writeHead(404).end();
      response.writeHead(200, { 'Content-Type': file.type }).end(file.body);
    });
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const failures = [];
      page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(
        () => document.querySelector('iigp-recent-posts')?.getAttribute('state') === 'ready',
        null,
        { timeout: 20_000 },
      );
      const titles = await page.evaluate(() =>
        [...document.querySelector('iigp-recent-posts').shadowRoot.querySelectorAll('[part~="title"]')].map((t) =>
          t.textContent.trim(),
        ),
      );
      assert.equal(titles.length, 5);
      assert.equal(titles[0], 'CHOOSING A PSYCHOTHERAPIST BY HOW MUCH IT COSTS?');
      assert.deepEqual(failures, []);
    } finally {
      await browser.close();
      server.close();
    }
  },
);
