/**
 * The one way widgets get data: `fetch` with a timeout, one request per absolute URL per page
 * (shared by every widget and every copy of the library on the page), a size guard, charset
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
/** Loaded bodies the page keeps for widgets that come later; older ones are released. */
const MAX_HELD = 16;

interface Request {
  promise: Promise<Body>;
  controller: AbortController;
  users: number;
  body?: Body;
}

// Shared with other copies of the library on the page, so that they still make one request per URL.
const requests = (pageState.requests ??= new Map()) as Map<string, Request>;

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
  const request: Request = { controller, users: 0, promise };
  promise.then(
    (body) => {
      request.body = body;
      // The page keeps the last MAX_HELD bodies (for widgets added later), not every body it ever loaded.
      let held = 0;
      for (const [key, other] of [...requests].reverse()) if (other.body && ++held > MAX_HELD) requests.delete(key);
    },
    () => requests.get(url) === request && requests.delete(url),
  );
  return request;
}

/**
 * Fetches `url` once per page. Each caller passes its own signal; the underlying request is only
 * abandoned when every caller has gone, so a widget leaving the page never cancels another's data.
 */
export function fetchShared(url: string, options: { timeout: number; signal: AbortSignal }): Promise<Body> {
  const { signal } = options;
  let request = requests.get(url);
  if (!request) requests.set(url, (request = start(url, options.timeout)));
  const shared = request;
  shared.users++;
  return new Promise<Body>((resolve, reject) => {
    const release = () => {
      signal.removeEventListener('abort', onAbort);
      shared.users--;
    };
    const onAbort = () => {
      release();
      if (!shared.users && !shared.body) {
        shared.controller.abort();
        if (requests.get(url) === shared) requests.delete(url);
      }
      reject(new DOMException('aborted', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort);
    // After an abort this caller has been released and answered already.
    shared.promise.then(
      (body) => signal.aborted || (release(), resolve(body)),
      (error) => signal.aborted || (release(), reject(error)),
    );
  });
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
      // JSON.parse(null) is null: nothing saved.
      const value = JSON.parse(localStorage.getItem(STORAGE_PREFIX + url)!) as {
        savedAt?: number;
        text?: unknown;
        contentType?: string;
        url?: string;
      } | null;
      if (typeof value?.text === 'string') {
        saved = {
          savedAt: Number(value.savedAt) || 0,
          body: { text: value.text, contentType: value.contentType ?? '', url: value.url ?? url },
        };
      }
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
    localStorage.setItem(STORAGE_PREFIX + url, JSON.stringify({ savedAt: Date.now(), ...body }));
  } catch {
    // Quota exceeded or storage blocked: the widget still works, only without the instant repeat paint.
  }
}

/**
 * What a widget can show for `url` now and what is on its way: the body fetched earlier on this page,
 * else the saved copy (fresh when younger than `maxAge` seconds) and, unless that is fresh, a request.
 */
export function loadCached(
  url: string,
  options: { maxAge: number; timeout: number; signal: AbortSignal },
): { cached?: Body; fresh?: Promise<Body> } {
  const done = requests.get(url)?.body;
  if (done) return { cached: done };
  const saved = recall(url);
  const age = Date.now() - (saved?.savedAt ?? 0);
  // A save time in the future (a clock that ran fast) is not fresh: it would be fresh for ever.
  if (saved && age >= 0 && age < options.maxAge * 1000) return { cached: saved.body };
  return { cached: saved?.body, fresh: fetchShared(url, options) };
}
