// The snapshot shows what the source shows: for every feed fixture, parse(write(parse(x))) equals
// parse(x) on every field of the model (src/model.ts), where parse is the widgets' own reader of the
// format and write the snapshot's writer (JSON Feed 1.1 for posts, schema.org Events for workshops).
// Also run over the feedparser corpus (../shared/corpora/feeds/) when it is present.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OUTFILE, build } from '../../scripts/build-node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpora', 'feeds');

/** Posts sources by the format the widget reads them as. */
const POSTS = [
  ['demo/data/posts.xml', 'rss'],
  ['demo/data/workshops-feed.xml', 'rss'],
  ['test/fixtures/snapshot/atom.xml', 'rss'],
  ['test/fixtures/snapshot/rdf.xml', 'rss'],
  ['test/fixtures/empty.xml', 'rss'],
  ['test/fixtures/snapshot/wp-posts.json', 'wp'],
];
const WORKSHOPS = [
  ['test/fixtures/snapshot/tec-events.json', 'wp'],
  ['demo/data/workshops-tec.json', 'wp'],
  ['demo/data/workshops.json', 'json'],
  ['test/fixtures/workshops/bad-events.json', 'json'],
  ['demo/data/workshops.ics', 'ics'],
  ['test/fixtures/workshops/google.ics', 'ics'],
  ['demo/data/workshops-feed.xml', 'rss'],
];

let m;
before(async () => {
  await build();
  m = await import(pathToFileURL(OUTFILE).href);
});

const bodyOf = async (path, url = 'https://iigp.example/source/') => ({
  text: await m.decodeBody(new Uint8Array(readFileSync(path)), ''),
  contentType: '',
  url,
});

/** The model as data: dates as ISO strings, lazy fields read, absent fields gone. */
const plain = (items) => JSON.parse(JSON.stringify(items));

/**
 * Workshops as data, with the two defaults the workshop list applies made explicit: no `allDay` is
 * `false`, no `status` is `scheduled` (a post of a workshop category has neither; schema.org always says).
 */
const plainWorkshops = (items) => plain(items).map((w) => ({ allDay: false, status: 'scheduled', ...w }));

async function postsParity(body, format) {
  const parse = { rss: m.parseFeed, wp: m.parseWpPosts }[format];
  const source = (await parse(body)).items;
  const { document, skipped } = m.toJsonFeed(source, { title: 'Posts' });
  const again = m.parseJsonFeed({
    text: JSON.stringify(document),
    contentType: 'application/feed+json',
    url: 'https://cdn.example/posts.json',
  });
  assert.equal(again.skipped, 0);
  // A repeated id is written once (JSON Feed ids are unique): those are the only posts left out.
  const seen = new Set();
  const kept = source.filter((post) => !seen.has(post.id) && seen.add(post.id));
  assert.equal(skipped, source.length - kept.length);
  return { expected: plain(kept), actual: plain(again.items), dropped: skipped };
}

async function workshopsParity(body, format) {
  const parse = { wp: m.parseTecEvents, json: m.parseSchemaEvents, ics: m.parseIcs, rss: m.parseWorkshopFeed }[format];
  const source = (await parse(body)).items;
  const { document } = m.toSchemaEvents(source);
  const again = m.parseSchemaEvents({
    text: JSON.stringify(document),
    contentType: 'application/ld+json',
    url: 'https://cdn.example/workshops.json',
  });
  assert.equal(again.skipped, 0);
  return { expected: plainWorkshops(source), actual: plainWorkshops(again.items) };
}

describe('a snapshot reads back as its source (parse(write(parse(x))) = parse(x))', () => {
  for (const [file, format] of POSTS) {
    test(`posts: ${file}`, async () => {
      const { expected, actual } = await postsParity(await bodyOf(join(ROOT, file)), format);
      assert.deepEqual(actual, expected);
    });
  }
  for (const [file, format] of WORKSHOPS) {
    test(`workshops: ${file}`, async () => {
      const { expected, actual } = await workshopsParity(await bodyOf(join(ROOT, file)), format);
      assert.ok(expected.length > 0 || file.includes('empty'), 'the fixture has workshops');
      assert.deepEqual(actual, expected);
    });
  }
});

describe('one set of text rules in Node and in the browser (test/fixtures/html-text.json, also run by test/snapshot.test.ts)', () => {
  const table = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'html-text.json'), 'utf8'));
  test('decodes bytes as the loader does in a browser', async () => {
    for (const { bytes, contentType, text } of table.decodeBody)
      assert.equal(await m.decodeBody(new Uint8Array(bytes), contentType), text, contentType);
  });
  test('reduces HTML to the same text (parse5, the HTML standard parser, under the same rules)', () => {
    for (const { html, text } of table.htmlToText) assert.equal(m.htmlToText(html), text, html);
  });
  test('finds the same first image', () => {
    for (const { html, image } of table.firstImage)
      assert.deepEqual(plain(m.firstImage(html, table.base) ?? null), image, html);
  });
});

describe('the snapshots the browser test renders are the command output of today', () => {
  for (const [source, snapshot] of [
    ['test/fixtures/snapshot/wp-posts.json', 'test/fixtures/snapshot/wp-posts.snapshot.json'],
    ['demo/data/workshops-tec.json', 'test/fixtures/snapshot/workshops.snapshot.json'],
  ]) {
    test(snapshot, async () => {
      const { text } = await m.snapshot(await m.readSource(join(ROOT, source)));
      assert.equal(
        readFileSync(join(ROOT, snapshot), 'utf8'),
        text,
        `run: node bin/iigp-widgets.mjs snapshot ${source} --out ${snapshot}`,
      );
    });
  }
});

describe('the same over the feedparser corpus', () => {
  const manifest = existsSync(join(CORPUS, 'manifest.json'))
    ? JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'))
    : undefined;
  if (!manifest) {
    test(`skipped: ${CORPUS} is absent`, (t) => t.skip(`the feedparser corpus is not at ${CORPUS}`));
    return;
  }
  test('every case the widget reads: posts and, from the same feed, workshops', async () => {
    const tally = { cases: 0, refused: 0, posts: 0, workshops: 0, dropped: 0 };
    const failures = [];
    for (const kase of manifest) {
      const path = join(CORPUS, kase.file);
      const headers = kase.http?.headers ?? {};
      const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
      const body = {
        text: await m.decodeBody(new Uint8Array(readFileSync(path)), type),
        contentType: type,
        url: kase.http?.url ?? `http://127.0.0.1:8097/${kase.upstream}`,
      };
      try {
        await m.parseFeed(body);
      } catch {
        tally.refused++;
        continue;
      }
      tally.cases++;
      try {
        const posts = await postsParity(body, 'rss');
        tally.posts += posts.expected.length;
        tally.dropped += posts.dropped;
        assert.deepEqual(posts.actual, posts.expected);
        const workshops = await workshopsParity(body, 'rss');
        tally.workshops += workshops.expected.length;
        assert.deepEqual(workshops.actual, workshops.expected);
      } catch (error) {
        failures.push(`${kase.file}: ${String(error.message).split('\n').slice(0, 12).join('\n')}`);
      }
    }
    console.log(
      `Snapshot parity over the corpus: ${tally.cases} feeds read (${tally.refused} refused as the widget refuses them), ` +
        `${tally.posts} posts and ${tally.workshops} workshops read back equal; ${tally.dropped} posts with a repeated id written once.`,
    );
    assert.deepEqual(failures, []);
  });
});
