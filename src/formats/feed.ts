import type { Parsed, Post } from '../model.js';
import type { Body } from '../shared/loader.js';
import { formatError } from './format-error.js';
import { parseRss } from './rss.js';
import { parseXml } from './xml.js';

/**
 * `format="rss"`: an RSS 2.0, RSS 1.0/RDF or Atom feed, told apart by its root element. RSS (WordPress's
 * `/feed/`) is read at once; the Atom reader loads on demand, so Atom gives a promise.
 */
export function parseFeed(body: Body): Parsed<Post> | Promise<Parsed<Post>> {
  const doc = parseXml(body.text);
  const root = doc.documentElement.localName.toLowerCase();
  if (root === 'feed') return import('./atom.js').then((atom) => atom.parseAtom(doc, body.url));
  if (root === 'rss' || root === 'rdf' || root === 'channel') return parseRss(doc, body.url);
  throw formatError(
    `the XML is a <${doc.documentElement.localName}> document, not an RSS or Atom feed`,
    'Point src at a feed such as https://example.org/feed/ (WordPress) or its /feed/atom/.',
  );
}
