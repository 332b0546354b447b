import type { Image, Parsed, Post } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { firstImage, htmlToText } from '../../shared/text.js';
import { markChecked, safeUrl } from '../../shared/url.js';
import { parseIsoDate } from '../dates/dates.js';
import { formatError } from '../../shared/load-error.js';
import { isObject, jsonOf, str } from '../json/json.js';

/** A `{ rendered }` field of the WordPress REST API as text. */
export function rendered(value: unknown): string {
  return htmlToText(isObject(value) ? str(value.rendered) : str(value));
}

/** WordPress writes `date_gmt` without a zone; it is UTC. */
export function wpDate(gmt: unknown, local?: unknown): Date | undefined {
  const text = str(gmt) || str(local);
  if (!text) return undefined;
  return parseIsoDate(str(gmt) && !/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? `${text}Z` : text);
}

function embedded(post: Record<string, unknown>, key: string): unknown[] {
  const value = isObject(post._embedded) ? post._embedded[key] : undefined;
  return Array.isArray(value) ? value : [];
}

function featuredImage(post: Record<string, unknown>, base: string): Image | undefined {
  const media = embedded(post, 'wp:featuredmedia')[0];
  if (isObject(media)) {
    const details = isObject(media.media_details) ? media.media_details : {};
    const sizes = isObject(details.sizes) ? details.sizes : {};
    const size = [sizes.medium_large, sizes.medium, sizes.large].find(isObject);
    const src = safeUrl(size?.source_url ?? media.source_url, base, 'image');
    if (src) {
      return {
        src,
        alt: str(media.alt_text),
        width: Number(size?.width ?? details.width) || undefined,
        height: Number(size?.height ?? details.height) || undefined,
      };
    }
  }
  return firstImage(isObject(post.content) ? str(post.content.rendered) : '', base);
}

function categories(post: Record<string, unknown>): string[] {
  return embedded(post, 'wp:term')
    .flat()
    .filter((term): term is Record<string, unknown> => isObject(term) && term.taxonomy === 'category')
    .map((term) => htmlToText(str(term.name)))
    .filter(Boolean);
}

/** Checks that a WordPress REST body is an array, with the usual mistakes named. */
export function wpArray(body: Body, what: string): unknown[] {
  const value = jsonOf(body);
  if (Array.isArray(value)) return value;
  const message =
    isObject(value) && value.code ? `WordPress answered "${str(value.code)}"` : `the JSON is not a list of ${what}`;
  throw formatError(message, `Point src at a WordPress REST collection such as /wp-json/wp/v2/${what}.`);
}

/** `format="wp"`: `/wp-json/wp/v2/posts`, with `_embed` for the featured image, author and categories. */
export function parseWpPosts(body: Body): Parsed<Post> {
  const posts: Post[] = [];
  let skipped = 0;
  for (const post of wpArray(body, 'posts')) {
    if (!isObject(post) || (!isObject(post.title) && !post.link)) {
      skipped++;
      continue;
    }
    const author = embedded(post, 'author')[0];
    const url = safeUrl(post.link, body.url);
    posts.push({
      id: str(post.id) || url || String(posts.length),
      title: rendered(post.title),
      url,
      date: wpDate(post.date_gmt, post.date),
      updated: wpDate(post.modified_gmt, post.modified),
      author: isObject(author) ? str(author.name) : '',
      excerpt: rendered(post.excerpt),
      image: featuredImage(post, body.url),
      categories: categories(post),
    });
  }
  return { items: markChecked(posts), skipped };
}

export default parseWpPosts;
