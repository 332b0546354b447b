import { formatError } from '../../shared/load-error.js';
import { policy } from '../../shared/policy.js';

let scratch: Element | undefined;

// XML's white space is these four characters only (`\s` has more: a no-break space before the root is an error).
const S = '[ \\t\\r\\n]';
const NCNAME = '[A-Za-z_][\\w.-]*';
const LITERAL = `(?:"[^"]*"|'[^']*')`;
const PUBID = `(?:"[-'()+,./:=?;!*#@$_%\\w \\r\\n]*"|'[-()+,./:=?;!*#@$_%\\w \\r\\n]*')`;
const EXTERNAL_ID = `(?:SYSTEM${S}+${LITERAL}|PUBLIC${S}+${PUBID}${S}+${LITERAL})`;

/** The XML declaration, whole and valid: version 1.x, an encoding name, standalone yes or no. */
export const DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(["'])1\\.\\d+\\1(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][\\w.-]*\\2)?(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
);

// A DOCTYPE as far as its internal subset, and what the subset may hold here: white space, comments and entity
// declarations whose value holds no reference. Anything else (element or attribute list declarations,
// parameter entity references, processing instructions) refuses the document: their grammar is large and
// each engine reads it differently; feeds do not need them (repairXml drops parameter entity references).
const DOCTYPE = new RegExp(`<!DOCTYPE${S}+${NCNAME}(?::${NCNAME})?(?:${S}+${EXTERNAL_ID})?${S}*(\\[)?`, 'y');
const SUBSET_ITEM = new RegExp(
  `${S}+|<!--(?:[^-]|-[^-])*-->|<!ENTITY${S}+(%${S}+)?(${NCNAME})${S}+(?:"([^"%&]*)"|'([^'%&]*)'|${EXTERNAL_ID}(${S}+NDATA${S}+${NCNAME})?)${S}*>`,
  'y',
);
const SUBSET_END = new RegExp(`\\]${S}*>`, 'y');
const DOCTYPE_END = />/y;

/** A start or end tag from its `<`: XML allows no `<` in a tag, and a `>` only in a quoted value. */
const TAG = /<(\/?)([^\s/<>"']+)((?:[\s/](?:[^<>"']|"[^<"]*"|'[^<']*')*)?)>/y;
const ATTRIBUTE = /[ \t\r\n]+([^\s=/<>"']+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /[ \t\r\n]*\/?$/y;
const PI_COLON = /^<\?[^ \t\r\n:]*:/;

/** What the scan skips whole, by opener and closer. */
const SKIPPED = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<![CDATA[', ']]>'],
];

// eslint-disable-next-line no-control-regex -- the characters XML refuses, looked for on purpose
const REFUSED_CHARACTER = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/** The prefix of a qualified name, '' for none, or undefined for a name namespaces refuse (`a:b:c`, `:a`, `a:`). */
function prefixOf(name: string): string | undefined {
  const parts = name.split(':');
  return parts.length == 1 ? '' : parts.length == 2 && parts[0] && parts[1] ? parts[0] : undefined;
}

/**
 * Whether `text` is a well-formed XML document, found without `DOMParser`: a document it refuses gets an
 * error element whose inline style a strict CSP reports (Chromium). The document's grammar is read by
 * `contentOf`; everything else (names, attributes, references, characters, nesting) by the same parser as
 * DOMParser's: content set on an element of an XML document, which refuses with an exception instead of an
 * error element.
 */
export function wellFormed(text: string): boolean {
  const content = REFUSED_CHARACTER.test(text) ? undefined : contentOf(text);
  if (content === undefined) return false;
  scratch ??= document.implementation.createDocument(null, 'x').documentElement;
  try {
    scratch.innerHTML = policy().createHTML(content) as unknown as string;
    return true;
  } catch {
    return false;
  } finally {
    scratch.textContent = '';
  }
}

/**
 * What of a document fragment parsing can check (the document without its XML declaration and DOCTYPE,
 * references to the DOCTYPE's plain entities made one character), or `undefined` when the document's own
 * grammar, which fragment parsing does not apply, is broken: the XML declaration only at the very start and
 * valid; one DOCTYPE at most, before the root, of the plain kind above; exactly one root element, and
 * outside it only white space, comments and processing instructions; no comment, CDATA section,
 * processing instruction or element left open at the end; every namespace prefix declared (the fragment
 * parsers of Chromium and WebKit accept an undeclared one, their document parsers do not). One pass.
 */
export function contentOf(text: string): string | undefined {
  const declaration = DECLARATION.exec(text);
  let at = declaration ? declaration[0].length : 0;
  let fragment = '';
  let fragmentFrom = at;
  // Entities the DOCTYPE declares with plain text: their references read as one character in the fragment.
  let entities: Set<string> | undefined;
  let depth = 0;
  let roots = 0;
  // Each prefix's namespaces in scope (the innermost last), and the prefixes each open element declares.
  const bindings = new Map<string, string[]>();
  const declared: string[][] = [];
  const unbind = (prefixes: string[]) => prefixes.forEach((prefix) => bindings.get(prefix)!.pop());
  for (;;) {
    const lt = text.indexOf('<', at);
    if (!depth && /[^ \t\r\n]/.test(text.slice(at, lt < 0 ? undefined : lt))) return;
    if (lt < 0) break;
    const [opener, closer] = SKIPPED.find(([opener]) => text.startsWith(opener, lt)) ?? [];
    if (opener) {
      const end = text.indexOf(closer!, lt + opener.length);
      if (end < 0 || (closer == ']]>' && !depth)) return;
      // A colon in a processing instruction's target: WebKit's fragment parser accepts it, its document parser not.
      if (opener == '<?' && PI_COLON.test(text.slice(lt, end))) return;
      at = end + closer!.length;
      continue;
    }
    if (text.startsWith('<!DOCTYPE', lt)) {
      if (roots || entities) return;
      entities = new Set();
      const seenEntities = new Set<string>();
      DOCTYPE.lastIndex = lt;
      const head = DOCTYPE.exec(text);
      if (!head) return;
      at = DOCTYPE.lastIndex;
      if (head[1]) {
        for (;;) {
          SUBSET_ITEM.lastIndex = at;
          const item = SUBSET_ITEM.exec(text);
          if (!item) break;
          at = SUBSET_ITEM.lastIndex;
          const [, parameter, name, double, single, unparsed] = item;
          if (!name) continue;
          if (/^(amp|lt|gt|quot|apos)$/.test(name) || (parameter && unparsed)) return;
          if (parameter || seenEntities.has(name)) continue;
          seenEntities.add(name);
          // Plain text, read as one character. The references to the rest stay, and are refused: an external
          // entity (the parser does not read it) or markup (well-formed or not, it is no feed's business).
          if (!/[<>]|^$/.test(double ?? single ?? '<')) entities.add(name);
        }
      }
      const end = head[1] ? SUBSET_END : DOCTYPE_END;
      end.lastIndex = at;
      if (!end.test(text)) return;
      fragment += text.slice(fragmentFrom, lt);
      at = fragmentFrom = end.lastIndex;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(text);
    if (!tag) return;
    at = TAG.lastIndex;
    const [whole, endTag, name, rest] = tag;
    if (endTag) {
      if (!depth--) return;
      unbind(declared.pop()!);
      continue;
    }
    if (!depth && roots++) return;
    const own: string[] = [];
    const names: [string, string | undefined][] = [[name, prefixOf(name)]];
    let read = (ATTRIBUTE.lastIndex = 0);
    for (let attribute; (attribute = ATTRIBUTE.exec(rest)); read = ATTRIBUTE.lastIndex) {
      const [, qname, double, single] = attribute;
      const prefix = prefixOf(qname);
      if (prefix == 'xmlns') {
        const local = qname.slice(6);
        const uri = double ?? single;
        if (!uri || local == 'xml' || local == 'xmlns') return;
        own.push(local);
        if (!bindings.has(local)) bindings.set(local, []);
        bindings.get(local)!.push(uri);
      } else names.push([qname, prefix]);
    }
    // What the pattern does not read is not XML's attribute syntax.
    TAG_END.lastIndex = read;
    if (!TAG_END.test(rest)) return;
    const seen = new Set<string>();
    for (const [i, [qname, prefix]] of names.entries()) {
      if (prefix === undefined || prefix == 'xmlns') return;
      if (!prefix || prefix == 'xml') continue;
      const uris = bindings.get(prefix);
      if (!uris?.length) return;
      // Two attributes of one name in one namespace, by different prefixes.
      const expanded = `${uris[uris.length - 1]} ${qname.slice(prefix.length + 1)}`;
      if (i && seen.size == seen.add(expanded).size) return;
    }
    if (whole.endsWith('/>')) unbind(own);
    else {
      depth++;
      declared.push(own);
    }
  }
  if (roots != 1 || depth) return;
  fragment += text.slice(fragmentFrom);
  return entities?.size
    ? fragment.replace(/&([^\s&;<]+);/g, (ref, name: string) => (entities!.has(name) ? 'A' : ref))
    : fragment;
}

/** The error for a body that is not well-formed XML. */
export const notWellFormed = () =>
  formatError(
    'the response is not well-formed XML',
    'Open the src address in a browser: a feed must be valid RSS or Atom.',
  );
