import type { NewsletterIssue, Parsed } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { safeUrl } from '../../shared/url.js';
import { isObject, str } from '../json/json.js';
import { rendered, wpArray, wpDate } from './wp.js';

/**
 * `format="wp"` for newsletters: WordPress media (`/wp-json/wp/v2/media?mime_type=application/pdf`). Only
 * PDFs are kept; each links to the file itself (`source_url`), not to its attachment page.
 */
export function parseWpMedia(body: Body): Parsed<NewsletterIssue> {
  const issues: NewsletterIssue[] = [];
  let skipped = 0;
  for (const media of wpArray(body, 'media')) {
    const url = isObject(media) ? safeUrl(media.source_url, body.url) : undefined;
    if (!isObject(media) || !url) {
      skipped++;
      continue;
    }
    const type = str(media.mime_type);
    if (type ? type !== 'application/pdf' : !/\.pdf$/i.test(new URL(url).pathname)) continue;
    const details = isObject(media.media_details) ? media.media_details : {};
    issues.push({
      id: str(media.id) || url,
      title: rendered(media.title),
      url,
      date: wpDate(media.date_gmt, media.date),
      type: 'application/pdf',
      size: Number(details.filesize) || undefined,
    });
  }
  return { items: issues, skipped };
}

export default parseWpMedia;
