/**
 * The snapshot command's work, in Node: any feed the widgets read → the JSON a widget reads with
 * `format="json"`, for hosting beside the script. One set of rules with the widgets: the body is decoded
 * by the loader's `decodeBody`, its format told by `detectFormat`, its entries read by the widgets' own
 * format modules, and written by the writers beside them (model → JSON Feed 1.1, model → schema.org
 * Events), so a snapshot says what the widget says. Built into dist/node/snapshot.js by
 * scripts/build-node.mjs, with the DOM of dom.ts in place of the browser's; bin/ keeps the command line.
 */
import type { Parsed, Post, Workshop } from '../model.js';
import { detectFormat } from '../formats/detect.js';
import { parseFeed } from '../formats/xml/feed.js';
import { isObject, jsonOf, str } from '../formats/json/json.js';
import { toJsonFeed, type FeedHeader } from '../formats/json/json-feed-write.js';
import { parseJsonFeed } from '../formats/json/json-feed.js';
import { toSchemaEvents } from '../formats/schema/schema-events-write.js';
import { parseTecEvents } from '../formats/wordpress/tec.js';
import { parseWpPosts } from '../formats/wordpress/wp.js';
import { parseXml } from '../formats/xml/xml.js';
import { LoadError, decodeBody, type Body } from '../shared/loader.js';
import { parseInert } from '../shared/policy.js';
import { safeUrl } from '../shared/url.js';
import { jsonFeedInfo, wpPostsHome, xmlFeedInfo, type FeedInfo } from './feed-info.js';
import { SnapshotError, type Source } from './source.js';

export { SnapshotError, readSource, type Source } from './source.js';
export { toJsonFeed } from '../formats/json/json-feed-write.js';
export { toSchemaEvents } from '../formats/schema/schema-events-write.js';
export { parseFeed, parseJsonFeed, parseTecEvents, parseWpPosts, parseXml, decodeBody, detectFormat };
// The other workshop readers, for the tests of the writers (a snapshot of them is not offered).
export { parseSchemaEvents } from '../formats/schema/schema-events.js';
export { parseIcs } from '../formats/ical/ics.js';
export { parseWorkshopFeed } from '../formats/xml/workshop-feed.js';
export { htmlToText, firstImage } from '../shared/text.js';

export type Kind = 'posts' | 'workshops';

/** A source read by the widgets' parsers: its entries, and for posts the feed's own header. */
export type Read =
  { kind: 'posts'; parsed: Parsed<Post>; header: FeedHeader } | { kind: 'workshops'; parsed: Parsed<Workshop> };

/** The link a web page gives to its own feed, to suggest when someone points at the page. */
function feedLinkOf(html: string, base: string): string | undefined {
  for (const link of parseInert(html, 'text/html').getElementsByTagName('link')) {
    if (
      /\balternate\b/i.test(link.getAttribute('rel') ?? '') &&
      /^application\/(rss|atom)\+xml/i.test(link.getAttribute('type') ?? '')
    ) {
      return safeUrl(link.getAttribute('href'), base);
    }
  }
  return undefined;
}

/** The widgets' own format errors, worded for the command line (a file is not "the response"). */
function reworded(error: unknown, what: string): unknown {
  if (!LoadError.is(error)) return error;
  if (/well-formed/.test(error.message))
    return new SnapshotError(
      `the XML is malformed (${what} is not well-formed XML)`,
      'Check that the address serves the feed itself.',
    );
  return new SnapshotError(error.message.replace(/^the response\b/, what), error.hint);
}

const withTitle = (info: FeedInfo): FeedHeader => ({
  ...info,
  title: info.title || (info.home ? new URL(info.home).hostname : 'Posts'),
});

/**
 * Tells what the source is (`detectFormat`) and reads it with the widgets' format module for it. A local
 * file is read as if fetched from the address it gives for itself (a feed's own link, a WordPress post's
 * site, The Events Calendar's `rest_url`), so its relative links resolve as they would online.
 */
export async function read(source: Source): Promise<Read> {
  const what = source.remote ? 'the response' : 'the file';
  const body: Body = {
    text: await decodeBody(source.bytes, source.contentType),
    contentType: source.contentType,
    url: source.url,
  };
  const own = (url: string | undefined): Body => (source.remote || !url ? body : { ...body, url });
  const format = detectFormat(body);
  try {
    if (format === 'html') {
      const feed = feedLinkOf(body.text, body.url);
      throw new SnapshotError(
        `${what} is an HTML page, not a feed`,
        feed ? `This page names its feed: ${feed}` : 'WordPress serves its feed at /feed/.',
      );
    }
    if (format === 'rss') {
      const info = xmlFeedInfo(await parseXml(body.text), body.url);
      const parsed = await parseFeed(own(info.self ?? info.home));
      return { kind: 'posts', parsed, header: withTitle({ ...info, feedUrl: source.remote ? source.url : info.self }) };
    }
    if (format === 'ics') {
      throw new SnapshotError(
        `${what} is iCalendar, which <iigp-workshop-list format="ics"> reads as it is`,
        'Host the file as it is.',
      );
    }
    if (format === 'unknown') {
      const text = body.text.trim();
      if (!text) throw new SnapshotError(`${what} is empty, so it is not a feed`);
      if (!/^[[{]/.test(text)) throw new SnapshotError(`${what} is neither XML nor JSON, so it is not a feed`);
      try {
        JSON.parse(text);
      } catch (error) {
        throw new SnapshotError(`${what} is not valid JSON (${(error as Error).message})`);
      }
    }
    const value = jsonOf(body);
    if (isObject(value) && Array.isArray(value.events)) {
      return { kind: 'workshops', parsed: parseTecEvents(own(safeUrl(value.rest_url))) };
    }
    if (isObject(value) && Array.isArray(value.items) && /jsonfeed\.org\/version\//.test(str(value.version))) {
      const info = jsonFeedInfo(value, body.url);
      const parsed = parseJsonFeed(own(info.self ?? info.home));
      return {
        kind: 'posts',
        parsed,
        header: withTitle({ ...info, feedUrl: info.self ?? (source.remote ? source.url : undefined) }),
      };
    }
    if (Array.isArray(value) && value.every((p) => isObject(p) && (isObject(p.title) || 'link' in p) && !p['@type'])) {
      const home = source.remote ? new URL('/', source.url).href : wpPostsHome(value);
      return {
        kind: 'posts',
        parsed: parseWpPosts(own(home)),
        header: withTitle({ title: '', home, feedUrl: source.remote ? source.url : undefined }),
      };
    }
    const nodes = Array.isArray(value)
      ? value
      : isObject(value)
        ? (value['@graph'] ?? value.itemListElement)
        : undefined;
    if (Array.isArray(nodes) && nodes.some((n) => isObject(n) && /Event$/.test(str(n['@type'])))) {
      throw new SnapshotError(
        'this is already schema.org Events, the format <iigp-workshop-list format="json"> reads',
        'Host the file as it is.',
      );
    }
    if (isObject(value) && value.code && value.message) {
      throw new SnapshotError(
        `WordPress answered "${str(value.code)}": ${str(value.message)}`,
        'Check the /wp-json/ route.',
      );
    }
    throw new SnapshotError(
      'the JSON is neither a WordPress REST list of posts, an events response of The Events Calendar, nor a JSON Feed',
      'Point at /wp-json/wp/v2/posts, /wp-json/tribe/events/v1/events or a JSON Feed.',
    );
  } catch (error) {
    throw reworded(error, what);
  }
}

/** What the command writes: the JSON text (2-space indent, one final newline) and what it holds. */
export interface Snapshot {
  kind: Kind;
  text: string;
  count: number;
  /** Entries the parser could not read, or the writer left out (a repeated id). */
  skipped: number;
}

/** Reads `source` and writes its snapshot; the same source always gives the same text. */
export async function snapshot(source: Source, options: { kind?: Kind; limit?: number } = {}): Promise<Snapshot> {
  const found = await read(source);
  const wanted = options.kind ?? found.kind;
  if (wanted !== found.kind) {
    throw new SnapshotError(
      wanted === 'workshops'
        ? 'this source carries no event data (workshops need The Events Calendar REST API: /wp-json/tribe/events/v1/events)'
        : 'this source is an events response; use --kind workshops (or leave --kind out)',
    );
  }
  const limit = options.limit ?? Infinity;
  const written =
    found.kind === 'posts'
      ? toJsonFeed(found.parsed.items, found.header, limit)
      : toSchemaEvents(found.parsed.items, limit);
  return {
    kind: found.kind,
    text: `${JSON.stringify(written.document, null, 2)}\n`,
    count: written.count,
    skipped: found.parsed.skipped + written.skipped,
  };
}
