// Node tests for `iigp-widgets snapshot` (bin/iigp-widgets.mjs, running dist/node/snapshot.js). Run: node --test test/node/
// URL cases use a local http server on 127.0.0.1 (port 0); nothing else is contacted.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OUTFILE, build as buildNode } from '../../scripts/build-node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'iigp-widgets.mjs');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'snapshot');
const POSTS_XML = join(ROOT, 'demo', 'data', 'posts.xml');
const JSON_FEED = 'https://jsonfeed.org/version/1.1';

/** Runs the command (with extra environment variables); resolves with its exit code and output. */
function runWith(env, ...args) {
  return new Promise((resolve) => {
    // One at a time (the suites are not concurrent): on a busy machine, a dozen children at once can
    // starve each other past the command's own 10 s fetch limit.
    execFile(
      process.execPath,
      [BIN, ...args],
      { timeout: 60_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = !error ? 0 : error.killed ? `killed by the test after 60 s (${error.signal})` : error.code;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
const run = (...args) => runWith({}, ...args);

const fixture = (name) => readFile(join(FIXTURES, name), 'utf8');
const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));

let dir;
before(async () => {
  // The command runs dist/node/snapshot.js: built from the source as it is now, not left from an older build.
  await buildNode();
  dir = await mkdtemp(join(tmpdir(), 'iigp-snapshot-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});
let counter = 0;
const outFile = () => join(dir, `out-${++counter}.json`);

/** The checks every posts snapshot must pass to be read by <iigp-recent-posts format="json">. */
function assertJsonFeed(feed) {
  assert.equal(feed.version, JSON_FEED);
  assert.equal(typeof feed.title, 'string');
  assert.ok(feed.title.length > 0);
  assert.ok(Array.isArray(feed.items));
  const ids = new Set();
  for (const item of feed.items) {
    assert.equal(typeof item.id, 'string');
    assert.ok(!ids.has(item.id), `id ${item.id} repeated`);
    ids.add(item.id);
    assert.equal(typeof item.content_text, 'string', 'JSON Feed needs content_text or content_html');
    if (item.url !== undefined) assert.match(item.url, /^(https?:|mailto:|tel:)/);
    if (item.image !== undefined) assert.match(item.image, /^https?:/);
    if (item.date_published !== undefined) assert.match(item.date_published, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    for (const text of [item.title ?? '', item.summary ?? '']) assert.doesNotMatch(text, /&#\d+;|&#x[\da-f]+;|<\/?p>/i);
  }
}

describe('posts from RSS 2.0 (the institute feed, demo/data/posts.xml)', () => {
  test('writes JSON Feed 1.1 with titles decoded exactly once', async () => {
    const out = outFile();
    const result = await run('snapshot', POSTS_XML, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const feed = await readJson(out);
    assertJsonFeed(feed);
    const xml = await readFile(POSTS_XML, 'utf8');
    assert.equal(feed.items.length, xml.match(/<item>/g).length);
    assert.equal(feed.title, 'Institute for Individual and Group Psychotherapy');
    const damage = feed.items.find((item) => /DAMAGE/.test(item.title));
    assert.equal(damage.title, '\u2018DAMAGE\u2019 That a Psychotherapist Treats');
    assert.equal(damage.url, 'https://iigp.example/2015/11/02/damage-that-a-psychotherapist-treats/');
    assert.equal(damage.date_published, '2015-11-02T15:30:00Z');
    assert.deepEqual(damage.authors, [{ name: 'Natan HarPaz' }]);
    // Summaries are text: WordPress's "&#038;" read as "&", tags gone.
    const first = feed.items[0];
    assert.equal(first.title, 'The Value of Co-Therapy');
    assert.match(first.summary, /disagreement is safe & repair is possible/);
    assert.deepEqual(first.tags, ['Blog', 'co-therapy', 'group psychotherapy']);
    assert.match(first.image, /^https:\/\/iigp\.example\/.*co-therapy/);
    assert.match(result.stdout, /Wrote \d+ posts/);
  });

  test('--limit keeps the first N entries in the source order', async () => {
    const all = outFile();
    const two = outFile();
    await run('snapshot', POSTS_XML, '--out', all);
    const result = await run('snapshot', POSTS_XML, '--out', two, '--limit', '2');
    assert.equal(result.code, 0, result.stderr);
    const [full, limited] = [await readJson(all), await readJson(two)];
    assert.deepEqual(limited.items, full.items.slice(0, 2));
  });

  test('the same input gives byte-identical output, and an unchanged file is left alone', async () => {
    const a = outFile();
    const b = outFile();
    await run('snapshot', POSTS_XML, '--out', a);
    await run('snapshot', POSTS_XML, '--out', b);
    const bytes = await readFile(a);
    assert.ok(bytes.equals(await readFile(b)));
    const text = bytes.toString('utf8');
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'), 'one trailing newline');
    assert.match(text, /^\{\n {2}"version": "https:\/\/jsonfeed\.org\/version\/1\.1",\n {2}"title"/);
    const again = await run('snapshot', POSTS_XML, '--out', a);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /Unchanged/);
    assert.ok(bytes.equals(await readFile(a)));
  });
});

describe('authors as the widget shows them (issue 17)', () => {
  test('an address beside the name is left out, in every form RSS writes it', async () => {
    const source = join(dir, 'authors.xml');
    await writeFile(
      source,
      '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Authors</title><link>https://iigp.example/</link>' +
        '<item><title>One</title><link>https://iigp.example/1/</link><author>Natan HarPaz &lt;natan@iigp.example&gt;</author></item>' +
        '<item><title>Two</title><link>https://iigp.example/2/</link><author>natan@iigp.example (Natan HarPaz)</author></item>' +
        '<item><title>Three</title><link>https://iigp.example/3/</link><dc:creator>Natan HarPaz (natan@iigp.example)</dc:creator></item>' +
        '</channel></rss>',
    );
    const out = outFile();
    assert.equal((await run('snapshot', source, '--out', out)).code, 0);
    assert.deepEqual(
      (await readJson(out)).items.map((item) => item.authors),
      [[{ name: 'Natan HarPaz' }], [{ name: 'Natan HarPaz' }], [{ name: 'Natan HarPaz' }]],
    );
  });
});

describe('posts from Atom 1.0', () => {
  test('reduces html text constructs to text, resolves links against the feed and drops unsafe ones', async () => {
    const out = outFile();
    const result = await run('snapshot', join(FIXTURES, 'atom.xml'), '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const feed = await readJson(out);
    assertJsonFeed(feed);
    assert.equal(feed.title, 'IIGP & Friends');
    assert.equal(feed.home_page_url, 'https://iigp.example/');
    assert.equal(feed.items.length, 3);
    const [first, second, third] = feed.items;
    assert.equal(first.id, 'tag:iigp.example,2016:post-420');
    assert.equal(first.title, 'Feelings Are Not Facts \u2014 Part 2');
    assert.equal(first.url, 'https://iigp.example/2016/04/feelings-part-2/');
    assert.equal(first.summary, 'A feeling is real & worth hearing.');
    assert.equal(first.date_published, '2016-04-12T13:00:00Z');
    assert.equal(first.date_modified, '2016-04-13T14:30:00Z');
    // An Atom category is its term (what the widgets' category attribute matches), not its label.
    assert.deepEqual(first.tags, ['blog', 'feelings']);
    assert.deepEqual(first.authors, [{ name: 'Natan HarPaz' }]);
    assert.equal(first.image, 'https://iigp.example/img/feelings.jpg');
    // type="text" is literal text, angle brackets included.
    assert.equal(second.title, 'Plain <text> title');
    assert.equal(second.url, 'https://iigp.example/2016/03/plain/');
    assert.equal(third.title, 'Unsafe link');
    assert.equal(third.url, undefined);
  });
});

describe('posts from RSS 1.0 (RDF)', () => {
  test('reads RDF items; dates without a zone are UTC whatever the machine zone, so output is stable', async () => {
    const inUtc = outFile();
    const inKolkata = outFile();
    assert.equal((await runWith({ TZ: 'UTC' }, 'snapshot', join(FIXTURES, 'rdf.xml'), '--out', inUtc)).code, 0);
    assert.equal(
      (await runWith({ TZ: 'Asia/Kolkata' }, 'snapshot', join(FIXTURES, 'rdf.xml'), '--out', inKolkata)).code,
      0,
    );
    assert.ok((await readFile(inUtc)).equals(await readFile(inKolkata)));
    const feed = await readJson(inUtc);
    assertJsonFeed(feed);
    const [first, damage] = feed.items;
    assert.equal(first.title, 'The Value of Co\u2013Therapy & Repair');
    assert.equal(first.summary, 'Two therapists, one group & a safe disagreement.');
    assert.equal(first.date_published, '2016-04-11T10:00:00Z');
    assert.deepEqual(first.tags, ['Blog']);
    assert.deepEqual(first.authors, [{ name: 'Leora Bar-Levav' }]);
    assert.equal(damage.title, '\u2018DAMAGE\u2019 That a Psychotherapist Treats');
    assert.equal(damage.date_published, '2015-11-02T15:30:00Z');
  });
});

describe('posts from the WordPress REST API', () => {
  test('reads /wp-json/wp/v2/posts with _embed into JSON Feed', async () => {
    const out = outFile();
    const result = await run('snapshot', join(FIXTURES, 'wp-posts.json'), '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const feed = await readJson(out);
    assertJsonFeed(feed);
    assert.equal(feed.home_page_url, 'https://iigp.example/');
    const [first, damage, literal] = feed.items;
    assert.equal(first.title, 'The Value of Co-Therapy');
    assert.equal(
      first.summary,
      'When two therapists lead a group together, the group gains more than a second pair of eyes & ears. Continue reading',
    );
    // The widget's model keeps the author's name, not a profile link: a snapshot carries what the widget shows.
    assert.deepEqual(first.authors, [{ name: 'Leora Bar-Levav' }]);
    assert.deepEqual(first.tags, ['Blog', 'Group & Individual']);
    assert.equal(first.image, 'https://iigp.example/wp-content/uploads/2016/04/co-therapy-768x480.jpg');
    assert.equal(first.date_published, '2016-04-11T14:00:00Z');
    assert.equal(first.id, '412', 'the post\'s id, as format="wp" reads it');
    assert.equal(damage.title, '\u2018DAMAGE\u2019 That a Psychotherapist Treats');
    assert.equal(
      damage.summary,
      'Every patient arrives carrying damage done long ago.',
      'script and style content dropped',
    );
    assert.equal(damage.url, 'https://iigp.example/damage-that-a-psychotherapist-treats/');
    assert.equal(damage.image, 'https://iigp.example/wp-content/uploads/2015/11/damage.jpg');
    // Decoded once: "&amp;amp;" reads "&amp;", an escaped tag stays text.
    assert.equal(literal.title, 'Tom &amp; Jerry <b>Bold</b>');
    assert.equal(literal.url, undefined, 'javascript: links are dropped');
  });
});

describe('workshops from The Events Calendar REST API', () => {
  test('writes schema.org Events with offsets, places, offers and status; bad entries are skipped', async () => {
    const out = outFile();
    const result = await run('snapshot', join(FIXTURES, 'tec-events.json'), '--out', out);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Wrote 4 workshops/);
    assert.match(result.stderr, /skipped 3 entries/);
    const events = await readJson(out);
    assert.ok(Array.isArray(events));
    assert.equal(events.length, 4);
    for (const event of events) {
      assert.equal(event['@context'], 'https://schema.org');
      assert.equal(event['@type'], 'Event');
      assert.equal(typeof event.name, 'string');
      assert.match(event.startDate, /^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z))?$/);
      assert.match(event.eventStatus, /^https:\/\/schema\.org\/Event/);
      assert.match(event.url, /^https:\/\/iigp\.example\/event\//);
    }
    const [culture, formative, adoption, yoga] = events;
    assert.equal(culture.identifier, 'iigp.example?id=1201');
    assert.equal(culture.startDate, '2026-12-05T09:00:00-05:00');
    assert.equal(culture.endDate, '2026-12-05T16:00:00-05:00');
    assert.deepEqual(culture.eventSchedule, { '@type': 'Schedule', scheduleTimezone: 'America/Detroit' });
    assert.equal(culture.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.equal(culture.location['@type'], 'Place');
    assert.equal(culture.location.name, 'Institute for Individual & Group Psychotherapy');
    // The one-line address the widget shows for this event's venue (schema.org allows an address as text).
    assert.equal(culture.location.address, '29193 Northwestern Hwy, Suite 528, Southfield, MI 48034');
    assert.deepEqual(culture.offers, {
      '@type': 'Offer',
      url: 'https://iigp.example/register/?event=1201',
      price: 95,
      priceCurrency: 'USD',
      availability: 'https://schema.org/InStock',
    });
    assert.deepEqual(culture.performer, [{ '@type': 'Person', name: 'Leora Bar-Levav, MD' }]);
    assert.equal(culture.educationalCredentialAwarded, '6 CE hours, Michigan Board of Social Work');
    assert.deepEqual(culture.keywords, ['Workshops']);
    // Summer time gives -04:00; an online event has a VirtualLocation; free is price 0.
    assert.equal(formative.name, '\u2018Formative\u2019 Psychology & the Body');
    assert.equal(formative.startDate, '2027-06-10T19:00:00-04:00');
    assert.equal(formative.eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');
    assert.deepEqual(formative.location, { '@type': 'VirtualLocation', url: 'https://zoom.example/j/123456' });
    assert.equal(formative.offers.price, 0);
    assert.equal(formative.offers.url, undefined, 'a javascript: registration link is dropped');
    assert.deepEqual(
      formative.performer.map((p) => p.name),
      ['David Baker, PhD', 'Natan HarPaz, PhD'],
    );
    // All-day: dates alone; cancelled; a relative registration link resolved.
    assert.equal(adoption.startDate, '2027-03-12');
    assert.equal(adoption.endDate, '2027-03-13');
    assert.equal(adoption.eventStatus, 'https://schema.org/EventCancelled');
    assert.equal(adoption.offers.url, 'https://iigp.example/register/?event=1203');
    assert.equal(adoption.description, 'Two days on adoption and identity.');
    // Hybrid: a Place and a VirtualLocation. Its cost "Sold out" is the price text the widget shows for
    // this event (format="wp" reads no status from a cost), so the snapshot says the same.
    assert.equal(yoga.eventAttendanceMode, 'https://schema.org/MixedEventAttendanceMode');
    assert.deepEqual(
      yoga.location.map((l) => l['@type']),
      ['Place', 'VirtualLocation'],
    );
    assert.equal(yoga.offers.availability, 'https://schema.org/InStock');
    assert.equal(yoga.offers.price, 'Sold out');
  });

  test('is stable and --kind posts on an events response is refused', async () => {
    const a = outFile();
    const b = outFile();
    await run('snapshot', join(FIXTURES, 'tec-events.json'), '--out', a);
    await run('snapshot', join(FIXTURES, 'tec-events.json'), '--out', b, '--kind', 'workshops');
    assert.ok((await readFile(a)).equals(await readFile(b)));
    const refused = await run('snapshot', join(FIXTURES, 'tec-events.json'), '--out', outFile(), '--kind', 'posts');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /events response/);
  });

  test('--kind workshops on a feed without event data is refused', async () => {
    const result = await run('snapshot', POSTS_XML, '--out', outFile(), '--kind', 'workshops');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no event data/);
  });
});

describe('over HTTP (a local server)', () => {
  let server;
  let origin;
  before(async () => {
    const routes = {
      '/feed/': ['application/rss+xml; charset=UTF-8', await readFile(POSTS_XML, 'utf8')],
      '/relative/feed/': [
        'application/rss+xml',
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Relative</title><link>/</link>' +
          '<item><title>One</title><link>../posts/one/</link><guid isPermaLink="false">p1</guid></item>' +
          '<item><title>Two</title><link>javascript:alert(1)</link><guid isPermaLink="false">p2</guid></item>' +
          '<item><title>Mail</title><link>mailto:info@iigp.example</link><guid isPermaLink="false">p3</guid></item></channel></rss>',
      ],
      '/wp-json/tribe/events/v1/events': ['application/json; charset=UTF-8', await fixture('tec-events.json')],
      '/wp-json/wp/v2/posts': ['application/json; charset=UTF-8', await fixture('wp-posts.json')],
      '/page/': ['text/html; charset=UTF-8', await fixture('not-a-feed.html')],
      '/malformed/': ['application/rss+xml', await fixture('malformed.xml')],
      '/wrong-shape.json': ['application/json', await fixture('wrong-shape.json')],
      '/wp-json/nothing': [
        'application/json',
        '{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":200}}',
      ],
      '/latin1/': [
        'application/rss+xml',
        Buffer.from(
          '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9</title><link>/</link><item><title>R\xe9sum\xe9</title><link>/r/</link></item></channel></rss>',
          'latin1',
        ),
      ],
    };
    server = createServer((req, res) => {
      const path = req.url.split('?')[0];
      if (path === '/old-feed') {
        res.writeHead(301, { location: '/relative/feed/' }).end();
      } else if (path === '/slow/') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel>'); // and never ends
      } else if (routes[path]) {
        res.writeHead(200, { 'content-type': routes[path][0] }).end(routes[path][1]);
      } else {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  test('fetches an RSS feed and records its URL', async () => {
    const out = outFile();
    const result = await run('snapshot', `${origin}/feed/`, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const feed = await readJson(out);
    assertJsonFeed(feed);
    assert.equal(feed.feed_url, `${origin}/feed/`);
    assert.equal(
      feed.items.find((i) => /DAMAGE/.test(i.title)).title,
      '\u2018DAMAGE\u2019 That a Psychotherapist Treats',
    );
  });

  test('follows redirects and resolves links against the final feed URL; only http(s)/mailto/tel survive', async () => {
    const out = outFile();
    const result = await run('snapshot', `${origin}/old-feed`, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const feed = await readJson(out);
    assert.equal(feed.feed_url, `${origin}/relative/feed/`);
    assert.equal(feed.home_page_url, `${origin}/`);
    assert.deepEqual(
      feed.items.map((i) => [i.id, i.url]),
      [
        ['p1', `${origin}/relative/posts/one/`],
        ['p2', undefined],
        ['p3', 'mailto:info@iigp.example'],
      ],
    );
  });

  test('decodes a feed in the charset its XML declaration names', async () => {
    const out = outFile();
    const result = await run('snapshot', `${origin}/latin1/`, '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const feed = await readJson(out);
    assert.equal(feed.title, 'Caf\u00e9');
    assert.equal(feed.items[0].title, 'R\u00e9sum\u00e9');
  });

  test('fetches TEC events (workshops by default) and WordPress posts', async () => {
    const events = outFile();
    const posts = outFile();
    assert.equal(
      (await run('snapshot', `${origin}/wp-json/tribe/events/v1/events?per_page=50`, '--out', events)).code,
      0,
    );
    assert.equal((await run('snapshot', `${origin}/wp-json/wp/v2/posts?_embed`, '--out', posts)).code, 0);
    const eventList = await readJson(events);
    assert.equal(eventList.length, 4);
    assert.equal(
      eventList[2].offers.url,
      `${origin}/register/?event=1203`,
      'relative links resolve against the request URL',
    );
    const feed = await readJson(posts);
    assertJsonFeed(feed);
    assert.equal(feed.home_page_url, `${origin}/`);
    assert.equal(feed.feed_url, `${origin}/wp-json/wp/v2/posts?_embed`);
    assert.equal(feed.items[1].title, '\u2018DAMAGE\u2019 That a Psychotherapist Treats');
  });

  describe('errors: non-zero exit, a message on stderr, the old --out file untouched, no temp files', () => {
    const GOOD = '{"version": "a good snapshot from yesterday"}\n';
    async function expectFailure(args, message) {
      const folder = await mkdtemp(join(dir, 'fail-'));
      const out = join(folder, 'posts.json');
      await writeFile(out, GOOD);
      const result = await run('snapshot', ...args, '--out', out);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
      assert.equal(await readFile(out, 'utf8'), GOOD);
      assert.deepEqual(await readdir(folder), ['posts.json']);
      return result;
    }

    test('HTTP 404', async () => {
      await expectFailure([`${origin}/no-such-feed/`], /answered HTTP 404/);
    });

    test('an HTML page (and the feed it names is suggested)', async () => {
      const result = await expectFailure([`${origin}/page/`], /(response|file) is an HTML page, not a feed/);
      assert.match(result.stderr, new RegExp(`${origin}/feed/`.replace(/[.?]/g, '\\$&')));
    });

    test('malformed XML', async () => {
      await expectFailure([`${origin}/malformed/`], /XML is malformed/);
    });

    test('JSON of the wrong shape, and a WordPress error object', async () => {
      await expectFailure([`${origin}/wrong-shape.json`], /neither a WordPress REST list of posts/);
      await expectFailure([`${origin}/wp-json/nothing`], /rest_no_route/);
    });

    test('an unreachable port', async () => {
      const closed = createServer();
      await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = closed.address().port;
      await new Promise((resolve) => closed.close(resolve));
      await expectFailure([`http://127.0.0.1:${port}/feed/`], /could not reach .*ECONNREFUSED/);
    });

    test('no complete response within 10 s', async () => {
      await expectFailure([`${origin}/slow/`], /no complete response .* within 10 s/);
    });

    test('a missing local file, malformed and HTML files', async () => {
      await expectFailure([join(FIXTURES, 'does-not-exist.xml')], /cannot read .*no such file/);
      await expectFailure([join(FIXTURES, 'malformed.xml')], /XML is malformed/);
      await expectFailure([join(FIXTURES, 'not-a-feed.html')], /HTML page/);
    });
  });
});

describe('command line', () => {
  test('--help prints the usage and exits 0', async () => {
    const result = await run('--help');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: iigp-widgets snapshot <url-or-file> --out <file\.json>/);
    assert.match((await run('snapshot', '--help')).stdout, /--kind posts\|workshops/);
  });

  test('missing or wrong arguments print the usage on stderr and exit 2, writing nothing', async () => {
    const out = join(dir, 'never-written.json');
    const cases = [
      [[], /no command given/],
      [['snapshot'], /needs a feed URL or file/],
      [['snapshot', POSTS_XML], /needs --out/],
      [['snapshot', POSTS_XML, '--out', out, '--kind', 'faculty'], /--kind must be posts or workshops/],
      [['snapshot', POSTS_XML, '--out', out, '--limit', '0'], /--limit must be a whole number/],
      [['snapshot', POSTS_XML, '--out', out, '--limit', 'ten'], /--limit must be a whole number/],
      [['publish', POSTS_XML, '--out', out], /unknown command "publish"/],
      [['snapshot', POSTS_XML, '--out', out, '--colour'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Usage: iigp-widgets snapshot/);
    }
    await assert.rejects(readFile(out), { code: 'ENOENT' });
  });

  test('an --out folder that does not exist is an error, and no file appears', async () => {
    const out = join(dir, 'no-such-folder', 'posts.json');
    const result = await run('snapshot', POSTS_XML, '--out', out);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot write .*ENOENT/);
    await assert.rejects(readdir(join(dir, 'no-such-folder')), { code: 'ENOENT' });
  });

  test('schema.org Events given as input are named as already being the widget format', async () => {
    const events = outFile();
    await run('snapshot', join(FIXTURES, 'tec-events.json'), '--out', events);
    const result = await run('snapshot', events, '--out', outFile());
    assert.equal(result.code, 1);
    assert.match(result.stderr, /already schema\.org Events/);
  });

  test('a snapshot of a snapshot is the same file (JSON Feed in, JSON Feed out)', async () => {
    const first = outFile();
    const second = outFile();
    await run('snapshot', join(FIXTURES, 'atom.xml'), '--out', first);
    const result = await run('snapshot', first, '--out', second);
    assert.equal(result.code, 0, result.stderr);
    assert.ok((await readFile(first)).equals(await readFile(second)));
  });
});

describe("read back by the widgets' own parsers (from dist/node/snapshot.js, the bundle the command runs)", () => {
  let parsers;
  before(async () => {
    parsers = await import(pathToFileURL(OUTFILE).href);
  });

  test('posts snapshots parse as JSON Feed, nothing skipped, text as written', async () => {
    for (const source of [
      POSTS_XML,
      join(FIXTURES, 'atom.xml'),
      join(FIXTURES, 'rdf.xml'),
      join(FIXTURES, 'wp-posts.json'),
    ]) {
      const out = outFile();
      assert.equal((await run('snapshot', source, '--out', out)).code, 0);
      const text = await readFile(out, 'utf8');
      const snapshot = JSON.parse(text);
      const { items, skipped } = parsers.parseJsonFeed({ text, url: 'https://cdn.example/posts.json' });
      assert.equal(skipped, 0, source);
      assert.deepEqual(
        items.map((p) => p.title),
        snapshot.items.map((i) => i.title ?? ''),
      );
      assert.deepEqual(
        items.map((p) => p.url),
        snapshot.items.map((i) => i.url),
      );
      assert.deepEqual(
        items.map((p) => p.date?.toISOString().replace('.000Z', 'Z')),
        snapshot.items.map((i) => i.date_published),
      );
    }
  });

  test('workshop snapshots parse as schema.org Events with zone, price, presenters and status', async () => {
    const out = outFile();
    assert.equal((await run('snapshot', join(FIXTURES, 'tec-events.json'), '--out', out)).code, 0);
    const { items, skipped } = parsers.parseSchemaEvents({
      text: await readFile(out, 'utf8'),
      url: 'https://cdn.example/workshops.json',
    });
    assert.equal(skipped, 0);
    assert.deepEqual(
      items.map((w) => [w.title, w.timeZone, w.attendance, w.status, w.price]),
      [
        ['Culture and Race in Psychotherapy', 'America/Detroit', 'in-person', 'scheduled', '$95'],
        ['\u2018Formative\u2019 Psychology & the Body', 'America/Detroit', 'online', 'scheduled', 'Free'],
        ['Adoption: Implications for Psychotherapy', 'America/Detroit', 'in-person', 'cancelled', '$180'],
        ['Yoga and Psychotherapy', 'America/Detroit', 'hybrid', 'scheduled', 'Sold out'],
      ],
    );
    const [culture] = items;
    assert.equal(culture.start.toISOString(), '2026-12-05T14:00:00.000Z');
    assert.equal(culture.end.toISOString(), '2026-12-05T21:00:00.000Z');
    assert.deepEqual(
      culture.presenters.map((p) => p.name),
      ['Leora Bar-Levav, MD'],
    );
    assert.equal(culture.ceCredits, '6 CE hours, Michigan Board of Social Work');
    assert.equal(culture.registrationUrl, 'https://iigp.example/register/?event=1201');
    assert.equal(culture.place.address, '29193 Northwestern Hwy, Suite 528, Southfield, MI 48034');
    assert.equal(items[2].allDay, true);
  });
});
