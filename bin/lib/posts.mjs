// Posts from RSS 2.0 / RSS 1.0 (RDF) / Atom 1.0 (read with rss-parser), the WordPress REST API
// (/wp-json/wp/v2/posts, with or without _embed) and JSON Feed, written out as JSON Feed 1.1.
import { SnapshotError } from './source.mjs';
import { clip, collapse, decodeHTML, firstImage, htmlToText, isObject, isoDate, safeUrl, str, unique } from './text.mjs';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

const keep = (from, to) => [from, to, { keepArray: true }];
const OPTIONS = {
  customFields: {
    feed: [keep('title', 'titleRaw'), 'subtitle'],
    item: [
      keep('title', 'titleRaw'), keep('link', 'linkRaw'), keep('content', 'contentRaw'), keep('summary', 'summaryRaw'),
      keep('category', 'categoryRaw'), keep('dc:subject', 'subjects'), keep('media:content', 'mediaContent'),
      keep('media:thumbnail', 'mediaThumbnail'), keep('media:group', 'mediaGroup'), keep('guid', 'guidRaw'), 'published', 'updated',
    ],
  },
};

/** Text of an xml2js node, whatever shape it came in. */
function deepText(node) {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(deepText).join(' ');
  if (isObject(node)) return Object.entries(node).filter(([k]) => k !== '$').map(([, v]) => deepText(v)).join(' ');
  return '';
}

/** An RSS text (XML text, decoded once) or an Atom text construct (`html`/`xhtml` reduced to text). */
function textConstruct(raw) {
  const node = Array.isArray(raw) ? raw[0] : raw;
  if (typeof node === 'string') return collapse(node);
  if (!isObject(node)) return '';
  const type = str(node.$?.type).toLowerCase();
  if (type === 'html' || type === 'text/html') return htmlToText(str(node._));
  if (type.includes('xhtml')) return collapse(deepText(node));
  return collapse(str(node._));
}

/** "editor@example.com (Jane Doe)" reads "Jane Doe". */
const authorName = (value) => /\(([^()]+)\)\s*$/.exec(value)?.[1].trim() ?? collapse(value);

function xmlImage(item, base, html) {
  const attrs = (list) => (Array.isArray(list) ? list : []).map((el) => (isObject(el) && isObject(el.$) ? el.$ : {}));
  const media = [
    ...attrs(item.mediaContent).filter((a) => a.medium === 'image' || /^image\//.test(str(a.type))),
    ...attrs(item.mediaThumbnail),
    ...(Array.isArray(item.mediaGroup) ? item.mediaGroup.flatMap((g) => attrs(g?.['media:content'])) : []),
  ];
  const candidates = [...media.map((a) => a.url), /^image\//.test(str(item.enclosure?.type)) ? item.enclosure.url : undefined];
  candidates.push(...attrs(item.linkRaw).filter((a) => a.rel === 'enclosure' && /^image\//.test(str(a.type))).map((a) => a.href));
  for (const candidate of candidates) {
    const src = safeUrl(candidate, base, 'image');
    if (src) return src;
  }
  return safeUrl(firstImage(html)?.src, base, 'image');
}

function atomLink(item) {
  const links = (Array.isArray(item.linkRaw) ? item.linkRaw : []).map((el) => (isObject(el) && isObject(el.$) ? el.$ : {}));
  const alternates = links.filter((a) => (a.rel ?? 'alternate') === 'alternate');
  return (alternates.find((a) => /html/.test(str(a.type))) ?? alternates[0])?.href;
}

/** Reads RSS/RDF/Atom with rss-parser; malformed XML and XML that is no feed are errors. */
export async function fromXml(text, sourceUrl, remote) {
  const root = /<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, ''))?.[1];
  // Loaded here, not at start-up: JSON sources and usage errors do not pay for xml2js.
  const { default: Parser } = await import('rss-parser');
  let feed;
  try {
    feed = await new Parser(OPTIONS).parseString(text);
  } catch (error) {
    const message = String(error?.message ?? error).split('\n')[0];
    if (/not recognized/i.test(message)) {
      throw new SnapshotError(`the XML is not an RSS, RDF or Atom feed (its root element is <${root ?? '?'}>)`, 'Point at a feed such as https://example.org/feed/.');
    }
    throw new SnapshotError(`the XML is malformed (${message})`, 'Check that the address serves the feed itself.');
  }
  const atom = root === 'feed';
  const self = safeUrl(feed.feedUrl, remote ? sourceUrl : undefined);
  const base = remote ? sourceUrl : self ?? safeUrl(feed.link);
  const items = feed.items.map((item) => {
    const guid = item.guidRaw?.[0];
    const permalink = typeof guid === 'string' || (isObject(guid) && guid.$?.isPermaLink !== 'false') ? item.guid : undefined;
    const url = safeUrl(atom ? atomLink(item) : item.link, base) ?? (atom ? undefined : safeUrl(permalink, base));
    const html = atom ? str(item.contentRaw?.[0]?._) || str(item.summaryRaw?.[0]?._) : item['content:encoded'] || item.content;
    const author = [item.creator, item.author].map((a) => collapse(typeof a === 'string' ? a : deepText(a?.name))).find(Boolean);
    const categories = [...(item.categoryRaw ?? []), ...(item.subjects ?? [])].map((c) =>
      typeof c === 'string' ? c : isObject(c) ? str(c._) || str(c.$?.label) || str(c.$?.term) : '',
    );
    return {
      id: collapse(str(atom ? item.id : item.guid)),
      url,
      title: textConstruct(item.titleRaw),
      summary: atom ? textConstruct(item.summaryRaw ?? item.contentRaw) : htmlToText(item.content || item['content:encoded']),
      date: isoDate(atom ? item.published || item.updated : item.pubDate || item.date),
      updated: atom ? isoDate(item.updated) : undefined,
      authors: author ? [{ name: authorName(author) }] : [],
      tags: unique(categories),
      image: xmlImage(item, base, html),
    };
  });
  return {
    title: textConstruct(feed.titleRaw) || collapse(str(feed.title)),
    home: safeUrl(feed.link, base),
    feedUrl: remote ? sourceUrl : self,
    description: atom ? textConstruct(feed.subtitle) : collapse(str(feed.description)),
    language: collapse(str(feed.language)),
    items,
  };
}

const embedded = (post, key) => (isObject(post._embedded) && Array.isArray(post._embedded[key]) ? post._embedded[key] : []);
const rendered = (value) => htmlToText(isObject(value) ? str(value.rendered) : str(value));
const wpDate = (gmt, local) => (str(gmt) ? isoDate(/[zZ]|[+-]\d\d:?\d\d$/.test(gmt) ? gmt : `${gmt}Z`) : isoDate(str(local)));

function wpImage(post, base) {
  const media = embedded(post, 'wp:featuredmedia')[0];
  if (isObject(media)) {
    const sizes = isObject(media.media_details?.sizes) ? media.media_details.sizes : {};
    const size = [sizes.medium_large, sizes.medium, sizes.large].find(isObject);
    const src = safeUrl(size?.source_url ?? media.source_url, base, 'image');
    if (src) return src;
  }
  return safeUrl(firstImage(isObject(post.content) ? str(post.content.rendered) : '')?.src, base, 'image');
}

/** `/wp-json/wp/v2/posts`: an array of posts, `_embedded` used when present. */
export function fromWpPosts(list, sourceUrl, remote) {
  const firstLink = list.map((p) => (isObject(p) ? safeUrl(p.link) : undefined)).find(Boolean);
  const home = remote ? new URL('/', sourceUrl).href : firstLink ? new URL('/', firstLink).href : undefined;
  const base = remote ? sourceUrl : home;
  const items = list.map((post) => {
    if (!isObject(post)) return {};
    const author = embedded(post, 'author')[0];
    const terms = embedded(post, 'wp:term').flat().filter((t) => isObject(t) && t.taxonomy === 'category');
    return {
      id: decodeHTML(str(isObject(post.guid) ? post.guid.rendered : '')) || str(post.link) || str(post.id),
      url: safeUrl(post.link, base),
      title: rendered(post.title),
      summary: rendered(post.excerpt),
      date: wpDate(post.date_gmt, post.date),
      updated: wpDate(post.modified_gmt, post.modified),
      authors: isObject(author) && str(author.name) ? [{ name: collapse(author.name), url: safeUrl(author.link, base) }] : [],
      tags: unique(terms.map((t) => htmlToText(str(t.name)))),
      image: wpImage(post, base),
    };
  });
  return { title: home ? new URL(home).hostname : 'Posts', home, feedUrl: remote ? sourceUrl : undefined, items };
}

/** JSON Feed 1.0/1.1 in: strings are literal text, as the widgets read them. */
export function fromJsonFeed(feed, sourceUrl, remote) {
  const base = remote ? sourceUrl : safeUrl(feed.feed_url) ?? safeUrl(feed.home_page_url);
  const feedAuthors = Array.isArray(feed.authors) ? feed.authors : isObject(feed.author) ? [feed.author] : [];
  const items = (Array.isArray(feed.items) ? feed.items : []).map((item) => {
    if (!isObject(item)) return {};
    const authors = Array.isArray(item.authors) ? item.authors : isObject(item.author) ? [item.author] : feedAuthors;
    return {
      id: str(item.id),
      url: safeUrl(item.url, base) ?? safeUrl(item.external_url, base),
      title: collapse(str(item.title)),
      summary: collapse(str(item.summary)) || collapse(str(item.content_text)) || htmlToText(str(item.content_html)),
      date: isoDate(str(item.date_published)),
      updated: isoDate(str(item.date_modified)),
      authors: authors.filter((a) => isObject(a) && str(a.name)).map((a) => ({ name: collapse(a.name), url: safeUrl(a.url, base) })),
      tags: unique(Array.isArray(item.tags) ? item.tags.map(str) : []),
      image: safeUrl(item.image, base, 'image') ?? safeUrl(item.banner_image, base, 'image'),
    };
  });
  return {
    title: collapse(str(feed.title)),
    home: safeUrl(feed.home_page_url, base),
    feedUrl: safeUrl(feed.feed_url, base) ?? (remote ? sourceUrl : undefined),
    description: collapse(str(feed.description)),
    language: collapse(str(feed.language)),
    items,
  };
}

/**
 * The JSON Feed 1.1 document, keys in a fixed order. Entries without id, link or title are skipped,
 * as are repeated ids (JSON Feed ids are unique); `content_text` repeats the summary because JSON
 * Feed requires a content field.
 */
export function toJsonFeed(feed, limit) {
  const seen = new Set();
  const items = [];
  let skipped = 0;
  for (const post of feed.items) {
    const id = post.id || post.url || (post.title ? `${post.title}|${post.date ?? ''}` : '');
    if (!id || (!post.url && !post.title) || seen.has(id)) {
      skipped++;
      continue;
    }
    seen.add(id);
    if (items.length >= limit) continue;
    const summary = clip(post.summary ?? '');
    items.push({
      id,
      url: post.url,
      title: post.title || undefined,
      summary: summary || undefined,
      content_text: summary,
      date_published: post.date,
      date_modified: post.updated,
      authors: post.authors?.length ? post.authors.map((a) => ({ name: a.name, url: a.url })) : undefined,
      tags: post.tags?.length ? post.tags : undefined,
      image: post.image,
    });
  }
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title || (feed.home ? new URL(feed.home).hostname : 'Posts'),
    home_page_url: feed.home,
    feed_url: feed.feedUrl,
    description: feed.description || undefined,
    language: feed.language || undefined,
    items,
  };
  return { document, count: items.length, skipped };
}
