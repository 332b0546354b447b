// A tiny static server for the benchmark: loopback only, gzip as a typical host serves it, ETag
// revalidation, and a log of every request so the bench can count them.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ics': 'text/calendar; charset=utf-8',
  '.map': 'application/json',
};
const COMPRESSIBLE = /^(text\/|application\/(rss\+xml|json|javascript)|image\/svg)/;

/**
 * routes: { '/prefix/': directory | (path) => ({ body, type } | undefined) }. Longest prefix wins.
 * Scripts and styles are cacheable for an hour (like a theme's assets); HTML and data are
 * `no-cache` with an ETag, so a repeat visit revalidates them with a 304, as WordPress feeds do.
 */
export async function startServer(routes) {
  const log = [];
  const gzCache = new Map();
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);

  function lookup(pathname) {
    for (const prefix of prefixes) {
      if (!pathname.startsWith(prefix)) continue;
      const route = routes[prefix];
      const rest = pathname.slice(prefix.length);
      if (typeof route === 'function') return route(rest);
      const file = normalize(join(route, decodeURIComponent(rest) || 'index.html'));
      if (!file.startsWith(normalize(route + sep)) && file !== normalize(route)) return undefined;
      if (!existsSync(file) || !statSync(file).isFile()) return undefined;
      return { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
    }
    return undefined;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push({ path: url.pathname, search: url.search, time: Date.now() });
    const found = lookup(url.pathname);
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = Buffer.isBuffer(found.body) ? found.body : Buffer.from(found.body);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
    const type = found.type;
    const headers = {
      'content-type': type,
      etag,
      'cache-control': /javascript|text\/css|image\//.test(type) ? 'public, max-age=3600' : 'no-cache',
      vary: 'accept-encoding',
    };
    const send = () => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      let payload = body;
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        let gz = gzCache.get(etag);
        if (!gz) gzCache.set(etag, (gz = gzipSync(body, { level: 6 })));
        payload = gz;
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = payload.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : payload);
    };
    const delay = Number(url.searchParams.get('delay') ?? found.delay ?? 0);
    if (delay > 0) setTimeout(send, delay);
    else send();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    log,
    /** Requests whose path matches `test` since `since` (an index into the log). */
    count: (test, since = 0) => log.slice(since).filter((entry) => test(entry.path)).length,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
