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
