import type { Body } from '../shared/loader.js';
import { isObject, jsonOf } from './format-error.js';

/** What a body looks like: the `format` names of DESIGN.md, plus `html` for a web page. */
export type DetectedFormat = 'rss' | 'json' | 'wp' | 'ics' | 'html' | 'unknown';

/** Detects the format from the Content-Type and the first bytes of the body (`format="auto"`). */
export function detectFormat(body: Body): DetectedFormat {
  const text = body.text.replace(/^\uFEFF/, '').trimStart();
  if (text[0] === '<') {
    // Skip the XML declaration, comments and processing instructions to reach the root element.
    const root = /^(?:<[?!][^>]*>\s*)*<([\w:!-]+)/.exec(text)?.[1].toLowerCase() ?? '';
    return /^(!doctype|html|head|body)$/.test(root) || (/html/.test(body.contentType) && !/^(rss|feed|rdf:rdf)$/.test(root))
      ? 'html'
      : 'rss';
  }
  if (/^BEGIN:VCALENDAR/i.test(text)) return 'ics';
  let value: unknown;
  try {
    value = jsonOf(body);
  } catch {
    return 'unknown';
  }
  // An empty list is what WordPress answers for a category with no posts yet: empty, not an error.
  if (Array.isArray(value) && !value.length) return 'wp';
  const first = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) return 'unknown';
  // WordPress REST: a list of objects with `{rendered}` titles, media or slugs; The Events Calendar: `{events}`.
  return Array.isArray(value)
    ? isObject(first.title) || 'source_url' in first || 'slug' in first
      ? 'wp'
      : 'json'
    : Array.isArray(first.events) && !first['@context']
      ? 'wp'
      : 'json';
}
