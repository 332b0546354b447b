import { parseInert } from '../shared/policy.js';
import { formatError } from './format-error.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function hasError(doc: Document): boolean {
  // Chromium and WebKit insert a <parsererror> element; Firefox returns one as the root.
  return doc.getElementsByTagNameNS('*', 'parsererror').length > 0 || doc.getElementsByTagName('parsererror').length > 0;
}

const INTERNAL_SUBSET = /(<!DOCTYPE[^[>]*\[)([\s\S]*?)(\]\s*>)/i;
const PE_REFERENCE = /<!DOCTYPE[^[>]*\[[^\]]*%[\w.:-]+;/i;

/**
 * Parses XML with the platform's `DOMParser`. Feeds written by hand often use HTML entities that XML
 * leaves undefined (`&nbsp;`, `&eacute;`) or bare ampersands; like a forgiving feed reader, a second
 * pass repairs those. Anything else that is not well-formed is refused.
 */
export function parseXml(text: string): Document {
  let source = text.replace(/^\uFEFF/, '').trimStart();
  let doc = parseInert(source, 'application/xml');
  if (hasError(doc) && PE_REFERENCE.test(source)) {
    // WebKit refuses a reference to an external parameter entity it does not load (`%HTMLlat1;` in the
    // DOCTYPE); Chromium and Firefox skip it, as a non-validating parser may. Skip it in every engine.
    source = source.replace(INTERNAL_SUBSET, (_, open: string, subset: string, close: string) => open + subset.replace(/%[\w.:-]+;/g, '') + close);
    doc = parseInert(source, 'application/xml');
  }
  if (hasError(doc) && source.includes('&')) {
    // HTML entities become character references; a bare `&` (as in an unescaped query string) becomes `&amp;`.
    const fixed = source.replace(/&(?:([a-z][a-z0-9]*);|(?!#(?:\d+|x[\da-f]+);))/gi, (entity, name?: string) => {
      if (!name) return '&amp;';
      if (XML_ENTITIES.has(name)) return entity;
      // The HTML parser knows every named entity; its inert document only decodes this one.
      const char = parseInert(`<!doctype html><body>${entity}`, 'text/html').body.textContent ?? '';
      return char && char !== entity ? [...char].map((c) => `&#${c.codePointAt(0)};`).join('') : entity;
    });
    doc = parseInert(fixed, 'application/xml');
  }
  if (hasError(doc) || !doc.documentElement) {
    throw formatError('the response is not well-formed XML', 'Open the src address in a browser: a feed must be valid RSS or Atom.');
  }
  return doc;
}

/** The child elements of `parent` named `name` (local name), optionally only in the given namespaces. */
export function children(parent: Element, name: string, namespaces?: readonly (string | null)[]): Element[] {
  const found: Element[] = [];
  for (const el of parent.children) {
    if (el.localName === name && (!namespaces || namespaces.includes(el.namespaceURI))) found.push(el);
  }
  return found;
}

export function child(parent: Element, name: string, namespaces?: readonly (string | null)[]): Element | undefined {
  for (const el of parent.children) {
    if (el.localName === name && (!namespaces || namespaces.includes(el.namespaceURI))) return el;
  }
  return undefined;
}

/** The trimmed text of the first child named `name`, or ''. */
export function textOf(parent: Element, name: string, namespaces?: readonly (string | null)[]): string {
  return child(parent, name, namespaces)?.textContent?.trim() ?? '';
}

/** The base URL in effect at `el`: every `xml:base` from the root down, resolved against the document URL. */
export function baseOf(el: Element, documentUrl: string): string {
  const chain: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const base = node.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'base');
    if (base) chain.unshift(base.trim());
  }
  let url = documentUrl;
  for (const base of chain) {
    try {
      url = new URL(base, url).href;
    } catch {
      // An unusable xml:base is ignored, as feed readers do.
    }
  }
  return url;
}

export const NS = {
  dc: ['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/'],
  content: ['http://purl.org/rss/1.0/modules/content/'],
  media: ['http://search.yahoo.com/mrss/', 'http://search.yahoo.com/mrss'],
  atom: ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'],
} as const;
