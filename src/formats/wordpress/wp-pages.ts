import type { Image, Parsed, Person } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { safeUrl } from '../../shared/url.js';
import { isObject, str } from '../json/json.js';
import { splitNameAndCredentials } from '../../person-title.js';
import { unreadable } from '../schema/schema-nodes.js';
import { rendered, wpArray } from './wp.js';

/** The featured image of a page (`?_embed`), at a size that suits a portrait. */
function portrait(page: Record<string, unknown>, base: string, alt: string): Image | undefined {
  const embedded = isObject(page._embedded) ? page._embedded['wp:featuredmedia'] : undefined;
  const media = Array.isArray(embedded) ? embedded[0] : undefined;
  if (!isObject(media)) return undefined;
  const details = isObject(media.media_details) ? media.media_details : {};
  const sizes = isObject(details.sizes) ? details.sizes : {};
  const size = [sizes.medium, sizes.thumbnail, sizes.medium_large].find(isObject) ?? details;
  const src = safeUrl(size.source_url ?? media.source_url, base, 'image');
  return src
    ? {
        src,
        alt: str(media.alt_text) || alt,
        width: Number(size.width) || undefined,
        height: Number(size.height) || undefined,
      }
    : undefined;
}

/**
 * `format="wp"` for faculty: WordPress pages (`/wp-json/wp/v2/pages?parent=…&_embed`). The title carries the
 * credentials ("Natan HarPaz, Ph.D, M.S.W, CGP, FAGPA"), the featured image is the photo, the excerpt the bio;
 * a job title is read from an ACF or meta field `job_title` when the site has one.
 */
export function parseWpPages(body: Body): Parsed<Person> {
  const people: Person[] = [];
  let skipped = 0;
  for (const page of wpArray(body, 'pages')) {
    const title = isObject(page) ? rendered(page.title) : '';
    if (!isObject(page) || !title) {
      skipped++;
      continue;
    }
    const { name, credentials } = splitNameAndCredentials(title);
    const fields = [page.acf, page.meta].find((f) => isObject(f) && f.job_title) as Record<string, unknown> | undefined;
    people.push({
      id: str(page.slug) || str(page.id),
      name,
      credentials,
      jobTitle: rendered(fields?.job_title),
      image: portrait(page, body.url, ''),
      url: safeUrl(page.link, body.url),
      bio: rendered(page.excerpt),
    });
  }
  if (!people.length && skipped) unreadable('page', 'Each page needs a title.');
  return { items: people, skipped };
}

export default parseWpPages;
