import type { Post } from '../../model.js';
import { toDate } from '../../shared/format.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** What a JSON Feed says about itself; the model has no place for it (the widgets show entries only). */
export interface FeedHeader {
  title: string;
  home?: string;
  feedUrl?: string;
  description?: string;
  language?: string;
}

/** A date as RFC 3339 in UTC (`2016-04-11T14:00:00Z`), with milliseconds only when it has some. */
export function instant(value: Date | string | undefined): string | undefined {
  return toDate(value)
    ?.toISOString()
    .replace(/\.000Z$/, 'Z');
}

/**
 * Posts as a JSON Feed 1.1 document, keys in a fixed order, written so that `parseJsonFeed` reads back
 * the same posts: the title and excerpt as text (`summary`, repeated as `content_text` because JSON Feed
 * requires a content field), the author as the model keeps it (one display name), dates in UTC, an image's alt text and size in
 * the extension `_iigp` (JSON Feed names custom fields with a leading underscore). A post
 * whose id was seen already is skipped (JSON Feed ids are unique), as is one without an id; at most
 * `limit` posts are written, in the given order.
 */
export function toJsonFeed(
  posts: Post[],
  header: FeedHeader,
  limit = Infinity,
): { document: object; count: number; skipped: number } {
  const seen = new Set<string>();
  const items: object[] = [];
  let skipped = 0;
  for (const post of posts) {
    if (!post.id || seen.has(post.id)) {
      skipped++;
      continue;
    }
    seen.add(post.id);
    if (items.length >= limit) continue;
    const excerpt = post.excerpt ?? '';
    const image = post.image;
    items.push({
      id: post.id,
      url: post.url,
      title: post.title || undefined,
      summary: excerpt || undefined,
      content_text: excerpt,
      date_published: instant(post.date),
      date_modified: instant(post.updated),
      authors: post.author ? [{ name: post.author }] : undefined,
      tags: post.categories?.length ? post.categories : undefined,
      image: post.image?.src,
      // JSON Feed's image is a URL: its alt text and size, which the widget shows, go in the snapshot's extension.
      _iigp:
        image && (image.alt || image.width || image.height)
          ? { image: { alt: image.alt || undefined, width: image.width, height: image.height } }
          : undefined,
    });
  }
  const document = {
    version: JSON_FEED_VERSION,
    title: header.title,
    home_page_url: header.home,
    feed_url: header.feedUrl,
    description: header.description || undefined,
    language: header.language || undefined,
    items,
  };
  return { document, count: items.length, skipped };
}
