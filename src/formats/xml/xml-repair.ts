import { parseInert } from '../../shared/policy.js';
import { hasError } from './has-error.js';
import { notWellFormed, wellFormed } from './well-formed.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const INTERNAL_SUBSET = /(<!DOCTYPE[^[>]*\[)([\s\S]*?)(\]\s*>)/i;
const PE_REFERENCE = /<!DOCTYPE[^[>]*\[[^\]]*%[\w.:-]+;/i;

const REFERENCE = /&(?:([a-z][a-z0-9]*);|(?!#(?:\d+|x[\da-f]+);))/gi;

/** Each HTML entity name in `names` as its characters ('' for a name HTML does not know), in one HTML parse. */
function decodeEntities(names: string[]): Map<string, string> {
  const body = parseInert(`<!doctype html><body>${names.map((name) => `<i>&${name};</i>`).join('')}`, 'text/html').body;
  const chars = [...body.children].map((el) => el.textContent ?? '');
  return new Map(names.map((name, i) => [name, chars[i] === `&${name};` ? '' : (chars[i] ?? '')]));
}

/**
 * The rest of parseXml, loaded on demand when `doc`, the parse of `source`, was refused, or, without
 * `doc`, when `source` has references XML leaves undefined. Feeds written by hand often use HTML entities
 * (`&nbsp;`, `&eacute;`) or bare ampersands; like a forgiving feed reader, a second pass repairs those.
 * Anything else that is not well-formed is refused with a format error.
 */
export function repairXml(source: string, doc?: Document): Document {
  if (doc && hasError(doc) && PE_REFERENCE.test(source)) {
    // WebKit refuses a reference to an external parameter entity it does not load (`%HTMLlat1;` in the
    // DOCTYPE); Chromium and Firefox skip it, as a non-validating parser may. Skip it in every engine.
    source = source.replace(
      INTERNAL_SUBSET,
      (_, open: string, subset: string, close: string) => open + subset.replace(/%[\w.:-]+;/g, '') + close,
    );
    doc = parseInert(source, 'application/xml');
  }
  if ((!doc || hasError(doc)) && source.includes('&')) {
    // HTML entities become character references; a bare `&` (as in an unescaped query string) becomes `&amp;`.
    // Every distinct name is decoded by one HTML parse (a parse per reference took seconds on a long feed).
    const names = new Set<string>();
    for (const [, name] of source.matchAll(REFERENCE)) if (name && !XML_ENTITIES.has(name)) names.add(name);
    const table = decodeEntities([...names]);
    const fixed = source.replace(REFERENCE, (entity, name?: string) => {
      if (!name) return '&amp;';
      const chars = table.get(name);
      return chars ? [...chars].map((c) => `&#${c.codePointAt(0)};`).join('') : entity;
    });
    // Checked first when it can be (no DOCTYPE): a refused parse would be reported to a strict CSP.
    if (!/<!DOCTYPE/i.test(fixed) && !wellFormed(fixed)) throw notWellFormed();
    doc = parseInert(fixed, 'application/xml');
  }
  if (!doc || hasError(doc) || !doc.documentElement) throw notWellFormed();
  return doc;
}
