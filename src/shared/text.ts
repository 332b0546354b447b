import type { Image } from '../model.js';
import { parseInertBody } from './policy.js';
import { safeUrl } from './url.js';

/**
 * Reduces HTML to the text a reader would see: tags removed, `script`/`style` dropped, entities
 * decoded once, whitespace collapsed. Used for WordPress `rendered` fields, Atom `html` and RSS
 * descriptions; the result is always rendered as text.
 */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return collapse(html);
  const doc = parseInertBody(html);
  // Their content is never shown (an <object>'s is its fallback text, which is kept).
  for (const el of doc.querySelectorAll('script,style,template,noscript,iframe')) el.remove();
  // Block elements end words: "<p>One</p><p>Two</p>" reads "One Two", not "OneTwo".
  for (const el of doc.querySelectorAll('p,div,br,li,h1,h2,h3,h4,h5,h6,blockquote,tr,figure,figcaption')) {
    el.append(' ');
  }
  return collapse(doc.textContent ?? '');
}

let cp1252: TextDecoder | undefined;

/**
 * Collapses runs of whitespace and trims, as HTML rendering would. C1 control characters, which no
 * text means, are read as the windows-1252 characters their writer meant (U+0092 is ’), as HTML does.
 */
export function collapse(text: string): string {
  return text
    .replace(/[\x80-\x9f]/g, (c) => (cp1252 ??= new TextDecoder('windows-1252')).decode(new Uint8Array([c.charCodeAt(0)])))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The end (index after `>`) of the tag that opens at `start`, quoted attribute values skipped; -1 when it never closes. */
function tagEnd(html: string, start: number): number {
  for (let i = start; i < html.length; i++) {
    const c = html[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      i = html.indexOf(c, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** The first `<img>` in some HTML as an image (its `src` resolved against `base`, web URLs only), without loading it. */
export function firstImage(html: string | null | undefined, base: string): Image | undefined {
  // Only the first <img …> tag is parsed, not the whole post (quoted attribute values may hold '>'). Its end
  // is found by one scan: a tag that never closes means no image (a pattern retried at every "<img" of a
  // long unclosed run would take quadratic time).
  const start = html ? html.search(/<img\b/i) : -1;
  const end = start < 0 ? -1 : tagEnd(html!, start);
  const img = end > 0 ? parseInertBody(html!.slice(start, end)).querySelector('img[src]') : null;
  const src = safeUrl(img?.getAttribute('src'), base, 'image');
  return src ? { src, alt: img!.getAttribute('alt') ?? '' } : undefined;
}

/**
 * Text from data cut to `max` characters (at a word when one ends near the cut) before it reaches the
 * DOM: CSS clamps what is shown, but layout would still measure all of a megabyte-long title. The full
 * text stays in the items.
 */
export function clip(text: string, max = 1000): string {
  if (text.length <= max) return text;
  // Not between the two halves of a surrogate pair.
  const cut = text.slice(0, /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}\u2026`;
}
