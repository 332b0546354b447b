/**
 * The one way widgets get data: `fetch` with a timeout, one request per absolute URL per page
 * (shared by every widget and every copy of the library on the page, and held until the last of them
 * leaves), a size guard, charset
 * decoding, and a last-good copy in `localStorage` so a repeat visit paints at once. Its failures
 * carry what happened (kind, status, a detail); their words come with explain.ts, loaded on failure.
 */

import { LoadError } from './load-error.js';
import { pageState } from './page-state.js';

export { LoadError, type LoadErrorKind } from './load-error.js';

/** A response body as the parsers see it. */
export interface Body {
  /** The decoded text. */
  text: string;
  /** The Content-Type header, or '' when the body came from the saved copy without one. */
  contentType: string;
  /** The final URL (after redirects); links in the data resolve against it. */
  url: string;
}

/** Responses larger than this are refused rather than parsed (a feed is rarely over 1 MB). */
export const MAX_BYTES = 8 * 1024 * 1024;
/** Bodies larger than this are not saved for the next visit (localStorage holds about 5 MB per site). */
const MAX_SAVED_CHARS = 512 * 1024;
const STORAGE_PREFIX = 'iigp-widgets:v1:';

interface Request {
  promise: Promise<Body>;
  controller: AbortController;
  body?: Body;
}

// Shared with other copies of the library on the page, so that they still make one request per URL.
const requests = (pageState.requests ??= new Map()) as Map<string, Request>;
// How many widgets show (or are loading) each URL: its body stays for the widgets that come later until
// the last of them leaves.
const holders = (pageState.holders ??= new Map()) as Map<string, number>;

/** Resolves `src` against the page, as `<img src>` does; a `src` that is no URL is a LoadError. */
export function absoluteUrl(src: string): string {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    throw new LoadError('src', 'http', '');
  }
}

/**
 * Decodes bytes the way a feed reader should. Bodies that say UTF-8 or nothing in their Content-Type and
 * are valid UTF-8 (nearly all) are read here; the rest by decode-repair.ts, loaded on demand: a byte order
 * mark, then the HTTP charset, then the XML declaration, an iCalendar line folded inside a character, and
 * windows-1252 for a body that declared nothing and is not UTF-8.
 */
export async function decodeBody(bytes: Uint8Array, contentType: string): Promise<string> {
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (!charset || /^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: below.
    }
  }
  return (await import('./decode-repair.js')).decodeRepair(bytes, contentType);
}

/** Reads the body, refusing it as soon as it passes MAX_BYTES (a response without a body reads as empty). */
async function readBytes(response: Response): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length')) > MAX_BYTES) throw tooLarge();
  const reader = response.body?.getReader();
  const chunks: BlobPart[] = [];
  let size = 0;
  for (let read; reader && !(read = await reader.read()).done; chunks.push(read.value)) {
    if ((size += read.value.byteLength) > MAX_BYTES) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

const tooLarge = () => new LoadError('', 'too-large', '');

function start(url: string, timeout: number): Request {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout>;
  // The limit holds without the signal too: a page's fetch wrapper may drop it, and the request never ends.
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LoadError(String(timeout / 1000), 'timeout', ''));
    }, timeout);
  });
  const work = (async () => {
    try {
      // No custom headers: they would turn a simple cross-origin GET into a preflighted one. Cookies go
      // to the page's own origin only (fetch's default credentials mode).
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok) throw new LoadError('', 'http', '', response.status);
      const contentType = response.headers.get('content-type') ?? '';
      const text = await decodeBody(await readBytes(response), contentType);
      return { text, contentType, url: response.url || url };
    } catch (error) {
      throw error instanceof LoadError ? error : new LoadError('', 'network', '');
    }
  })();
  const promise = Promise.race([work, limit]).finally(() => clearTimeout(timer));
  const request: Request = { controller, promise };
  promise.then(
    (body) => (request.body = body),
    () => requests.get(url) === request && requests.delete(url),
  );
  return request;
}

interface Saved {
  savedAt: number;
  body: Body;
}

// Read once per page: every widget on a URL then gets the same Body, which is parsed once.
const recalled = new Map<string, Saved | undefined>();

/** The last good copy of `url` saved by `remember`, and when it was saved. */
export function recall(url: string): Saved | undefined {
  if (!recalled.has(url)) {
    let saved: Saved | undefined;
    try {
      // JSON.parse(null) is null: nothing saved. A copy in another shape (another version's) is none.
      saved = JSON.parse(localStorage.getItem(STORAGE_PREFIX + url)!) as Saved | undefined;
      if (typeof saved?.body?.text != 'string') saved = undefined;
    } catch {
      // Unreadable or blocked storage (private modes and sandboxed frames throw on access): no saved copy.
    }
    recalled.set(url, saved);
  }
  return recalled.get(url);
}

const remembered = new WeakSet<Body>();

/** Saves a body that parsed well, so the next visit can paint it before the network answers. */
export function remember(url: string, body: Body): void {
  if (remembered.has(body) || body.text.length > MAX_SAVED_CHARS) return;
  remembered.add(body);
  try {
    localStorage.setItem(STORAGE_PREFIX + url, JSON.stringify({ savedAt: Date.now(), body } satisfies Saved));
  } catch {
    // Quota exceeded or storage blocked: the widget still works, only without the instant repeat paint.
  }
}

/**
 * What a widget can show for `url` now and what is on its way: the body fetched earlier on this page,
 * else the saved copy (fresh when younger than `maxAge` seconds) and, unless that is fresh, a request.
 * The caller holds the body until it calls `release(url)`.
 */
export function loadCached(
  url: string,
  options: { maxAge: number; timeout: number },
): { cached?: Body; fresh?: Promise<Body> } {
  holders.set(url, (holders.get(url) ?? 0) + 1);
  const done = requests.get(url)?.body;
  if (done) return { cached: done };
  const saved = recall(url);
  const age = Date.now() - (saved?.savedAt ?? 0);
  // A save time in the future (a clock that ran fast) is not fresh: it would be fresh for ever. One that
  // is no number (NaN) is not fresh either.
  if (saved && age >= 0 && age < options.maxAge * 1000) return { cached: saved.body };
  // One request per URL however many widgets ask; abandoned when the last of them leaves (release).
  let request = requests.get(url);
  if (!request) requests.set(url, (request = start(url, options.timeout)));
  return { cached: saved?.body, fresh: request.promise };
}

/** A caller of loadCached(url) no longer needs its body: when none does, the page lets it go. */
export function release(url: string): void {
  holders.set(url, holders.get(url)! - 1);
  // Once the code running now is done: a widget that loads the same URL again at once (its format
  // changed) holds it first.
  queueMicrotask(() => {
    if (holders.get(url)) return;
    holders.delete(url);
    recalled.delete(url);
    // A request still on its way is abandoned: no widget waits for it any more.
    requests.get(url)?.controller.abort();
    requests.delete(url);
  });
}
