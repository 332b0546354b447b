import { parseInert } from '../../shared/policy.js';
import { hasError } from './has-error.js';
import { DECLARATION, REFUSED_CHARACTER, wellFormed } from './well-formed.js';

/**
 * The XML parsers of browsers are slow on long text, and a feed's bytes are mostly CDATA sections (a
 * WordPress feed's excerpts and whole posts): they are kept out of the parser, which gets a short
 * `<![CDATA[n]]>` for the n-th section, and put back into the parsed document: the same document. Any
 * surprise (each n must come back once, in order, as a CDATA section) returns `undefined`, for the ordinary
 * parse of a text found well-formed. A character XML refuses or a construct left open is 'malformed':
 * nothing that is not well-formed reaches `DOMParser`. A document with a DOCTYPE (rare in a feed) is
 * 'malformed' here, as `wellFormed` without the DOCTYPE reader finds it, and read with the repairs, which
 * load on demand with that reader.
 */
function parseLean(text: string): Document | undefined | 'repair' | 'malformed' {
  // Line ends as the parser reads them (WebKit's leaves CRs in CDATA sections).
  const source = text.replace(/\r\n?/g, '\n');
  if (REFUSED_CHARACTER.test(source)) return 'malformed';
  const sections: string[] = [];
  let lean = '';
  let at = 0;
  // The text outside CDATA sections, comments and processing instructions: where references are read.
  let outside = '';
  let outsideAt = 0;
  // Comments and processing instructions are skipped whole: a `<![CDATA[` in them opens no section.
  const token = /<(?:!--|\?|!\[CDATA\[)/g;
  for (let match; (match = token.exec(source));) {
    const [open] = match;
    const close = open == '<!--' ? '-->' : open == '<?' ? '?>' : ']]>';
    const start = token.lastIndex;
    const end = source.indexOf(close, start);
    if (end < 0) return 'malformed';
    outside += source.slice(outsideAt, match.index);
    outsideAt = end + close.length;
    if (close == ']]>') {
      lean += source.slice(at, start) + sections.length;
      sections.push(source.slice(start, end));
      at = end;
    }
    token.lastIndex = end + close.length;
  }
  lean += source.slice(at);
  // A reference XML does not define (`&nbsp;`, `&eacute;`) or a bare `&`: the parse would fail, and
  // Chromium's error element carries an inline style that a strict CSP reports. Straight to the repair
  // (which reads a DOCTYPE, whose entities are the only others XML knows).
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(outside + source.slice(outsideAt))) return 'repair';
  if (!wellFormed(lean)) return 'malformed';
  if (!sections.length) return undefined;
  const doc = parseInert(lean, 'application/xml');
  if (hasError(doc)) return undefined;
  const walker = doc.createTreeWalker(doc, 8); // NodeFilter.SHOW_CDATA_SECTION
  let i = 0;
  for (let node; (node = walker.nextNode() as CDATASection | null); i++) {
    if (node.data !== String(i)) return undefined;
    node.data = sections[i];
  }
  return i === sections.length ? doc : undefined;
}

/**
 * Parses XML with the platform's `DOMParser`. A body that is not well-formed gives a promise: the passes
 * that repair what feeds written by hand get wrong, or a download cut off (xml-repair.ts), load on demand,
 * and refuse the rest.
 */
export function parseXml(text: string): Document | Promise<Document> {
  // The text is decoded already: the encoding a valid XML declaration names says nothing more, and WebKit
  // refuses a name it does not know. The declaration stays in its place (a second one is still refused), an
  // invalid one as written, and is refused.
  const source = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .replace(DECLARATION, '<?xml version="1.0"?>');
  const lean = parseLean(source);
  const doc = lean === 'repair' || lean === 'malformed' ? undefined : (lean ?? parseInert(source, 'application/xml'));
  if (!doc || hasError(doc) || !doc.documentElement)
    return import('./xml-repair.js').then((repair) => repair.repairXml(source, doc, wellFormed));
  return doc;
}

/** Child elements by local name, optionally only those in the given namespaces (`null`: no namespace). */
export type Children = (name: string, namespaces?: readonly (string | null)[]) => Element[];

/** The child elements of `parent`, indexed by local name in one pass, for the many lookups of an item's fields. */
export function childrenOf(parent: Element): Children {
  const byName: Record<string, Element[]> = Object.create(null);
  for (let el = parent.firstElementChild; el; el = el.nextElementSibling) (byName[el.localName] ??= []).push(el);
  return (name, namespaces) => (byName[name] ?? []).filter((el) => !namespaces || namespaces.includes(el.namespaceURI));
}

let utf8: TextDecoder | undefined;

/**
 * Text that is UTF-8 read as Latin-1 and written again as UTF-8 (`&#226;&#128;&#166;` for "…"), read as
 * the UTF-8 it was, as feed readers do: the whole field must be characters up to U+00FF, at least one of
 * them from U+0080, whose codes as bytes are valid UTF-8. Latin-1 text (`caf\xe9`) is not valid UTF-8 and
 * stays, as does a C1 character alone (`&#146;`, which the text rules then read as windows-1252's ’).
 */
export function misreadUtf8(text: string): string {
  if (!/[\x80-\xff]/.test(text) || /[^\0-\xff]/.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes);
  } catch {
    return text;
  }
}

/** The trimmed text of an element, or '' (UTF-8 misread as Latin-1 read again: see misreadUtf8). */
export function textOf(el: Element | undefined): string {
  return misreadUtf8(el?.textContent?.trim() ?? '');
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
} as const;
