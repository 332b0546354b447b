// A small HTTP fixture server inside web-test-runner, for the loader's real network paths:
//   /__mock/test/fixtures/<file> or /__mock/demo/data/<file>, with options:
//     ?status=500&type=text/html&delay=200&hang=1&trickle=50&cors=1
//   /__mock/echo?type=application/json&body=<urlencoded>      serves the given body
//   /__mock/hits?path=<path and query>                           how many times that URL was requested
//   POST /__mock/stash (any body) -> an id; /__mock/stash?id=<id>&type=…  serves that body (too big for a URL)
//   /__mock/big-feed?items=5000&bytes=5000000                    a generated RSS feed of that size
//   /__mock/cookie?…                                              a JSON Feed whose title says whether a Cookie came
//   /__mock/other-origin                                          the port of a second server (another origin on
//                                                                  localhost) that serves /cookie with CORS + credentials
//   any route, &csp=<policy>                                      sends that Content-Security-Policy header
//   files under test/security/pages/ are served like fixtures (pages for the CSP tests)
//   /__mock/wp/<any>/wp-json/wp/v2/posts?per_page=&page=          30 posts, paged as WordPress does (10 unless per_page, at most 100)
//   /__mock/wp/<any>/wp-json/wp/v2/pages?per_page=                demo/data/faculty-pages.json, the first per_page of them
//   /__mock/wp/<any>/wp-json/tribe/events/v1/events?start_date=&end_date=
//                                                                 The Events Calendar: 6 past and 4 coming events around now;
//                                                                 only those not yet ended unless start_date is sent
// Requests from another origin (127.0.0.1 instead of localhost) are refused by the browser unless cors=1.
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { createServer } from 'node:http';
import { PassThrough } from 'node:stream';

const project = resolve('.');
const roots = [resolve('test/fixtures'), resolve('demo/data'), resolve('test/security/pages')];
const hits = new Map();
const stash = new Map();
/** Cookie headers seen by /cookie routes (on either origin), by the `probe` of the request. */
const cookies = new Map();

function readBody(req) {
  return new Promise((done, fail) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/** An RSS 2.0 feed of `count` items, padded to about `size` bytes. */
function bigFeed(count, size) {
  const pad = Math.max(0, Math.floor(size / count) - 260);
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push(
      `<item><title>Post ${i + 1}</title><link>https://iigp.example/${i + 1}/</link>` +
        `<pubDate>Mon, 11 Apr 2016 14:00:00 +0000</pubDate><guid>https://iigp.example/?p=${i + 1}</guid>` +
        `<description>${'x'.repeat(pad)}</description></item>`,
    );
  }
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title><link>https://iigp.example/</link>${items.join('')}</channel></rss>`,
  );
}

/** WordPress REST and The Events Calendar as they answer, for the widgets' request URLs. */
function wordpress(path, query) {
  const json = (status, value) => ({ status, body: Buffer.from(JSON.stringify(value)) });
  if (/\/wp-json\/wp\/v2\/posts\/?$/.test(path)) {
    const perPage = query.per_page === undefined ? 10 : Number(query.per_page);
    const page = Number(query.page ?? 1);
    if (!(Number.isInteger(perPage) && perPage >= 1 && perPage <= 100)) {
      return json(400, {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): per_page',
        data: { status: 400 },
      });
    }
    const posts = Array.from({ length: 30 }, (_, i) => ({
      id: i + 1,
      date_gmt: new Date(Date.UTC(2026, 10, 30 - i, 12)).toISOString().slice(0, 19),
      link: `https://iigp.example/post-${i + 1}/`,
      title: { rendered: `Post ${i + 1}` },
      excerpt: { rendered: `<p>Excerpt ${i + 1}</p>` },
    }));
    return json(200, posts.slice((page - 1) * perPage, page * perPage));
  }
  if (/\/wp-json\/wp\/v2\/pages\/?$/.test(path)) {
    // demo/data/faculty-pages.json, paged: the fifth page is not on the first page of four.
    const perPage = query.per_page === undefined ? 10 : Number(query.per_page);
    const pages = JSON.parse(readFileSync(resolve(project, 'demo/data/faculty-pages.json'), 'utf8'));
    return json(200, pages.slice(0, Math.min(perPage, 100)));
  }
  if (/\/wp-json\/tribe\/events\/v1\/events\/?$/.test(path)) {
    const now = Date.now();
    const day = 86_400_000;
    const wp = (t) => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
    const events = [-60, -50, -40, -30, -20, -10, 10, 20, 30, 40].map((offset, i) => ({
      id: 100 + i,
      url: `https://iigp.example/event/${i}/`,
      title: `${offset < 0 ? 'Past' : 'Coming'} workshop ${Math.abs(offset)} days`,
      utc_start_date: wp(now + offset * day),
      utc_end_date: wp(now + offset * day + 2 * 3_600_000),
      timezone: 'America/Detroit',
    }));
    const from = query.start_date ? (query.start_date === 'now' ? now : Date.parse(query.start_date)) : undefined;
    const to = query.end_date ? (query.end_date === 'now' ? now : Date.parse(query.end_date)) : Infinity;
    const kept = events.filter((e) => {
      const start = Date.parse(e.utc_start_date.replace(' ', 'T') + 'Z');
      const end = Date.parse(e.utc_end_date.replace(' ', 'T') + 'Z');
      return (from === undefined ? end > now : start >= from) && start <= to;
    });
    return json(200, { events: kept, total: kept.length, total_pages: 1 });
  }
  return { status: 404, body: Buffer.from('no such route') };
}

function cookieFeed(seen) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'cookie echo',
    items: [{ id: '1', title: seen ? 'cookie received' : 'no cookie', url: 'https://iigp.example/1/' }],
  });
}

// A second origin (same host, another port): cookies of localhost reach it unless the request omits them.
let other;
function otherOrigin() {
  other ??= new Promise((done) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url, 'http://localhost');
      const origin = req.headers.origin;
      if (origin) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
      if (url.pathname === '/cookie') cookies.set(url.searchParams.get('probe'), req.headers.cookie ?? '');
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(cookieFeed(Boolean(req.headers.cookie)));
    });
    server.unref();
    server.listen(0, () => done(server.address().port));
  });
  return other;
}
const types = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.rdf': 'application/rdf+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

export async function mockServer(context, next) {
  if (!context.path.startsWith('/__mock/')) return next();
  const name = context.path.slice('/__mock/'.length);
  const query = context.query;
  if (name === 'hits') {
    context.body = String(hits.get(query.path) ?? 0);
    return undefined;
  }
  if (name === 'stash' && context.method === 'POST') {
    const id = String(stash.size + 1);
    stash.set(id, await readBody(context.req));
    context.body = id;
    return undefined;
  }
  if (name === 'log') {
    // Debugging aid for tests that may lose the page (a navigation): the message reaches the terminal.
    console.log(`[page] ${query.m}`);
    context.body = '';
    return undefined;
  }
  if (name === 'other-origin') {
    context.body = String(await otherOrigin());
    return undefined;
  }
  if (name === 'cookies') {
    context.body = JSON.stringify(cookies.has(query.probe) ? cookies.get(query.probe) : null);
    return undefined;
  }
  if (query.csp) context.set('Content-Security-Policy', String(query.csp));
  const key = context.url.replace(/^\/__mock/, '/__mock');
  hits.set(key, (hits.get(key) ?? 0) + 1);
  if (query.cors === '1') context.set('Access-Control-Allow-Origin', '*');
  let body;
  if (name === 'echo') {
    body = Buffer.from(String(query.body ?? ''), 'utf8');
  } else if (name === 'stash') {
    body = stash.get(String(query.id)) ?? Buffer.from('');
  } else if (name === 'big-feed') {
    body = bigFeed(Number(query.items ?? 5000), Number(query.bytes ?? 5_000_000));
  } else if (name.startsWith('wp/')) {
    const answer = wordpress(name, query);
    context.status = answer.status;
    context.set('Content-Type', 'application/json; charset=UTF-8');
    context.set('Cache-Control', 'no-store');
    context.body = answer.body;
    return undefined;
  } else if (name === 'cookie') {
    cookies.set(String(query.probe), context.get('cookie') ?? '');
    body = Buffer.from(cookieFeed(Boolean(context.get('cookie'))));
  } else {
    // Paths are relative to the project: /__mock/test/fixtures/… or /__mock/demo/data/….
    let file;
    try {
      file = resolve(project, decodeURIComponent(name));
    } catch {
      file = ''; // A malformed address (hostile test data) is simply not a fixture.
    }
    if (!roots.some((root) => file.startsWith(root + '/')) || !existsSync(file)) {
      context.status = 404;
      context.body = `no fixture ${name}`;
      return undefined;
    }
    body = readFileSync(file);
  }
  if (query.delay) await sleep(Number(query.delay));
  context.status = Number(query.status ?? 200);
  const defaults = { 'big-feed': types['.xml'], cookie: types['.json'] };
  context.set(
    'Content-Type',
    String(query.type ?? types[extname(name)] ?? defaults[name] ?? 'application/octet-stream'),
  );
  context.set('Cache-Control', 'no-store');
  if (query.hang || query.trickle) {
    const stream = new PassThrough();
    context.body = stream;
    if (query.hang) {
      stream.write(body.subarray(0, 10)); // Headers and a first chunk, then nothing: the body never ends.
    } else {
      (async () => {
        for (let i = 0; i < body.length && !stream.destroyed; i += 64) {
          stream.write(body.subarray(i, i + 64));
          await sleep(Number(query.trickle));
        }
        stream.end();
      })();
    }
    return undefined;
  }
  context.body = body;
  return undefined;
}
