import { formatError } from '../../shared/load-error.js';
import { policy } from '../../shared/policy.js';

let scratch: Element | undefined;

// XML's white space is these four characters only (`\s` has more: a no-break space before the root is an error).
const S = '[ \\t\\r\\n]';
const NAME = '[A-Za-z_][\\w.-]*';
// Literals without `<`: an entity declaration's `<!ENTITY` is then found in the DOCTYPE by its `<` alone.
const LITERAL = `(?:"[^"<]*"|'[^'<]*')`;
const PUBID = `(?:"[-'()+,./:=?;!*#@$_%\\w \\r\\n]*"|'[-()+,./:=?;!*#@$_%\\w \\r\\n]*')`;
const EXTERNAL_ID = `(?:SYSTEM${S}+${LITERAL}|PUBLIC${S}+${PUBID}${S}+${LITERAL})`;

/** The XML declaration, whole and valid: version 1.x, an encoding name, standalone yes or no. */
export const DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(["'])1\\.\\d+\\1(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][\\w.-]*\\2)?(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
);

/** White space, comments and processing instructions: what may come before a DOCTYPE. */
const MISC = /(?:[ \t\r\n]|<!--[^]*?-->|<\?[^]*?\?>)*/y;

/**
 * A DOCTYPE of the plain kind: its internal subset holds only white space, comments and entity declarations, general
 * ones with a literal value of plain text or an external identifier, parameter ones likewise (repairXml drops
 * parameter entity references). Anything else (element or attribute list declarations, references,
 * markup in a value, the predefined entities declared again) refuses the document: that grammar is large and
 * each engine reads it differently; feeds do not need it.
 */
const DOCTYPE = new RegExp(
  `<!DOCTYPE${S}+${NAME}(?::${NAME})?(?:${S}+${EXTERNAL_ID})?${S}*(?:\\[(?:${S}|<!--(?:[^-]|-[^-])*-->|<!ENTITY${S}+(?:%${S}+)?(?!(?:amp|lt|gt|quot|apos)${S})${NAME}${S}+(?:"[^"%&<]+"|'[^'%&<]+'|${EXTERNAL_ID})${S}*>)*\\]${S}*)?>`,
  'y',
);

/**
 * Namespace declarations the fragment parsers of Chromium and WebKit drop without a word, where their document
 * parsers refuse: an empty prefix binding, the prefixes `xml` and `xmlns` bound, the namespaces of `xml` and
 * `xmlns` bound. A value with a reference is refused as well (it could spell either namespace).
 */
const NAMESPACE_ERROR =
  /\sxmlns(?::xml|:[^\s=]*\s*=\s*(?:""|'')|[^\s=]*\s*=\s*["'](?:[^"'&]*&|http:\/\/www\.w3\.org\/(?:XML\/1998\/namespace|2000\/xmlns\/)["']))/;

// eslint-disable-next-line no-control-regex -- the characters XML refuses, looked for on purpose
const REFUSED_CHARACTER = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/** A name whose prefix no declaration binds (`dc:x`), or that namespaces refuse (`a:b:c`, `:a`, `a:`). */
const unbound = (node: Element | Attr) => /:/.test(node.localName) || (node.prefix && !node.namespaceURI);

/**
 * Whether `text` is a well-formed XML document, found without `DOMParser`: a document it refuses gets an
 * error element whose inline style a strict CSP reports (Chromium). What fragment parsing cannot see is read
 * from the text by `contentOf`; the rest (names, attributes, references, characters, nesting) by the same
 * parser as DOMParser's: content set on an element of an XML document, which refuses with an exception
 * instead of an error element. What that parser accepts where the document parser does not is checked on
 * the nodes it made: exactly one element, and beside it only comments, processing instructions and white
 * space; no construct left open at the end; no name with a prefix no declaration binds (Chromium, WebKit),
 * no element prefixed `xml` (Chromium); no attribute repeated in one namespace by two prefixes (Chromium,
 * WebKit); no colon in a processing instruction's target (WebKit).
 */
export function wellFormed(text: string): boolean {
  const content = REFUSED_CHARACTER.test(text) || NAMESPACE_ERROR.test(text) ? undefined : contentOf(text);
  if (content === undefined) return false;
  scratch ??= document.implementation.createDocument(null, 'x').documentElement;
  try {
    // A CDATA section last: Firefox's fragment parser drops a comment, CDATA section or processing
    // instruction left open at the end, which then swallows this one (or, a section, reads it as its own text).
    scratch.innerHTML = policy().createHTML(`${content}<![CDATA[!]]>`) as unknown as string;
    const nodes = [...scratch.childNodes];
    if (nodes.pop()?.nodeValue != '!') return false;
    let roots = 0;
    for (const { nodeType, nodeValue } of nodes)
      if (nodeType == 1 ? roots++ : nodeType == 4 || (nodeType == 3 && /[^ \t\r\n]/.test(nodeValue!))) return false;
    const walker = scratch.ownerDocument.createTreeWalker(scratch, 65); // elements and processing instructions
    for (let node; (node = walker.nextNode() as Element | ProcessingInstruction | null); ) {
      if (node.nodeType == 7) {
        if (/:/.test(node.nodeName)) return false;
      } else {
        const element = node as Element;
        if (unbound(element) || element.prefix == 'xml') return false;
        const names = new Set<string>();
        for (const attribute of element.attributes)
          if (unbound(attribute) || names.size == names.add(`${attribute.namespaceURI} ${attribute.localName}`).size)
            return false;
      }
    }
    return roots == 1;
  } catch {
    return false;
  } finally {
    scratch.textContent = '';
  }
}

/**
 * What of the document fragment parsing reads (the document without its XML declaration and DOCTYPE), or
 * `undefined` when what it cannot read is wrong: the XML declaration only at the very start and valid (a
 * later one the fragment parser refuses); one DOCTYPE at most, of the plain kind above, with only white space,
 * comments and processing instructions before it (a later one the fragment parser refuses). References to
 * the DOCTYPE's plain entities, and character references to white space, are made one letter: white space
 * outside the root must be written as such.
 */
export function contentOf(text: string): string | undefined {
  const declaration = DECLARATION.exec(text);
  const start = declaration ? declaration[0].length : 0;
  MISC.lastIndex = start;
  MISC.test(text);
  const lt = (DOCTYPE.lastIndex = MISC.lastIndex);
  const doctype = DOCTYPE.exec(text)?.[0];
  // Whether each entity the DOCTYPE declares is plain text (the first declaration counts): its references are
  // read as one letter. The references to the rest stay, and are refused: the parser does not read an
  // external entity.
  const entities = new Map<string, boolean>();
  if (doctype) {
    for (const [, parameter, name, quote] of doctype.matchAll(/<!--[^]*?-->|<!ENTITY\s+(%\s+)?(\S+)\s+(["'])?/g))
      if (name && !parameter && !entities.has(name)) entities.set(name, !!quote);
    text = text.slice(0, lt) + text.slice(DOCTYPE.lastIndex);
  } else if (text.startsWith('<!DOCTYPE', lt)) return;
  return text
    .slice(start)
    .replace(/&([^\s&;<]+);/g, (reference, name: string) =>
      entities.get(name) || /^#(?:x0*(?:[9adAD]|20)|0*(?:9|1[03]|32))$/.test(name) ? 'A' : reference,
    );
}

/** The error for a body that is not well-formed XML. */
export const notWellFormed = () =>
  formatError(
    'the response is not well-formed XML',
    'Open the src address in a browser: a feed must be valid RSS or Atom.',
  );
