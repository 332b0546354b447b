import { formatError } from '../../shared/load-error.js';
import { parseInert } from '../../shared/policy.js';
import { withoutDoctype } from './doctype.js';
import { hasError } from './has-error.js';
import type { wellFormed as WellFormed } from './well-formed.js';

/** The error for a body that is not well-formed XML. */
export const notWellFormed = () =>
  formatError(
    'the response is not well-formed XML',
    'Open the src address in a browser: a feed must be valid RSS or Atom.',
  );

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const INTERNAL_SUBSET = /(<!DOCTYPE[^[>]*\[)([\s\S]*?)(\]\s*>)/i;
const PE_REFERENCE = /<!DOCTYPE[^[>]*\[[^\]]*%[\w.:-]+;/i;

// A named reference, a hexadecimal one (HTML also reads `&#X41;`, XML only `&#x41;`), or a bare `&`.
const REFERENCE = /&(?:([a-z][a-z0-9]*);|#x(?=[\da-f]+;)|(?!#(?:\d+|x[\da-f]+);))/gi;

/** Each HTML entity name in `names` as its characters ('' for a name HTML does not know), in one HTML parse. */
function decodeEntities(names: string[]): Map<string, string> {
  const body = parseInert(`<!doctype html><body>${names.map((name) => `<i>&${name};</i>`).join('')}`, 'text/html').body;
  const chars = [...body.children].map((el) => el.textContent ?? '');
  return new Map(names.map((name, i) => [name, chars[i] === `&${name};` ? '' : (chars[i] ?? '')]));
}

/** A start or end tag from its `<`: its name, and a `/` before the `>` when it is empty. XML allows no `<` in a tag. */
const TAG = /<(\/?)([^\s/<>"']+)(?:[\s/](?:[^<>"']|"[^<"]*"|'[^<']*')*)?>/y;

/** What the tag reader skips whole, by opener and closer; another `<!` is a DOCTYPE. */
const SKIPPED = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', ''],
];

/**
 * A document cut off at its end, as a download that stopped leaves it, completed: the elements left open
 * are closed, and a last end tag that lacks only its `>` (`</rss` and a line end) gets it. Anything else
 * (an end tag cut inside or right after its name, a cut inside another tag, a comment, a CDATA section;
 * tags that do not match, a second root, text outside the root, a DOCTYPE) gives `undefined`: that is
 * not a cut-off document, and stays an error. One pass over the text, each character read once.
 */
export function closeCutOff(source: string): string | undefined {
  const open: string[] = [];
  let root = false;
  let at = 0;
  for (let lt; (lt = source.indexOf('<', at)) >= 0;) {
    // Outside the root only blanks (comments and processing instructions are skipped below).
    if (!open.length && /\S/.test(source.slice(at, lt))) return undefined;
    const [opener, close] = SKIPPED.find(([opener]) => source.startsWith(opener, lt)) ?? [];
    if (opener) {
      const end = close ? source.indexOf(close, lt + opener.length) : -1;
      // A DOCTYPE (no closer here), a CDATA section outside the root, or a construct cut off: not ours to complete.
      if (end < 0 || (opener == '<![CDATA[' && !open.length)) return undefined;
      at = end + close!.length;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(source);
    if (!tag) {
      // The last end tag, whole but for its `>`: the name of the element open, then blanks to the end.
      const rest = /^<\/([^\s/<>"']+)\s+$/.exec(source.slice(lt));
      return rest && rest[1] === open.pop() ? closeAll(source + '>', open) : undefined;
    }
    const [whole, end, name] = tag;
    if (end) {
      if (open.pop() !== name) return undefined;
    } else if (!whole.endsWith('/>')) {
      if (root && !open.length) return undefined;
      open.push(name);
    } else if (root && !open.length) return undefined;
    root = true;
    at = TAG.lastIndex;
  }
  // Nothing open: what is wrong with the document is not its end.
  return open.length ? closeAll(source, open) : undefined;
}

/** `source` with an end tag for each element in `open`, the innermost first. */
function closeAll(source: string, open: string[]): string {
  for (let name; (name = open.pop());) source += `</${name}>`;
  return source;
}

/**
 * The rest of parseXml, loaded on demand when `doc`, the parse of `source`, was refused, or, without
 * `doc`, when `source` has a DOCTYPE, references XML leaves undefined or is not well-formed. A document with a
 * DOCTYPE of the plain kind (doctype.ts) that is well-formed is parsed here. Feeds written by hand
 * often use HTML entities (`&nbsp;`, `&eacute;`) or bare ampersands; like a forgiving feed reader, a second
 * pass repairs those. A download cut off at the end is completed (closeCutOff), and its items read so far
 * are shown. Anything else that is not well-formed is refused with a format error. `wellFormed` is parseXml's
 * own (this module would carry a copy of it otherwise), read here with the DOCTYPE reader: every text is
 * checked before it reaches `DOMParser`, whose refusal a strict CSP would be told of.
 */
export function repairXml(source: string, doc: Document | undefined, wellFormed: typeof WellFormed): Document {
  const check = (text: string) => wellFormed(text, withoutDoctype);
  doc ??= check(source) ? parseInert(source, 'application/xml') : undefined;
  if ((!doc || hasError(doc)) && PE_REFERENCE.test(source)) {
    // WebKit refuses a reference to an external parameter entity it does not load (`%HTMLlat1;` in the
    // DOCTYPE); Chromium and Firefox skip it, as a non-validating parser may. Skip it in every engine
    // (wellFormed refuses the reference: this is where it is dropped).
    source = source.replace(
      INTERNAL_SUBSET,
      (_, open: string, subset: string, close: string) => open + subset.replace(/%[\w.:-]+;/g, '') + close,
    );
    doc = check(source) ? parseInert(source, 'application/xml') : undefined;
  }
  const closed = !doc || hasError(doc) ? closeCutOff(source) : undefined;
  if (closed) {
    source = closed;
    // Checked first, as below (closeCutOff leaves no DOCTYPE): a refused parse would be reported to a strict CSP.
    doc = check(closed) ? parseInert(closed, 'application/xml') : undefined;
  }
  if ((!doc || hasError(doc)) && source.includes('&')) {
    // HTML entities become character references, `&#X` becomes `&#x`; a bare `&` (as in an unescaped query
    // string) becomes `&amp;`.
    // Every distinct name is decoded by one HTML parse (a parse per reference took seconds on a long feed).
    const names = new Set<string>();
    for (const [, name] of source.matchAll(REFERENCE)) if (name && !XML_ENTITIES.has(name)) names.add(name);
    const table = decodeEntities([...names]);
    const fixed = source.replace(REFERENCE, (entity, name?: string) => {
      if (entity[1] == '#') return '&#x';
      if (!name) return '&amp;';
      const chars = table.get(name);
      return chars ? [...chars].map((c) => `&#${c.codePointAt(0)};`).join('') : entity;
    });
    // Checked first: a refused parse would be reported to a strict CSP.
    if (!check(fixed)) throw notWellFormed();
    doc = parseInert(fixed, 'application/xml');
  }
  if (!doc || hasError(doc) || !doc.documentElement) throw notWellFormed();
  return doc;
}
