/**
 * The one way widgets get data: `fetch` with a timeout, one request per absolute URL per page
 * (shared by every widget and every copy of the library on the page), a size guard, charset
 * decoding, and a last-good copy in `localStorage` so a repeat visit paints at once.
 */

/** A response body as the parsers see it. */
export interface Body {
  /** The decoded text. */
  text: string;
  /** The Content-Type header, or '' when the body came from the saved copy without one. */
  contentType: string;
  /** The final URL (after redirects); links in the data resolve against it. */
  url: string;
}

export type LoadErrorKind = 'http' | 'timeout' | 'network' | 'too-large' | 'format';

/** A failure that names its cause and the likely fix, for the one console warning. */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly kind: LoadErrorKind,
    readonly hint: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** Responses larger than this are refused rather than parsed (a feed is rarely over 1 MB). */
export const MAX_BYTES = 8 * 1024 * 1024;
/** Bodies larger than this are not saved for the next visit (localStorage holds about 5 MB per site). */
const MAX_SAVED_CHARS = 512 * 1024;
const STORAGE_PREFIX = 'iigp-widgets:v1:';

interface Request {
  promise: Promise<Body>;
  controller: AbortController;
  users: number;
  body?: Body;
}

// Shared through the global object so that two copies of the library on one page still make one request.
const registry = globalThis as unknown as Record<symbol, Map<string, Request> | undefined>;
const KEY = Symbol.for('iigp-widgets.requests.v1');
const requests: Map<string, Request> = (registry[KEY] ??= new Map());

/** Resolves `src` against the page, as `<img src>` does. */
export function absoluteUrl(src: string): string {
  return new URL(src, document.baseURI).href;
}

function crossOrigin(url: string): boolean {
  return new URL(url).origin !== location.origin;
}

function networkError(url: string): LoadError {
  if (navigator.onLine === false) return new LoadError('the browser is offline', 'network', 'It loads when the connection is back.');
  return crossOrigin(url)
    ? new LoadError(
        'the request failed or the browser blocked it (CORS)',
        'network',
        'The data host must send Access-Control-Allow-Origin (WordPress does on /wp-json/, not /feed/): use the REST URL or a JSON snapshot.',
      )
    : new LoadError('the request failed', 'network', 'Check the address and the server.');
}

function httpError(status: number): LoadError {
  const hint = status === 404 || status === 410 ? 'Check the src address.' : status >= 500 ? 'The server had an error.' : 'The data must be public.';
  return new LoadError(`the server answered ${status}`, 'http', hint, status);
}

function charsetOf(contentType: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (declared) return declared;
  // An XML declaration names the encoding when HTTP does not (a WordPress feed always says UTF-8).
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1] ?? 'utf-8';
}

/** Decodes bytes the way a feed reader should: BOM, then the HTTP charset, then the XML declaration. */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  try {
    return new TextDecoder(charsetOf(contentType, bytes)).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

async function readBytes(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BYTES) throw tooLarge();
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(): LoadError {
  return new LoadError('the response is over 8 MB', 'too-large', 'Use a feed of recent entries, not a full export.');
}

function start(url: string, timeout: number): Request {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const request: Request = { controller, users: 0, promise: undefined as unknown as Promise<Body> };
  request.promise = (async () => {
    try {
      // No custom headers: they would turn a simple cross-origin GET into a preflighted one.
      const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
      if (!response.ok) throw httpError(response.status);
      const contentType = response.headers.get('content-type') ?? '';
      const text = decodeBody(await readBytes(response), contentType);
      return { text, contentType, url: response.url || url };
    } catch (error) {
      if (timedOut) {
        throw new LoadError(`no complete answer within ${timeout / 1000} s`, 'timeout', 'The server is slow or down.');
      }
      throw error instanceof LoadError ? error : networkError(url);
    } finally {
      clearTimeout(timer);
    }
  })();
  request.promise.then(
    (body) => (request.body = body),
    () => requests.get(url) === request && requests.delete(url),
  );
  return request;
}

function abortError(): DOMException {
  return new DOMException('aborted', 'AbortError');
}

/**
 * Fetches `url` once per page. Each caller passes its own signal; the underlying request is only
 * abandoned when every caller has gone, so a widget leaving the page never cancels another's data.
 */
export function fetchShared(url: string, options: { timeout: number; signal?: AbortSignal }): Promise<Body> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  let request = requests.get(url);
  if (!request) {
    request = start(url, options.timeout);
    requests.set(url, request);
  }
  const shared = request;
  shared.users++;
  return new Promise<Body>((resolve, reject) => {
    const release = () => {
      signal?.removeEventListener('abort', onAbort);
      shared.users--;
    };
    const onAbort = () => {
      release();
      if (shared.users === 0 && !shared.body) {
        shared.controller.abort();
        if (requests.get(url) === shared) requests.delete(url);
      }
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort);
    shared.promise.then(
      (body) => {
        if (signal?.aborted) return;
        release();
        resolve(body);
      },
      (error) => {
        if (signal?.aborted) return;
        release();
        reject(error);
      },
    );
  });
}

interface Saved {
  savedAt: number;
  body: Body;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Blocked storage (private modes, sandboxed frames) throws on access.
  }
}

// Read once per page: every widget on a URL then gets the same Body, which is parsed once.
const recalled = new Map<string, Saved | null>();

/** The last good copy of `url` saved by `remember`, with its age in seconds. */
export function recall(url: string): { body: Body; age: number } | undefined {
  let saved = recalled.get(url);
  if (saved === undefined) {
    saved = null;
    try {
      const value = JSON.parse(storage()?.getItem(STORAGE_PREFIX + url) ?? 'null') as { savedAt?: number; text?: unknown; contentType?: string; url?: string } | null;
      if (typeof value?.text === 'string') {
        saved = { savedAt: Number(value.savedAt) || 0, body: { text: value.text, contentType: value.contentType ?? '', url: value.url ?? url } };
      }
    } catch {
      // Unreadable or blocked storage: no saved copy.
    }
    recalled.set(url, saved);
  }
  return saved ? { body: saved.body, age: (Date.now() - saved.savedAt) / 1000 } : undefined;
}

const remembered = new WeakSet<Body>();

/** Saves a body that parsed well, so the next visit can paint it before the network answers. */
export function remember(url: string, body: Body): void {
  if (remembered.has(body) || body.text.length > MAX_SAVED_CHARS) return;
  remembered.add(body);
  try {
    storage()?.setItem(STORAGE_PREFIX + url, JSON.stringify({ savedAt: Date.now(), text: body.text, contentType: body.contentType, url: body.url }));
  } catch {
    // Quota exceeded or storage disabled: the widget still works, only without the instant repeat paint.
  }
}

/**
 * What a widget can show for `url` now and what is on its way: the body fetched earlier on this page,
 * else the saved copy (fresh when younger than `maxAge` seconds) and, unless that is fresh, a request.
 */
export function loadCached(
  url: string,
  options: { maxAge: number; timeout: number; signal?: AbortSignal },
): { cached?: Body; fresh?: Promise<Body> } {
  const done = requests.get(url)?.body;
  if (done) return { cached: done };
  const saved = recall(url);
  if (saved && saved.age < options.maxAge) return { cached: saved.body };
  return { cached: saved?.body, fresh: fetchShared(url, options) };
}
