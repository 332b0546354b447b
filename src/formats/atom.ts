import type { Image, Parsed, Post } from '../model.js';
import { collapse, firstImage, htmlToText } from '../shared/text.js';
import { safeUrl } from '../shared/url.js';
import { parseDate } from './dates.js';
import { NS, baseOf, child, children, textOf } from './xml.js';

const ATOM = NS.atom;

/** An Atom text construct as plain text: `text` as is, `html` and `xhtml` reduced to their text. */
export function atomText(el: Element | undefined): string {
  if (!el) return '';
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'html' || type === 'text/html') return htmlToText(el.textContent);
  if (type === 'xhtml' || type === 'application/xhtml+xml') return collapse(el.textContent ?? '');
  return collapse(el.textContent ?? '');
}

function markupOf(el: Element | undefined): string {
  if (!el) return '';
  const type = el.getAttribute('type') ?? 'text';
  if (type.includes('xhtml')) return new XMLSerializer().serializeToString(el);
  return type.includes('html') ? el.textContent ?? '' : '';
}

function linkOf(entry: Element, rel: string, type?: RegExp): Element | undefined {
  return children(entry, 'link', ATOM).find(
    (el) => (el.getAttribute('rel') ?? 'alternate') === rel && (!type || type.test(el.getAttribute('type') ?? '')),
  );
}

/** Atom 1.0 (and 0.3) entries as posts. */
export function parseAtom(doc: Document, documentUrl: string): Parsed<Post> {
  const posts: Post[] = [];
  let skipped = 0;
  for (const entry of children(doc.documentElement, 'entry', ATOM)) {
    const base = baseOf(entry, documentUrl);
    const alternate = linkOf(entry, 'alternate', /html/) ?? linkOf(entry, 'alternate');
    const linkBase = alternate ? baseOf(alternate, documentUrl) : base;
    const url = safeUrl(alternate?.getAttribute('href'), linkBase);
    const title = atomText(child(entry, 'title', ATOM));
    const content = child(entry, 'content', ATOM);
    const summary = child(entry, 'summary', ATOM);
    const date = parseDate(
      textOf(entry, 'published', ATOM) || textOf(entry, 'issued', ATOM) || textOf(entry, 'updated', ATOM) || textOf(entry, 'modified', ATOM),
    );
    if (!title && !url && !content && !summary) {
      skipped++;
      continue;
    }
    const author = child(entry, 'author', ATOM) ?? child(doc.documentElement, 'author', ATOM);
    posts.push({
      id: textOf(entry, 'id', ATOM) || url || `${title}|${posts.length}`,
      title,
      url,
      date,
      updated: parseDate(textOf(entry, 'updated', ATOM) || textOf(entry, 'modified', ATOM)),
      author: author ? textOf(author, 'name', ATOM) : '',
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
  const candidate = thumb?.getAttribute('url') ?? enclosure?.getAttribute('href');
  const src = safeUrl(candidate, base, 'image');
  if (src) return { src, alt: '' };
  const img = firstImage(html);
  const first = img && safeUrl(img.src, base, 'image');
  return first ? { src: first, alt: img.alt } : undefined;
}
