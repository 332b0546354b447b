/**
 * The platform DOM the widgets' format modules expect, for Node. In a browser `DOMParser`, `XMLSerializer`,
 * `document` and `TextDecoder` are the page's; the Node build (scripts/build-node.mjs) injects these in their place,
 * so the format modules run unchanged:
 *
 * - XML: @xmldom/xmldom, a standards DOM with namespaces, made as strict as a browser's XML parser (an
 *   error it reports refuses the document, which then reads as a browser's does: a `<parsererror>`).
 * - HTML: parse5, the HTML standard's parsing algorithm (the one browsers run), building xmldom nodes; so
 *   `htmlToText` and `firstImage` (src/shared/text.ts) apply their one set of rules to the same tree.
 * - `TextDecoder`, corrected where Node 20's differs from the Encoding standard (windows-1252).
 *
 * xmldom lacks a few members those modules use (`firstElementChild`, `nextElementSibling`, `parentElement`,
 * `remove`, `append`, `querySelectorAll` with type and `[attribute]` selectors, `createTreeWalker`,
 * `getAttributeNames`, `innerHTML` set on an XML element): they are added to its classes here, in this
 * bundle's own copy of xmldom.
 */
import {
  CharacterData,
  DOMImplementation,
  Document as XmlDocument,
  DocumentFragment as XmlFragment,
  DOMParser as XmlParser,
  Element as XmlElement,
  Node as XmlNode,
  XMLSerializer,
} from '@xmldom/xmldom';
import { parse as parseHtml, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

export { XMLSerializer };

const ELEMENT = 1;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

function define(target: object, members: Record<string, PropertyDescriptor>): void {
  for (const [name, descriptor] of Object.entries(members))
    Object.defineProperty(target, name, { configurable: true, ...descriptor });
}

function nextElement(node: Node | null): Element | null {
  while (node && node.nodeType !== ELEMENT) node = node.nextSibling;
  return node as Element | null;
}

/** `tag`, `tag[attribute]` and `*`, as a selector list: all that the format modules ask for. */
function matcher(selectors: string): (el: Element) => boolean {
  const tests = selectors.split(',').map((selector) => {
    const m = /^\s*([\w*-]+)(?:\[([\w-]+)\])?\s*$/.exec(selector);
    if (!m) throw new Error(`unsupported selector in the Node DOM: ${selector}`);
    const [, tag, attribute] = m;
    return (el: Element) =>
      (tag === '*' || el.localName.toLowerCase() === tag.toLowerCase()) && (!attribute || el.hasAttribute(attribute));
  });
  return (el) => tests.some((test) => test(el));
}

/** The nodes under `root` in document order, walked without recursion (feeds may nest deeply). */
function* descendants(root: Node): Generator<Node> {
  let node: Node | null = root.firstChild;
  while (node) {
    yield node;
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    let up: Node = node;
    while (up !== root && !up.nextSibling) up = up.parentNode as Node;
    if (up === root) return;
    node = up.nextSibling;
  }
}

const nodeMembers: Record<string, PropertyDescriptor> = {
  firstElementChild: {
    get(this: Node) {
      return nextElement(this.firstChild);
    },
  },
  nextElementSibling: {
    get(this: Node) {
      return nextElement(this.nextSibling);
    },
  },
  parentElement: {
    get(this: Node) {
      const parent = this.parentNode;
      return parent && parent.nodeType === ELEMENT ? parent : null;
    },
  },
  remove: {
    value(this: Node) {
      this.parentNode?.removeChild(this);
    },
  },
  append: {
    value(this: Node, ...nodes: (Node | string)[]) {
      for (const node of nodes)
        this.appendChild(typeof node === 'string' ? this.ownerDocument!.createTextNode(node) : node);
    },
  },
  querySelectorAll: {
    value(this: Node, selectors: string) {
      const matches = matcher(selectors);
      return [...descendants(this)].filter(
        (node): node is Element => node.nodeType === ELEMENT && matches(node as Element),
      );
    },
  },
  querySelector: {
    value(this: Node, selectors: string) {
      const matches = matcher(selectors);
      for (const node of descendants(this)) if (node.nodeType === ELEMENT && matches(node as Element)) return node;
      return null;
    },
  },
};
// xmldom reads text content recursively; a feed nesting markup thousands deep would overflow the stack.
define(XmlNode.prototype, nodeMembers);
const textContent = Object.getOwnPropertyDescriptor(XmlNode.prototype, 'textContent')!;
for (const type of [XmlElement, XmlFragment]) {
  define(type.prototype, {
    textContent: {
      get(this: Node) {
        let text = '';
        for (const node of descendants(this)) if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue;
        return text;
      },
      set: textContent.set,
    },
  });
}

// xmldom reads a text node's content from `nodeValue`; the DOM's `data` is the same value.
define(CharacterData.prototype, {
  data: {
    get(this: { nodeValue: string | null }) {
      return this.nodeValue ?? '';
    },
    set(this: { nodeValue: string | null }, value: string) {
      this.nodeValue = String(value);
    },
  },
});

define(XmlDocument.prototype, {
  /** The nodes of `root` in document order whose type is in `whatToShow` (NodeFilter's bit mask). */
  createTreeWalker: {
    value(root: Node, whatToShow = 0xffffffff) {
      const nodes = [...descendants(root)].filter((node) => whatToShow & (1 << (node.nodeType - 1)));
      let at = -1;
      return { nextNode: () => nodes[++at] ?? null };
    },
  },
});

const implementation = new DOMImplementation();

/** An error document, as Chromium and WebKit make one: `hasError` (xml.ts) looks for `<parsererror>`. */
function parseError(message: string): Document {
  const doc = implementation.createDocument(null, 'parsererror', null) as unknown as Document;
  doc.documentElement.textContent = message;
  return doc;
}

type HtmlNode = DefaultTreeAdapterMap['node'];

/** A parse5 tree as xmldom nodes, without recursion; a `<template>`'s content stays out of the tree, as in a browser. */
function copy(from: HtmlNode, into: Node, doc: Document): void {
  const stack: [HtmlNode, Node][] = [[from, into]];
  for (let next; (next = stack.pop());) {
    const [source, target] = next;
    for (const child of (source as { childNodes?: HtmlNode[] }).childNodes ?? []) {
      let node: Node;
      if (child.nodeName === '#text') node = doc.createTextNode((child as DefaultTreeAdapterMap['textNode']).value);
      else if (child.nodeName === '#comment')
        node = doc.createComment((child as DefaultTreeAdapterMap['commentNode']).data);
      else if ('tagName' in child) {
        const el = doc.createElementNS(child.namespaceURI, child.tagName);
        for (const attr of child.attrs) {
          try {
            el.setAttributeNS(
              attr.namespace ?? null,
              attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name,
              attr.value,
            );
          } catch {
            // A name the XML DOM cannot hold (`<a "x"=1>`): nothing the text routines read.
          }
        }
        stack.push([child, el]);
        node = el;
      } else continue; // a doctype
      target.appendChild(node);
    }
  }
}

function htmlDocument(): Document {
  return implementation.createHTMLDocument(false as unknown as string) as unknown as Document;
}

const DOCTYPE = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i;

/**
 * The general entities a DOCTYPE declares with a literal value (`<!ENTITY id "tag:example.com,">`), put
 * in place of their references after it, as a browser's XML parser expands them (xmldom leaves them
 * undefined). Values that refer to other entities are expanded again, a few times and within a size
 * limit: entity bombs are refused by the parse that follows, as browsers refuse them.
 */
function expandEntities(text: string): string {
  const doctype = DOCTYPE.exec(text);
  if (!doctype) return text;
  const values = new Map<string, string>();
  for (const [, name, double, single] of doctype[1].matchAll(/<!ENTITY\s+([\w.:-]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    values.set(name, double ?? single);
  }
  if (!values.size) return text;
  const end = doctype.index + doctype[0].length;
  let rest = text.slice(end);
  for (let pass = 0; pass < 4 && rest.length < 4 * text.length; pass++) {
    const next = rest.replace(/&([\w.:-]+);/g, (reference, name: string) => values.get(name) ?? reference);
    if (next === rest) break;
    rest = next;
  }
  return text.slice(0, end) + rest;
}

/** `new DOMParser().parseFromString(…)` for XML (as strict as a browser) and HTML (parse5). */
export class DOMParser {
  parseFromString(text: string, type: DOMParserSupportedType): Document {
    if (type === 'text/html') {
      const doc = htmlDocument();
      const tree = parseHtml(text);
      copy(tree, doc, doc);
      const html = doc.documentElement as Element | null;
      const body =
        html &&
        [...(html.childNodes as unknown as Node[])].find(
          (n) => n.nodeType === ELEMENT && (n as Element).localName === 'body',
        );
      define(doc, { body: { value: body ?? null } });
      return doc;
    }
    try {
      return new XmlParser({
        onError: (level: string, message: string) => {
          if (level !== 'warning') throw new Error(message);
        },
      }).parseFromString(expandEntities(text), type as 'application/xml') as unknown as Document;
    } catch (error) {
      return parseError(error instanceof Error ? error.message : String(error));
    }
  }
}

// What windows-1252 has at 0x80–0x9F (the WHATWG Encoding table); the five bytes it leaves unassigned stay
// the C1 controls they are in Latin-1.
const CP1252 =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/**
 * `TextDecoder` as browsers decode: Node 20's decodes windows-1252 (the encoding the labels latin1,
 * iso-8859-1, us-ascii … all name) as Latin-1, so `\x92` would read U+0092 instead of ’.
 */
export class TextDecoder extends globalThis.TextDecoder {
  override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    const text = super.decode(input, options);
    return this.encoding === 'windows-1252'
      ? text.replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80])
      : text;
  }
}

/** A `<template>` whose `innerHTML` is parsed as the HTML standard parses a template's content. */
class Template {
  content!: DocumentFragment;
  set innerHTML(html: string) {
    const doc = htmlDocument();
    this.content = doc.createDocumentFragment();
    const context = {
      nodeName: 'template',
      tagName: 'template',
      namespaceURI: HTML_NS,
      attrs: [],
      childNodes: [],
      parentNode: null,
    };
    const parse = parseFragment as unknown as (context: object, html: string) => HtmlNode;
    copy(parse(context, html), this.content, doc);
  }
}

/**
 * An element of an XML document whose content is set as markup: as in a browser, markup that is not
 * well-formed throws, and what is becomes the element's content (the check `wellFormed` in
 * xml/well-formed.ts makes before parsing a feed reads the nodes).
 */
define(XmlElement.prototype, {
  getAttributeNames: {
    value(this: Element) {
      return [...this.attributes].map((attribute) => attribute.name);
    },
  },
  innerHTML: {
    set(this: Element, markup: string) {
      const doc = new DOMParser().parseFromString(`<x>${markup}</x>`, 'application/xml');
      if (doc.documentElement?.localName === 'parsererror') throw new SyntaxError('not well-formed');
      this.textContent = '';
      for (let node; (node = doc.documentElement.firstChild);) this.appendChild(node);
    },
  },
});

/** The part of `document` the format modules use: an inert HTML document to parse fragments in, and an XML one. */
export const document = {
  baseURI: undefined,
  implementation: {
    createHTMLDocument: () => ({ createElement: () => new Template() }),
    createDocument: () => implementation.createDocument(null, 'x', null),
  },
};
