import type { Body } from '../shared/loader.js';
import { isObject, jsonOf } from './format-error.js';

/** What a body looks like: the `format` names of DESIGN.md, plus `html` for a web page. */
export type DetectedFormat = 'rss' | 'json' | 'wp' | 'ics' | 'html' | 'unknown';

/** Detects the format from the Content-Type and the first bytes of the body (`format="auto"`). */
export function detectFormat(body: Body): DetectedFormat {
  const text = body.text.replace(/^\uFEFF/, '').trimStart();
  const type = body.contentType.toLowerCase();
  if (text.startsWith('<')) {
    const start = text.slice(0, 1024).replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').trimStart();
    if (/^<(!doctype\s+html|html|head|body)\b/i.test(start) || (type.includes('text/html') && !/^<(rss|feed|rdf:rdf)\b/i.test(start))) {
      return 'html';
    }
    return 'rss';
  }
  if (/^BEGIN:VCALENDAR/i.test(text) || type.includes('text/calendar')) return 'ics';
  if (text.startsWith('{') || text.startsWith('[')) {
    let value: unknown;
    try {
      value = jsonOf(body);
    } catch {
      return 'unknown';
    }
    if (Array.isArray(value)) {
      const first = value[0];
      if (isObject(first) && (isObject(first.title) || 'source_url' in first || 'slug' in first)) return 'wp';
      return 'json';
    }
    if (isObject(value)) {
      if (Array.isArray(value.events) && !value['@context']) return 'wp'; // The Events Calendar REST
      return 'json';
    }
  }
  return 'unknown';
}
