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
    .replace(/[\x80-\x9f]/g, (c) =>
      (cp1252 ??= new TextDecoder('windows-1252')).decode(new Uint8Array([c.charCodeAt(0)])),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first `<img>` in some HTML as an image (its `src` resolved against `base`, web URLs only), without loading it. */
export function firstImage(html: string | null | undefined, base: string): Image | undefined {
  // Only the first <img …> tag is parsed, not the whole post (quoted attribute values may hold '>'). The
  // pattern is tried at the first "<img" only: tried at every "<img" of a long unclosed run, it took
  // quadratic time. A tag that never closes is no image.
  const tag = html?.slice(html.search(/<img\b/i)).match(/^<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/i)?.[0];
  const img = tag ? parseInertBody(tag).querySelector('img[src]') : null;
  const src = safeUrl(img?.getAttribute('src'), base, 'image');
  return src ? { src, alt: img!.getAttribute('alt') ?? '' } : undefined;
}

/**
 * Text from data cut to `max` characters before it reaches the DOM: CSS clamps what is shown, but layout
 * would still measure all of a megabyte-long title. The full text stays in the items.
 */
export function clip(text: string, max = 1000): string {
  // Not between the two halves of a surrogate pair.
  return text.length > max ? text.slice(0, max).replace(/[\ud800-\udbff]$/, '') + '…' : text;
}
