import { pageState } from './page-state.js';

const LINK_PROTOCOL = /^(https?|mailto|tel):$/;
const IMAGE_PROTOCOL = /^https?:$/;

/**
 * Resolves a URL from data against `base` and keeps it only when it is a plain web, mail or phone
 * link (images: web only). Everything else, `javascript:` and `data:` in any case or encoding
 * included, comes back `undefined`, so templates never bind an unchecked URL.
 */
export function safeUrl(value: unknown, base?: string, kind: 'link' | 'image' = 'link'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base ?? document.baseURI);
  } catch {
    return undefined;
  }
  return (kind === 'image' ? IMAGE_PROTOCOL : LINK_PROTOCOL).test(url.protocol) ? url.href : undefined;
}

/** Drops, in place, every unchecked URL field and every image left without a `src` (children first). */
function dropUnsafe(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    dropUnsafe(field);
    if (
      (/^(url|href|src)$|Url$/.test(key) && !safeUrl(field, undefined, key == 'src' ? 'image' : 'link')) ||
      (key == 'image' && !(field as { src?: unknown })?.src)
    ) {
      delete fields[key];
    }
  }
}

// Items a parser made, whose URLs it checked: shared on the page, since each parser file carries its own
// copy of this module.
const parsed = (pageState.checked ??= new WeakSet());

/** Notes items whose every URL a parser checked, so that setting them as `items` needs no copy. */
export function markChecked<T extends object>(items: T[]): T[] {
  for (const item of items) parsed.add(item);
  return items;
}

/**
 * Items set from script get the same URL check as parsed data: every `url`, `href`, `src` and `…Url` field
 * that is not a web, mail or phone link (images: web), and every `image` left without a `src`, is dropped.
 * Each item comes back as a copy, so a later change to the page's objects cannot slip past the check
 * (structuredClone keeps dates as dates and is several times faster than a JSON round trip, which remains
 * for items it cannot clone). Items a parser made (passed on from an `iigp-load` event, say) are used as
 * they are: copying would also compute every lazy excerpt and image.
 */
export function checkedItems<T>(items: T[]): T[] {
  return items.map((item) => {
    if (typeof item === 'object' && item !== null && parsed.has(item)) return item;
    let copy: T;
    try {
      copy = structuredClone(item);
    } catch {
      copy = JSON.parse(JSON.stringify(item) ?? 'null') as T;
    }
    dropUnsafe(copy);
    return copy;
  });
}
