import type { Image, Parsed, Post } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { collapse, htmlToText } from '../../shared/text.js';
import { markChecked, safeUrl } from '../../shared/url.js';
import { parseIsoDate } from '../dates/dates.js';
import { formatError } from '../../shared/load-error.js';
import { isObject, jsonOf, str } from './json.js';

/** `format="json"` for posts: JSON Feed 1.1 (and 1.0). Strings are shown literally, as text. */
export function parseJsonFeed(body: Body): Parsed<Post> {
  const feed = jsonOf(body);
  if (!isObject(feed) || !Array.isArray(feed.items) || !/jsonfeed\.org\/version\//.test(str(feed.version))) {
    throw formatError(
      'the JSON is not a JSON Feed (no "version" and "items")',
      'Use a JSON Feed 1.1 file, e.g. made by: npx iigp-widgets snapshot <feed-url> --out posts.json',
    );
  }
  const base = safeUrl(feed.feed_url, body.url) ?? body.url;
  const feedAuthors = Array.isArray(feed.authors) ? feed.authors : isObject(feed.author) ? [feed.author] : [];
  const posts: Post[] = [];
  let skipped = 0;
  for (const item of feed.items) {
    if (!isObject(item) || (!item.id && !item.url && !item.title)) {
      skipped++;
      continue;
    }
    const url = safeUrl(item.url, base) ?? safeUrl(item.external_url, base);
    const authors = Array.isArray(item.authors) ? item.authors : isObject(item.author) ? [item.author] : feedAuthors;
    const image = safeUrl(item.image, base, 'image') ?? safeUrl(item.banner_image, base, 'image');
    // JSON Feed has a URL for an image; a snapshot adds its alt text and size in its own extension.
    const about = isObject(item._iigp) && isObject(item._iigp.image) ? item._iigp.image : {};
    const picture: Image | undefined = image ? { src: image, alt: str(about.alt) } : undefined;
    for (const key of ['width', 'height'] as const)
      if (picture && Number(about[key]) > 0) picture[key] = Number(about[key]);
    posts.push({
      id: str(item.id) || url || String(posts.length),
      title: collapse(str(item.title)),
      url,
      date: parseIsoDate(str(item.date_published)),
      updated: parseIsoDate(str(item.date_modified)),
      author: authors
        .filter(isObject)
        .map((a) => str(a.name))
        .filter(Boolean)
        .join(', '),
      excerpt: collapse(str(item.summary)) || collapse(str(item.content_text)) || htmlToText(str(item.content_html)),
      image: picture,
      categories: Array.isArray(item.tags) ? item.tags.map(str).filter(Boolean) : [],
    });
  }
  return { items: markChecked(posts), skipped };
}

export default parseJsonFeed;
