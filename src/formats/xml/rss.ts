import type { Image, Parsed, Post } from '../../model.js';
import { collapse, firstImage, htmlToText } from '../../shared/text.js';
import { markChecked, safeUrl } from '../../shared/url.js';
import { parseCommonDate } from '../dates/common-dates.js';
import { lazy } from '../../shared/lazy.js';
import { NS, baseOf, childrenOf, misreadUtf8, textOf, type Children } from './xml.js';

/** Elements of RSS 0.9x/2.0 (no namespace) and RSS 0.90/1.0 (RDF) items. */
const RSS = [null, 'http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'];
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** Whether an element's `type` is an image's media type. */
const isImage = (el: Element) => /^image\//.test(el.getAttribute('type') ?? '');

/** The image an item names in its elements (Media RSS, an image enclosure); else the content's first is used. */
function imageOf(get: Children, base: string): Image | undefined {
  const media = [
    ...get('content', NS.media).filter((el) => el.getAttribute('medium') === 'image' || isImage(el)),
    ...get('thumbnail', NS.media),
  ];
  for (const group of get('group', NS.media)) media.push(...childrenOf(group)('content', NS.media));
  for (const el of media) {
    const src = safeUrl(el.getAttribute('url'), base, 'image');
    if (src) {
      const width = Number(el.getAttribute('width')) || undefined;
      const height = Number(el.getAttribute('height')) || undefined;
      return { src, alt: '', width, height };
    }
  }
  for (const el of get('enclosure')) {
    const src = isImage(el) ? safeUrl(el.getAttribute('url'), base, 'image') : undefined;
    if (src) return { src, alt: '' };
  }
  return undefined;
}

/**
 * The name in an RSS author field: "jane@example.com (Jane Doe)", "Jane Doe (jane@example.com)" and
 * "Jane Doe <jane@example.com>" all read "Jane Doe"; a bare address is kept.
 */
export function authorName(value: string): string {
  // Linear in the input: no quantifier can trade characters with another (the first `@` ends the first run).
  const name = value.replace(/<[^<>@]*@[^<>]*>|\([^()@]*@[^()]*\)/g, '').trim();
  const named = /^[^\s@]+@[^\s(]+\s*\((.*)\)$/.exec(name);
  return (named ? named[1].trim() : name) || value.trim();
}

/**
 * RSS 2.0, 0.9x and RSS 1.0 (RDF) `<item>`s as posts. Titles are XML text, decoded once. Dates are read
 * with common-dates.ts (RFC 822 as WordPress writes it, ISO 8601); a date it cannot read has the feed
 * read again, as a promise, with `readDate` the full reader of dates.ts, loaded on demand.
 */
export function parseRss(
  doc: Document,
  documentUrl: string,
  readDate?: (text: string) => Date | undefined,
): Parsed<Post> | Promise<Parsed<Post>> {
  let unread = false;
  const read = (text: string) => {
    const date = (readDate ?? parseCommonDate)(text);
    if (text && !date && !readDate) unread = true;
    return date;
  };
  const root = doc.documentElement;
  // Also RSS put in a namespace of its own (Userland's "http://backend.userland.com/rss2").
  const rss = root.localName === 'rss' ? [...RSS, root.namespaceURI] : RSS;
  const channel = childrenOf(root)('channel', rss)[0];
  // RSS 2.0 nests items in <channel>; RDF puts them beside it.
  const items = [...(channel ? childrenOf(channel)('item', rss) : []), ...childrenOf(root)('item', rss)];
  const posts: Post[] = [];
  let skipped = 0;
  for (const item of items) {
    const get = childrenOf(item);
    const base = baseOf(item, documentUrl);
    const text = (name: string, namespaces: readonly (string | null)[] = rss) => textOf(get(name, namespaces)[0]);
    const dc = (name: string) => text(name, NS.dc);
    const [guid] = get('guid', rss);
    const guidText = textOf(guid);
    const about = item.getAttributeNS(RDF, 'about');
    const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? guidText : undefined;
    const url = safeUrl(text('link'), base) ?? safeUrl(permalink, base) ?? safeUrl(about, base);
    if (!item.children.length && !url) {
      // An empty <item/> carries nothing to show; any item with content is kept, as feed readers do.
      skipped++;
      continue;
    }
    // Whitespace in XML titles is layout, not content. A title whose text is markup (`1930ft<sup>2</sup> &amp;
    // parking` in CDATA, as some generators write) reads as what it displays; a `<` that opens no whole tag stays.
    const titleText = text('title') || dc('title');
    const title = /<\/?[a-z][^<>]*>|&#?\w+;/i.test(titleText) ? htmlToText(titleText) : collapse(titleText);
    // `<summary>` (of no RSS standard; some generators write Atom's name) is a description too: of the two,
    // the first given is the excerpt, as feed readers take it.
    let first = item.firstElementChild;
    while (first && !(/^(?:summary|description)$/.test(first.localName) && rss.includes(first.namespaceURI)))
      first = first.nextElementSibling;
    const description = textOf(first ?? undefined) || text('description') || dc('description');
    const html = text('encoded', NS.content) || description;
    const date = read(text('pubDate') || dc('date') || dc('issued') || dc('created') || dc('modified'));
    const updated = read(dc('modified'));
    // Read again, all of it, once the full reader has loaded: simpler than filling in dates (and ids made of them).
    if (unread) return import('../dates/dates.js').then((dates) => parseRss(doc, documentUrl, dates.parseDate));
    const authors = [...get('creator', NS.dc), ...get('author', [...rss, ...NS.dc])];
    const post: Post = {
      id: guidText || about || url || `${title}|${date?.toISOString() ?? posts.length}`,
      title,
      url,
      date,
      updated,
      author: authors
        .map((el) => authorName(misreadUtf8(el.textContent ?? '')))
        .filter(Boolean)
        .join(', '),
      excerpt: '',
      image: imageOf(get, base),
      // `<tags>a, b</tags>`, a common element of no standard, first.
      categories: [...text('tags').split(','), ...[...get('category', rss), ...get('subject', NS.dc)].map(textOf)]
        .map((name) => name.trim())
        .filter(Boolean),
    };
    // Reduced from markup when first read: a widget shows a few items, and excerpts and images only when asked.
    lazy(post, 'excerpt', htmlToText, description || html);
    if (!post.image) lazy(post, 'image', firstImage, html, base);
    posts.push(post);
  }
  return { items: markChecked(posts), skipped };
}
