#!/usr/bin/env node
// iigp-widgets snapshot: turns a feed (RSS/RDF/Atom, WordPress REST, JSON Feed) or The Events
// Calendar's REST response into the static JSON the widgets read, for hosting beside the script.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromTecEvents } from './lib/events.mjs';
import { fromJsonFeed, fromWpPosts, fromXml, toJsonFeed } from './lib/posts.mjs';
import { SnapshotError, load } from './lib/source.mjs';
import { isObject, safeUrl, str } from './lib/text.mjs';

const USAGE = `Usage: iigp-widgets snapshot <url-or-file> --out <file.json> [--kind posts|workshops] [--limit N]

Turns a feed into JSON the iigp widgets read, to host beside the script (any static host or CDN):
  posts      JSON Feed 1.1, for <iigp-recent-posts format="json">
             from RSS 2.0, RSS 1.0 (RDF), Atom 1.0, WordPress /wp-json/wp/v2/posts or JSON Feed
  workshops  an array of schema.org Event objects, for <iigp-workshop-list format="json">
             from The Events Calendar's /wp-json/tribe/events/v1/events

Options:
  --out <file>    where to write the JSON (written whole or not at all; required)
  --kind <kind>   posts or workshops (default: workshops for an events response, else posts)
  --limit <N>     keep at most N entries, in the source's order
  -h, --help      show this help

The same input always gives byte-identical output. URLs are fetched with a 10 s limit, one page
each: ask WordPress for enough entries (and _embed for images and authors), e.g.
/wp-json/wp/v2/posts?_embed&per_page=20 or /wp-json/tribe/events/v1/events?per_page=50.
Example: npx iigp-widgets snapshot https://example.org/feed/ --out public/posts.json`;

function usageError(message) {
  process.stderr.write(`iigp-widgets: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, kind: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    usageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const [command, source, ...extra] = positionals;
  if (!command) usageError('no command given');
  if (command !== 'snapshot') usageError(`unknown command "${command}"`);
  if (!source) usageError('snapshot needs a feed URL or file');
  if (extra.length) usageError(`unexpected argument "${extra[0]}"`);
  if (!values.out) usageError('snapshot needs --out <file.json>');
  if (values.kind !== undefined && !['posts', 'workshops'].includes(values.kind)) usageError(`--kind must be posts or workshops, not "${values.kind}"`);
  let limit = Infinity;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) usageError(`--limit must be a whole number of at least 1, not "${values.limit}"`);
    limit = Number(values.limit);
  }
  return { source, out: values.out, kind: values.kind, limit };
}

/** The link a web page gives to its own feed, to suggest when someone points at the page. */
function feedLinkOf(html, base) {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (/\brel\s*=\s*["']?alternate/i.test(tag) && /\btype\s*=\s*["']?application\/(?:rss|atom)\+xml/i.test(tag)) {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      if (href) return safeUrl(href[1] ?? href[2] ?? href[3], base);
    }
  }
  return undefined;
}

/** Works out what the body is and reads it; anything that is not a feed is a SnapshotError. */
async function read(body) {
  const text = body.text.trimStart();
  const remote = body.remote;
  if (text.startsWith('{') || text.startsWith('[')) {
    let json;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new SnapshotError(`${body.remote ? 'the response' : 'the file'} is not valid JSON (${error.message})`);
    }
    if (isObject(json) && Array.isArray(json.events)) return { kind: 'workshops', read: (limit) => fromTecEvents(json, body.url, remote, limit) };
    if (isObject(json) && Array.isArray(json.items) && /jsonfeed\.org\/version\//.test(str(json.version))) {
      return { kind: 'posts', read: (limit) => toJsonFeed(fromJsonFeed(json, body.url, remote), limit) };
    }
    if (Array.isArray(json) && json.every((p) => isObject(p) && (isObject(p.title) || 'link' in p) && !p['@type'])) {
      return { kind: 'posts', read: (limit) => toJsonFeed(fromWpPosts(json, body.url, remote), limit) };
    }
    const nodes = Array.isArray(json) ? json : isObject(json) ? json['@graph'] ?? json.itemListElement : undefined;
    if (Array.isArray(nodes) && nodes.some((n) => isObject(n) && /Event$/.test(str(n['@type'])))) {
      throw new SnapshotError('this is already schema.org Events, the format <iigp-workshop-list format="json"> reads', 'Host the file as it is.');
    }
    if (isObject(json) && json.code && json.message) {
      throw new SnapshotError(`WordPress answered "${str(json.code)}": ${str(json.message)}`, 'Check the /wp-json/ route.');
    }
    throw new SnapshotError(
      'the JSON is neither a WordPress REST list of posts, an events response of The Events Calendar, nor a JSON Feed',
      'Point at /wp-json/wp/v2/posts, /wp-json/tribe/events/v1/events or a JSON Feed.',
    );
  }
  if (!text) throw new SnapshotError(`${body.remote ? 'the response' : 'the file'} is empty, so it is not a feed`);
  if (!text.startsWith('<')) throw new SnapshotError(`${body.remote ? 'the response' : 'the file'} is neither XML nor JSON, so it is not a feed`);
  const prolog = text.replace(/^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*/, '');
  if (/^<!doctype\s+html\b/i.test(prolog) || /^(?:<!doctype[^>]*>\s*)?<html[\s>]/i.test(prolog)) {
    const feed = feedLinkOf(text, body.url);
    throw new SnapshotError(`${body.remote ? 'the response' : 'the file'} is an HTML page, not a feed`, feed ? `This page names its feed: ${feed}` : 'WordPress serves its feed at /feed/.');
  }
  const feed = await fromXml(body.text, body.url, remote);
  return { kind: 'posts', read: (limit) => toJsonFeed(feed, limit) };
}

/** Writes `text` to `path` through a temporary file in the same folder: whole or not at all. */
async function writeAtomically(path, text) {
  try {
    if ((await readFile(path, 'utf8')) === text) return false;
  } catch {
    // No file yet, or unreadable: write it.
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const cleanUp = () => rm(temp, { force: true }).catch(() => {});
  const onSignal = async (signal) => {
    await cleanUp();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await cleanUp();
    throw new SnapshotError(`cannot write ${path} (${error.code ?? error.message})`);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  return true;
}

async function snapshot({ source, out, kind, limit }) {
  const body = await load(source);
  const found = await read(body);
  const wanted = kind ?? found.kind;
  if (wanted !== found.kind) {
    throw new SnapshotError(
      wanted === 'workshops'
        ? 'this source carries no event data (workshops need The Events Calendar REST API: /wp-json/tribe/events/v1/events)'
        : 'this source is an events response; use --kind workshops (or leave --kind out)',
    );
  }
  const { document, count, skipped } = found.read(limit);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const path = resolve(out);
  const written = await writeAtomically(path, text);
  const what = wanted === 'workshops' ? `${count} workshop${count === 1 ? '' : 's'} (schema.org Events)` : `${count} post${count === 1 ? '' : 's'} (JSON Feed 1.1)`;
  if (skipped) process.stderr.write(`iigp-widgets: skipped ${skipped} entr${skipped === 1 ? 'y' : 'ies'} without a usable link, title or date, or repeated\n`);
  process.stdout.write(`${written ? 'Wrote' : 'Unchanged:'} ${what} ${written ? 'to' : 'in'} ${out}\n`);
}

try {
  await snapshot(parseCommandLine(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof SnapshotError)) throw error;
  process.stderr.write(`iigp-widgets snapshot: error: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
  process.exitCode = 1;
}
