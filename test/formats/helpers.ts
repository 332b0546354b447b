/** What the format tests share: bodies as the loader hands them over, and small RSS and Atom documents. */
import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/formats/xml/feed.js';
import type { Post } from '../../src/model.js';
import { LoadError, type Body } from '../../src/shared/loader.js';

export const SITE = 'https://iigp.example';

export function body(text: string, contentType = '', url = `${SITE}/feed/`): Body {
  return { text, contentType, url };
}

export function json(value: unknown, url = `${SITE}/wp-json/wp/v2/posts`): Body {
  return body(JSON.stringify(value), 'application/json; charset=UTF-8', url);
}

export async function posts(xml: string, url?: string): Promise<Post[]> {
  return (await parseFeed(body(xml, 'application/rss+xml', url))).items;
}

export function formatErrorOf(fn: () => unknown): LoadError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(LoadError);
    expect((error as LoadError).kind).to.equal('format');
    return error as LoadError;
  }
  throw new Error('expected a format error');
}

/** The same for a parser that may report the error as a rejected promise (parts of it load on demand). */
export async function formatRejectionOf(fn: () => unknown): Promise<LoadError> {
  try {
    await fn();
  } catch (error) {
    expect(error).to.be.instanceOf(LoadError);
    expect((error as LoadError).kind).to.equal('format');
    return error as LoadError;
  }
  throw new Error('expected a format error');
}

export function rss(items: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:media="http://search.yahoo.com/mrss/" ${extra}><channel><title>IIGP</title><link>${SITE}/</link>${items}</channel></rss>`;
}

export function atom(entries: string, attributes = ''): string {
  return `<feed xmlns="http://www.w3.org/2005/Atom" ${attributes}><title>IIGP</title>${entries}</feed>`;
}
