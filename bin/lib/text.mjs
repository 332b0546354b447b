// Text, URL and date helpers for the snapshot command. They follow the browser side's rules
// (src/shared/text.ts, src/shared/url.ts) so a snapshot reads the same as the feed it came from.
import { createRequire } from 'node:module';

// `entities` is rss-parser's own dependency; resolving it from rss-parser's folder works however
// npm laid node_modules out, and needs no extra entry in package.json.
const require = createRequire(import.meta.url);
const { decodeHTML } = createRequire(require.resolve('rss-parser'))('entities');

export { decodeHTML };

/** Collapses runs of whitespace and trims, as HTML rendering would. */
export function collapse(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

const DROPPED = /<(script|style|template|noscript|iframe|object|svg|math)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|figure|figcaption|section|article|header|footer|pre|hr|table)\b[^>]*>/gi;

/**
 * HTML reduced to the text a reader would see: comments, `script`/`style` and the like dropped with
 * their content, tags removed (block tags end words), entities decoded once, whitespace collapsed.
 */
export function htmlToText(html) {
  if (typeof html !== 'string' || !html) return '';
  if (!/[<&]/.test(html)) return collapse(html);
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(DROPPED, ' ')
    .replace(BLOCK, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return collapse(decodeHTML(text));
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function clip(text, max = 600) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/(?<![\s,;:.–—-])[\s,;:.–—-]+$/, '')}…`;
}

/** The `src` and `alt` of the first `<img>` in some HTML. */
export function firstImage(html) {
  if (typeof html !== 'string') return undefined;
  const tag = /<img\b[^>]*>/i.exec(html)?.[0];
  if (!tag) return undefined;
  const attr = (name) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    return m ? decodeHTML(m[1] ?? m[2] ?? m[3]) : undefined;
  };
  return attr('src') ? { src: attr('src'), alt: attr('alt') ?? '' } : undefined;
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * A URL from data resolved against `base`, kept only when it is a web, mail or phone link (images:
 * web only). Anything else (`javascript:`, `data:`, unresolvable relative links) is `undefined`.
 */
export function safeUrl(value, base, kind = 'link') {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let url;
  try {
    url = base ? new URL(value.trim(), base) : new URL(value.trim());
  } catch {
    return undefined;
  }
  return (kind === 'image' ? IMAGE_PROTOCOLS : LINK_PROTOCOLS).has(url.protocol) ? url.href : undefined;
}

/** A string field, or '' for anything else: data is never trusted to be typed. */
export function str(value) {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A date as RFC 3339 in UTC without milliseconds, or undefined when it does not parse. A date
 * without a zone is read as UTC (as the browser parsers read it), never in the machine's own zone,
 * so the output does not depend on where the command runs.
 */
export function isoDate(value) {
  if (!value) return undefined;
  let text = collapse(String(value));
  if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
  else if (!/^\d{4}-\d\d/.test(text) && !/(?:Z|[+-]\d\d:?\d\d|\b(?:GMT|UTC?|[ECMP][SD]T)|\b[A-IK-Z])$/i.test(text)) text = `${text} GMT`;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

/** Unique, non-empty strings in first-seen order. */
export function unique(values) {
  return [...new Set(values.map(collapse).filter(Boolean))];
}
