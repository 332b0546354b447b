const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

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
  return (kind === 'image' ? IMAGE_PROTOCOLS : LINK_PROTOCOLS).has(url.protocol) ? url.href : undefined;
}

/**
 * Items set from script get the same URL check as parsed data: every `url`, `href`, `src` and `…Url` field
 * that is not a web, mail or phone link (images: web), and every `image` left without a `src`, is dropped.
 * The items come back as a copy (dates as ISO strings, which the model accepts).
 */
export function checkedItems<T>(items: T[]): T[] {
  return JSON.parse(JSON.stringify(items), (key, value) =>
    (/^(url|href|src)$|Url$/.test(key) && !safeUrl(value, undefined, key == 'src' ? 'image' : 'link')) || (key == 'image' && !value?.src) ? undefined : value,
  );
}
