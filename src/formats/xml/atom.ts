import type { Image, Parsed, Post } from '../../model.js';
import { collapse, firstImage, htmlToText } from '../../shared/text.js';
import { markChecked, safeUrl } from '../../shared/url.js';
import { parseDate } from '../dates/dates.js';
import { lazy } from '../../shared/lazy.js';
import { NS, baseOf, childrenOf, misreadUtf8, textOf, type Children } from './xml.js';

/** Atom 1.0 and 0.3, and a `<feed>` that forgot its namespace. */
const ATOM = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#', null];

/**
 * The content of an Atom text construct as markup (`html`, `xhtml`, Atom 0.3 `mode="xml"`) or text,
 * with base64 decoded (Atom 0.3 `mode="base64"`, Atom 1.0 non-text media types).
 */
function construct(el: Element): { html: boolean; value: string } {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  const mode = el.getAttribute('mode');
  let value = misreadUtf8(el.textContent ?? '');
  if (mode === 'base64' || (type.includes('/') && !/^text\/|xml/.test(type))) {
    try {
      value = new TextDecoder().decode(Uint8Array.from(atob(value.replace(/\s/g, '')), (c) => c.charCodeAt(0)));
    } catch {
      // Not base64 after all: keep the text.
    }
  } else if (type.includes('xhtml') || mode === 'xml') {
    const xml = new XMLSerializer();
    return { html: true, value: misreadUtf8([...el.childNodes].map((node) => xml.serializeToString(node)).join('')) };
  }
  return { html: type.includes('html'), value };
}

/** A text construct's content as plain text: `text` as is, `html` and `xhtml` reduced to their text. */
function plain({ html, value }: { html: boolean; value: string }): string {
  return html ? htmlToText(value) : collapse(value);
}

/** An Atom text construct as plain text. */
export function atomText(el: Element | undefined): string {
  return el ? plain(construct(el)) : '';
}

function markupOf(el: Element | undefined): string {
  const content = el && construct(el);
  return content?.html ? content.value : '';
}

function linkOf(get: Children, rel: string, type?: RegExp): Element | undefined {
  return get('link', ATOM).find(
    (el) => (el.getAttribute('rel') ?? 'alternate') === rel && (!type || type.test(el.getAttribute('type') ?? '')),
  );
}

/** A link's target: `href`, or the element's text as some Atom 0.3 feeds write it. */
function hrefOf(link: Element | undefined): string | undefined {
  return link ? (link.getAttribute('href') ?? link.textContent ?? undefined) : undefined;
}

/** Atom 1.0 (and 0.3) entries as posts. */
export function parseAtom(doc: Document, documentUrl: string): Parsed<Post> {
  const posts: Post[] = [];
  let skipped = 0;
  const feed = childrenOf(doc.documentElement);
  for (const entry of feed('entry', ATOM)) {
    if (!entry.children.length) {
      skipped++;
      continue;
    }
    const get = childrenOf(entry);
    const base = baseOf(entry, documentUrl);
    // The web page: an html (or untyped) alternate before, say, a PDF one.
    const alternate = linkOf(get, 'alternate', /html|^$/) ?? linkOf(get, 'alternate');
    const url = safeUrl(hrefOf(alternate), alternate ? baseOf(alternate, documentUrl) : base);
    const title = atomText(get('title', ATOM)[0]);
    const [content] = get('content', ATOM);
    const [summary] = get('summary', ATOM);
    // Of an element given twice (invalid Atom), the last: a later value overwrites an earlier one.
    const text = (name: string) => textOf(get(name, ATOM).pop());
    const updated = parseDate(text('updated') || text('modified'));
    const [id] = get('id', ATOM);
    let authors = get('author', ATOM);
    if (!authors.length) authors = feed('author', ATOM);
    const post: Post = {
      id: (id && absoluteId(textOf(id), baseOf(id, documentUrl))) || url || `${title}|${posts.length}`,
      title,
      url,
      date: parseDate(text('published') || text('issued') || text('created')) ?? updated,
      updated,
      author: authors
        .map((author) => textOf(childrenOf(author)('name', ATOM)[0]))
        .filter(Boolean)
        .join(', '),
      excerpt: '',
      image: imageOf(get, base),
      // The term is the category (what a widget's `category` attribute matches); a label only displays it.
      categories: get('category', ATOM)
        .map((el) => misreadUtf8(el.getAttribute('term')?.trim() || el.getAttribute('label')?.trim() || ''))
        .filter(Boolean),
    };
    const excerpt = summary ?? content;
    // Reduced from markup when first read, as in RSS.
    if (excerpt) lazy(post, 'excerpt', plain, construct(excerpt));
    if (!post.image) lazy(post, 'image', firstImage, markupOf(content) || markupOf(summary), base);
    posts.push(post);
  }
  return { items: markChecked(posts), skipped };
}

/**
 * An id as an absolute IRI (RFC 4287 4.2.6 requires one): a path (`/relative/link`, `./2`, `../2`) is
 * resolved against the entry's base, as feed readers do, so that ids stay unique across feeds. Anything
 * else is kept exactly as written: an id with a scheme (`tag:`, `urn:`, `http:`), and a bare word (`1234`,
 * `post-7`), an opaque key written without one, that resolving would turn into an address never published.
 */
function absoluteId(id: string, base: string): string {
  if (!/^\.{0,2}\//.test(id)) return id;
  try {
    return new URL(id, base).href;
  } catch {
    return id;
  }
}

/** The image an entry names in its elements (a Media RSS thumbnail, an image enclosure). */
function imageOf(get: Children, base: string): Image | undefined {
  const candidate = get('thumbnail', NS.media)[0]?.getAttribute('url') ?? hrefOf(linkOf(get, 'enclosure', /^image\//));
  const src = safeUrl(candidate, base, 'image');
  return src ? { src, alt: '' } : undefined;
}
