import type { Parsed, Post } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { parseRss } from './rss.js';
import { parseXml } from './xml.js';

/**
 * `format="rss"`: an RSS 2.0, RSS 1.0/RDF or Atom feed, told apart by its root element. RSS (WordPress's
 * `/feed/`) is read at once; the Atom reader, the full date reader, the repairs of XML that is not
 * well-formed and the error for XML that is not a feed load on demand, and then the result is a promise.
 */
export function parseFeed(body: Body): Parsed<Post> | Promise<Parsed<Post>> {
  const doc = parseXml(body.text);
  return doc instanceof Promise ? doc.then((repaired) => readFeed(repaired, body.url)) : readFeed(doc, body.url);
}

function readFeed(doc: Document, url: string): Parsed<Post> | Promise<Parsed<Post>> {
  const root = doc.documentElement.localName.toLowerCase();
  if (root === 'feed') return import('./atom.js').then((atom) => atom.parseAtom(doc, url));
  if (root === 'rss' || root === 'rdf' || root === 'channel') return parseRss(doc, url);
  return import('./not-a-feed.js').then((refusal) => refusal.notAFeed(doc));
}

export default parseFeed;
