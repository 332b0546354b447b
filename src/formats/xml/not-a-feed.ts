import { formatError } from '../../shared/load-error.js';

/**
 * The format error for well-formed XML that is not a feed (an XHTML page, a sitemap): loaded on demand,
 * so that the RSS reader does not carry it, nor the error class, for a mistake made once in setup.
 */
export function notAFeed(doc: Document): never {
  throw formatError(
    `the XML is a <${doc.documentElement.localName}> document, not an RSS or Atom feed`,
    'Point src at a feed such as https://example.org/feed/ (WordPress) or its /feed/atom/.',
  );
}
