import { policy } from '../../shared/policy.js';

let scratch: Element | undefined;

// XML's white space is these four characters only (`\s` has more: a no-break space before the root is an error).
const S = '[ \\t\\r\\n]';
/** The XML declaration, whole and valid: version 1.x, an encoding name, standalone yes or no. */
export const DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(["'])1\\.\\d+\\1(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][\\w.-]*\\2)?(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
);

/**
 * Namespace declarations the fragment parsers of Chromium and WebKit drop without a word, where their document
 * parsers refuse: an empty prefix binding, the prefixes `xml` and `xmlns` bound, the namespaces of `xml` and
 * `xmlns` bound (and any value naming them). A value with a reference is refused as well (it could spell either
 * namespace).
 */
const NAMESPACE_ERROR =
  /\sxmlns(?::xml|:[^\s=]*\s*=\s*(["'])\1|[^\s=]*\s*=\s*["'][^"']*(?:&|www\.w3\.org\/(?:XML\/1998|2000\/xmlns)))/;

/** The characters XML refuses. */
// eslint-disable-next-line no-control-regex -- the characters XML refuses, looked for on purpose
export const REFUSED_CHARACTER = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/**
 * Whether `text` is a well-formed XML document, found without `DOMParser`: a document it refuses gets an
 * error element whose inline style a strict CSP reports (Chromium). What fragment parsing cannot see is read
 * from the text by `contentOf`; the rest (names, attributes, references, characters, nesting) by the same
 * parser as DOMParser's: content set on an element of an XML document, which refuses with an exception
 * instead of an error element. What that parser takes where the document parser does not is checked on
 * the nodes it made (nodesWellFormed). A DOCTYPE is read by `doctype` (doctype.ts) when given, and refused
 * otherwise.
 */
export function wellFormed(text: string, doctype?: DoctypeReader): boolean {
  if (REFUSED_CHARACTER.test(text) || NAMESPACE_ERROR.test(text)) return false;
  scratch ??= document.implementation.createDocument(null, 'x').documentElement;
  try {
    scratch.innerHTML = policy().createHTML(`${contentOf(text, doctype)}<![CDATA[!]]>`) as unknown as string;
    return nodesWellFormed(scratch);
  } catch {
    return false;
  } finally {
    scratch.textContent = '';
  }
}

/**
 * Whether the nodes fragment parsing made in `parent`, of content followed by `<![CDATA[!]]>`, are those of a
 * document, in what the fragment parsers take and the document parsers do not (the engines named). The
 * section is last: Firefox's fragment parser drops a comment, CDATA section or processing instruction left
 * open at the end, which then swallows it (or, a section, reads it as its own text). Beside it, exactly one
 * element, and only comments, processing instructions and white space. No element name with a prefix no
 * declaration binds or that namespaces refuse (Chromium, WebKit), no element prefixed `xml` (Chromium), no
 * attribute repeated in one namespace by two prefixes (Chromium, WebKit: refused as soon as two prefixed
 * attributes share a local name, without resolving the prefixes), no colon in a processing instruction's
 * target (WebKit). The fragment parsers refuse an attribute with an unbound prefix. One walk.
 */
export function nodesWellFormed(parent: Element): boolean {
  const nodes = [...parent.childNodes];
  if (nodes.pop()?.nodeValue != '!') return false;
  let roots = 0;
  for (const { nodeType, nodeValue } of nodes)
    if (nodeType == 1 ? roots++ : nodeType == 4 || (nodeType == 3 && /[^ \t\r\n]/.test(nodeValue!))) return false;
  const walker = parent.ownerDocument.createTreeWalker(parent, 65); // elements and processing instructions
  for (let node; (node = walker.nextNode() as Element | ProcessingInstruction | null);) {
    if (node.nodeType == 7) {
      if (/:/.test(node.nodeName)) return false;
    } else {
      const element = node as Element;
      // A name whose prefix no declaration binds (`dc:x`), or that namespaces refuse (`a:b:c`, `:a`, `a:`).
      if (/:/.test(element.localName) || (element.prefix && (element.prefix == 'xml' || !element.namespaceURI)))
        return false;
      // Attribute names as strings: reading the attributes as nodes takes quadratic time on many (Chromium, WebKit).
      const locals = new Set<string>();
      for (const name of element.getAttributeNames()) {
        const [prefix, local] = name.split(':');
        if (local && prefix != 'xmlns' && locals.size == locals.add(local).size) return false;
      }
    }
  }
  return roots == 1;
}

/**
 * A reader of the DOCTYPE (doctype.ts, loaded with the repairs): `content`, a document without its XML
 * declaration, without its DOCTYPE when of the kind it takes, and whether each entity the DOCTYPE declares is
 * plain text.
 */
export type DoctypeReader = (content: string) => [content: string, entities: Map<string, boolean>];

/**
 * What of the document fragment parsing reads: the document without its XML declaration when valid (a later
 * or an invalid one the fragment parser refuses as a processing instruction named `xml`) and without its
 * DOCTYPE when `doctype` takes it (the fragment parser refuses one left in place). References to the
 * DOCTYPE's plain entities, and character references to white space, are made one letter: white space
 * outside the root must be written as such.
 */
export function contentOf(text: string, doctype?: DoctypeReader): string {
  const content = text.replace(DECLARATION, '');
  const [rest, entities] = doctype ? doctype(content) : [content];
  return rest.replace(/&([^\s&;<]+);/g, (reference, name: string) =>
    entities?.get(name) || /^#(?:x0*(?:[9adAD]|20)|0*(?:9|1[03]|32))$/.test(name) ? 'A' : reference,
  );
}
