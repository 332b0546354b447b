/**
 * What a feed says about itself (title, home page, own address, description, language), which JSON Feed
 * writes in its header and the model has no place for: the widgets show entries only. Read with the same
 * helpers as the entries (xml.ts, atom.ts, url.ts).
 */
import { atomText } from '../formats/xml/atom.js';
import { isObject, str } from '../formats/json/json.js';
import type { FeedHeader } from '../formats/json/json-feed-write.js';
import { baseOf, childrenOf, textOf } from '../formats/xml/xml.js';
import { collapse } from '../shared/text.js';
import { safeUrl } from '../shared/url.js';

const ATOM = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#', null];
const DC = ['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/'];

export interface FeedInfo extends FeedHeader {
  /** The address the feed gives for itself (Atom `rel="self"`, RSS `atom:link`), resolved. */
  self?: string;
}

/** The header of an RSS, RDF or Atom document; links resolve against `url`. */
export function xmlFeedInfo(doc: Document, url: string): FeedInfo {
  const root = doc.documentElement;
  const linkRel = (el: Element) => el.getAttribute('rel') ?? 'alternate';
  if (root.localName === 'feed') {
    const get = childrenOf(root);
    const base = baseOf(root, url);
    const links = get('link', ATOM);
    const href = (rel: string) => safeUrl(links.find((el) => linkRel(el) === rel)?.getAttribute('href'), base);
    return {
      title: atomText(get('title', ATOM)[0]),
      home: href('alternate'),
      self: href('self'),
      description: atomText(get('subtitle', ATOM)[0] ?? get('tagline', ATOM)[0]),
      language: collapse(root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') ?? ''),
    };
  }
  const rss = [null, 'http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/', root.namespaceURI];
  const channel = childrenOf(root)('channel', rss)[0];
  if (!channel) return { title: '' };
  const get = childrenOf(channel);
  const base = baseOf(channel, url);
  const self = get('link', ['http://www.w3.org/2005/Atom']).find((el) => linkRel(el) === 'self');
  return {
    title: collapse(textOf(get('title', rss)[0])),
    home: safeUrl(textOf(get('link', rss)[0]), base),
    self: safeUrl(self?.getAttribute('href'), base),
    description: collapse(textOf(get('description', rss)[0])),
    language: collapse(textOf(get('language', rss)[0]) || textOf(get('language', DC)[0])),
  };
}

/** The header of a JSON Feed; links resolve against `url`. */
export function jsonFeedInfo(feed: Record<string, unknown>, url: string): FeedInfo {
  const self = safeUrl(feed.feed_url, url);
  return {
    title: collapse(str(feed.title)),
    home: safeUrl(feed.home_page_url, self ?? url),
    self,
    description: collapse(str(feed.description)),
    language: collapse(str(feed.language)),
  };
}

/** A WordPress REST list of posts names no feed: its home is the site of its first post link. */
export function wpPostsHome(list: unknown[]): string | undefined {
  const link = list.map((post) => (isObject(post) ? safeUrl(post.link) : undefined)).find(Boolean);
  return link && new URL('/', link).href;
}
