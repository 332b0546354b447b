import { parseInert } from '../../shared/policy.js';
import { formatError } from '../../shared/load-error.js';
import { hasError } from './has-error.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const INTERNAL_SUBSET = /(<!DOCTYPE[^[>]*\[)([\s\S]*?)(\]\s*>)/i;
const PE_REFERENCE = /<!DOCTYPE[^[>]*\[[^\]]*%[\w.:-]+;/i;

/**
 * The rest of parseXml, loaded on demand when `doc`, the parse of `source`, was refused. Feeds written
 * by hand often use HTML entities that XML leaves undefined (`&nbsp;`, `&eacute;`) or bare ampersands;
 * like a forgiving feed reader, a second pass repairs those. Anything else that is not well-formed is
 * refused with a format error.
 */
export function repairXml(source: string, doc: Document): Document {
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
