import type { Body } from '../shared/loader.js';
import { formatError, type LoadError } from '../shared/load-error.js';
import { isObject, jsonOf } from './json/json.js';

/** What a body looks like: the values of the `format` attribute, plus `html` for a web page. */
export type DetectedFormat = 'rss' | 'json' | 'wp' | 'ics' | 'html' | 'unknown';

/**
 * Detects the format from the Content-Type and the first bytes of the body (`format="auto"`). Widgets load
 * this module on demand, alongside their data.
 */
export function detectFormat(body: Body): DetectedFormat {
  // trimStart() drops a byte order mark too (U+FEFF is white space to it).
  const text = body.text.trimStart();
  if (text[0] === '<') {
    // Skip the XML declaration, comments and processing instructions to reach the root element; a DOCTYPE
    // (whose internal subset may hold `>`) names it.
    const root = String(/^(?:<[?!][^>]*>\s*)*<(?:!doctype\s+)?([\w:-]+)/i.exec(text)?.[1].toLowerCase());
    return /^(html|head|body)$/.test(root) || (/html/.test(body.contentType) && !/^(rss|feed|rdf:rdf)$/.test(root))
      ? 'html'
      : 'rss';
  }
  if (/^BEGIN:VCALENDAR/i.test(text)) return 'ics';
  let value: unknown;
  try {
    value = jsonOf(body);
  } catch {
    // Not JSON either: left undefined, which reads as 'unknown' below.
  }
  const list = Array.isArray(value) ? (value as unknown[]) : undefined;
  const first = list ? list[0] : value;
  // An empty list is what WordPress answers for a category with no posts yet: empty, not an error.
  if (list && !list.length) return 'wp';
  if (!isObject(first)) return 'unknown';
  // WordPress REST: a list of objects with `{rendered}` titles, media or slugs; The Events Calendar: `{events}`.
  return (
    list
      ? isObject(first.title) || 'source_url' in first || 'slug' in first
      : Array.isArray(first.events) && !first['@context']
  )
    ? 'wp'
    : 'json';
}

export { formatOfUrl } from './format-of-url.js';

/** Why a body has no parser among `reads` (the widget's formats): `name` was asked for, or detected. */
export function noParser(name: string, forced: boolean, reads: string[]): LoadError {
  const list = reads.join(', ');
  const why = forced
    ? `format="${name}" is unknown`
    : name === 'html'
      ? 'it is an HTML page, not data'
      : `it is not ${list} data`;
  return formatError(why, `Point src at ${list} data (WordPress: /feed/ or /wp-json/…).`);
}
