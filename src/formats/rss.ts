import type { Image, Parsed, Post } from '../model.js';
import { firstImage, htmlToText } from '../shared/text.js';
import { safeUrl } from '../shared/url.js';
import { parseDate } from './dates.js';
import { NS, baseOf, child, children, textOf } from './xml.js';

/** Elements of RSS 0.9x/2.0 (no namespace) and RSS 0.90/1.0 (RDF) items. */
const RSS = [null, 'http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'];

function imageOf(item: Element, base: string, html: string): Image | undefined {
  const media = [
    ...children(item, 'content', NS.media).filter(
      (el) => el.getAttribute('medium') === 'image' || /^image\//.test(el.getAttribute('type') ?? ''),
    ),
    ...children(item, 'thumbnail', NS.media),
  ];
  for (const group of children(item, 'group', NS.media)) media.push(...children(group, 'content', NS.media));
  for (const el of media) {
    const src = safeUrl(el.getAttribute('url'), base, 'image');
    if (src) {
      const width = Number(el.getAttribute('width')) || undefined;
      const height = Number(el.getAttribute('height')) || undefined;
      return { src, alt: '', width, height };
    }
  }
  for (const el of children(item, 'enclosure')) {
    const src = /^image\//.test(el.getAttribute('type') ?? '') ? safeUrl(el.getAttribute('url'), base, 'image') : undefined;
    if (src) return { src, alt: '' };
  }
  const img = firstImage(html);
  const src = img && safeUrl(img.src, base, 'image');
  return src ? { src, alt: img.alt } : undefined;
}

/** "editor@example.com (Jane Doe)" reads "Jane Doe"; a bare address is kept. */
function authorName(value: string): string {
  return /\(([^)]+)\)\s*$/.exec(value)?.[1].trim() ?? value;
}

/** RSS 2.0, 0.9x and RSS 1.0 (RDF) `<item>`s as posts. Titles are XML text, decoded once. */
export function parseRss(doc: Document, documentUrl: string): Parsed<Post> {
  const root = doc.documentElement;
  const channel = child(root, 'channel', RSS);
  // RSS 2.0 nests items in <channel>; RDF puts them beside it.
  const items = [...(channel ? children(channel, 'item', RSS) : []), ...children(root, 'item', RSS)];
  const posts: Post[] = [];
  let skipped = 0;
  for (const item of items) {
    const base = baseOf(item, documentUrl);
    const guid = child(item, 'guid', RSS);
    const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? guid.textContent?.trim() : undefined;
    const url = safeUrl(textOf(item, 'link', RSS), base) ?? safeUrl(permalink, base) ?? safeUrl(item.getAttribute('rdf:about'), base);
    const title = htmlSafeTitle(textOf(item, 'title', RSS));
    const html = textOf(item, 'encoded', NS.content) || textOf(item, 'description', RSS);
    const date = parseDate(textOf(item, 'pubDate', RSS) || textOf(item, 'date', NS.dc));
    if (!title && !url && !html) {
      skipped++;
      continue;
    }
    posts.push({
      id: guid?.textContent?.trim() || url || `${title}|${date?.toISOString() ?? posts.length}`,
      title,
      url,
      date,
      author: authorName(textOf(item, 'creator', NS.dc) || textOf(item, 'author', RSS)),
      excerpt: htmlToText(textOf(item, 'description', RSS) || html),
      image: imageOf(item, base, html),
      categories: [...children(item, 'category', RSS), ...children(item, 'subject', NS.dc)]
        .map((el) => el.textContent?.trim() ?? '')
        .filter(Boolean),
    });
  }
  return { items: posts, skipped };
}

/** Whitespace in XML titles is layout, not content. */
function htmlSafeTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
