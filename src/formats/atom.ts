import type { Image, Parsed, Post } from '../model.js';
import { collapse, firstImage, htmlToText } from '../shared/text.js';
import { safeUrl } from '../shared/url.js';
import { parseDate } from './dates.js';
import { NS, baseOf, child, children, textOf } from './xml.js';

/** Atom 1.0 and 0.3, and a `<feed>` that forgot its namespace. */
const ATOM = [...NS.atom, null];

/**
 * The content of an Atom text construct as markup (`html`, `xhtml`, Atom 0.3 `mode="xml"`) or text,
 * with base64 decoded (Atom 0.3 `mode="base64"`, Atom 1.0 non-text media types).
 */
function construct(el: Element): { html: boolean; value: string } {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  const mode = el.getAttribute('mode');
  let value = el.textContent ?? '';
  if (mode === 'base64' || (type.includes('/') && !/^text\/|xml/.test(type))) {
    try {
      value = new TextDecoder().decode(Uint8Array.from(atob(value.replace(/\s/g, '')), (c) => c.charCodeAt(0)));
    } catch {
      // Not base64 after all: keep the text.
    }
  } else if (type.includes('xhtml') || mode === 'xml') {
    const xml = new XMLSerializer();
    return { html: true, value: [...el.childNodes].map((node) => xml.serializeToString(node)).join('') };
  }
  return { html: type.includes('html'), value };
}

/** An Atom text construct as plain text: `text` as is, `html` and `xhtml` reduced to their text. */
export function atomText(el: Element | undefined): string {
  if (!el) return '';
  const { html, value } = construct(el);
  return html ? htmlToText(value) : collapse(value);
}

function markupOf(el: Element | undefined): string {
  const content = el && construct(el);
  return content?.html ? content.value : '';
}

function linkOf(entry: Element, rel: string, type?: RegExp): Element | undefined {
  return children(entry, 'link', ATOM).find(
    (el) => (el.getAttribute('rel') ?? 'alternate') === rel && (!type || type.test(el.getAttribute('type') ?? '')),
  );
}

/** A link's target: `href`, or the element's text as some Atom 0.3 feeds write it. */
function hrefOf(link: Element | undefined): string | undefined {
  return link ? link.getAttribute('href') ?? link.textContent ?? undefined : undefined;
}

/** Atom 1.0 (and 0.3) entries as posts. */
export function parseAtom(doc: Document, documentUrl: string): Parsed<Post> {
  const posts: Post[] = [];
  let skipped = 0;
  for (const entry of children(doc.documentElement, 'entry', ATOM)) {
    if (!entry.children.length) {
      skipped++;
      continue;
    }
    const base = baseOf(entry, documentUrl);
    // The web page: an html (or untyped) alternate before, say, a PDF one.
    const alternate = linkOf(entry, 'alternate', /html|^$/) ?? linkOf(entry, 'alternate');
    const url = safeUrl(hrefOf(alternate), alternate ? baseOf(alternate, documentUrl) : base);
    const title = atomText(child(entry, 'title', ATOM));
    const content = child(entry, 'content', ATOM);
    const summary = child(entry, 'summary', ATOM);
    const text = (name: string) => textOf(entry, name, ATOM);
    const updated = parseDate(text('updated') || text('modified'));
    let authors = children(entry, 'author', ATOM);
    if (!authors.length) authors = children(doc.documentElement, 'author', ATOM);
    posts.push({
      id: text('id') || url || `${title}|${posts.length}`,
      title,
      url,
      date: parseDate(text('published') || text('issued') || text('created')) ?? updated,
      updated,
      author: authors
        .map((author) => textOf(author, 'name', ATOM))
        .filter(Boolean)
        .join(', '),
      excerpt: atomText(summary ?? content),
      image: imageOf(entry, base, markupOf(content) || markupOf(summary)),
      categories: children(entry, 'category', ATOM)
        .map((el) => el.getAttribute('label') || el.getAttribute('term') || '')
        .filter(Boolean),
    });
  }
  return { items: posts, skipped };
}

function imageOf(entry: Element, base: string, html: string): Image | undefined {
  const thumb = child(entry, 'thumbnail', NS.media);
  const enclosure = linkOf(entry, 'enclosure', /^image\//);
  const candidate = thumb?.getAttribute('url') ?? hrefOf(enclosure);
  const src = safeUrl(candidate, base, 'image');
  if (src) return { src, alt: '' };
  const img = firstImage(html);
  const first = img && safeUrl(img.src, base, 'image');
  return first ? { src: first, alt: img.alt } : undefined;
}
