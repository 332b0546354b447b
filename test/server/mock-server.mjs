// A small HTTP fixture server inside web-test-runner, for the loader's real network paths:
//   /__mock/test/fixtures/<file> or /__mock/demo/data/<file>, with options:
//     ?status=500&type=text/html&delay=200&hang=1&trickle=50&cors=1
//   /__mock/echo?type=application/json&body=<urlencoded>      serves the given body
//   /__mock/hits?path=<path and query>                           how many times that URL was requested
// Requests from another origin (127.0.0.1 instead of localhost) are refused by the browser unless cors=1.
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { PassThrough } from 'node:stream';

const project = resolve('.');
const roots = [resolve('test/fixtures'), resolve('demo/data')];
const hits = new Map();
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
  const key = context.url.replace(/^\/__mock/, '/__mock');
  hits.set(key, (hits.get(key) ?? 0) + 1);
  if (query.cors === '1') context.set('Access-Control-Allow-Origin', '*');
  let body;
  if (name === 'echo') {
    body = Buffer.from(String(query.body ?? ''), 'utf8');
  } else {
    // Paths are relative to the project: /__mock/test/fixtures/… or /__mock/demo/data/….
    const file = resolve(project, decodeURIComponent(name));
    if (!roots.some((root) => file.startsWith(root + '/')) || !existsSync(file)) {
      context.status = 404;
      context.body = `no fixture ${name}`;
      return undefined;
    }
    body = readFileSync(file);
  }
  if (query.delay) await sleep(Number(query.delay));
  context.status = Number(query.status ?? 200);
  context.set('Content-Type', String(query.type ?? types[extname(name)] ?? 'application/octet-stream'));
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
