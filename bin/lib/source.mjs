// Reading the input: an http(s) URL (global fetch, 10 s for the whole response, redirects followed)
// or a local file, decoded with the charset the server or the XML declaration names.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TIMEOUT_MS = 10_000;
const MAX_BYTES = 50 * 1024 * 1024;

/** An error the user can act on: printed as is, without a stack. */
export class SnapshotError extends Error {
  constructor(message, hint) {
    super(message);
    this.name = 'SnapshotError';
    this.hint = hint;
  }
}

function charsetOf(bytes, contentType) {
  const header = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (header) return header;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  }
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
}

function decode(bytes, contentType) {
  let decoder;
  try {
    decoder = new TextDecoder(charsetOf(bytes, contentType));
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes).replace(/^\uFEFF/, '');
}

async function readBody(response) {
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) throw new SnapshotError(`the response is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function fetchUrl(url) {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const timedOut = () =>
    new SnapshotError(`no complete response from ${url} within ${TIMEOUT_MS / 1000} s`, 'Check the URL and that the server is up, then try again.');
  let response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal,
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5',
        'user-agent': 'iigp-widgets-snapshot',
      },
    });
  } catch (error) {
    if (signal.aborted) throw timedOut();
    const cause = error?.cause?.code ?? error?.cause?.message ?? error?.message;
    throw new SnapshotError(`could not reach ${url} (${cause})`, 'Check the address, the network and that the server is running.');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new SnapshotError(
      `${response.url || url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      response.status === 404 ? 'Check the address: WordPress feeds live at /feed/ and /wp-json/wp/v2/posts.' : undefined,
    );
  }
  let bytes;
  try {
    bytes = await readBody(response);
  } catch (error) {
    if (signal.aborted) throw timedOut();
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`the response from ${url} broke off (${error?.cause?.code ?? error?.message})`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  return { text: decode(bytes, contentType), url: response.url || url, contentType, remote: true };
}

async function readLocal(path) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.code ?? error.message;
    throw new SnapshotError(`cannot read ${path} (${why})`);
  }
  return { text: decode(bytes, ''), url: pathToFileURL(resolve(path)).href, contentType: '', remote: false };
}

/** Loads a URL or a file. `url` is the final URL after redirects (a file: URL for files). */
export function load(input) {
  if (/^https?:\/\//i.test(input)) return fetchUrl(input);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw new SnapshotError(`unsupported address ${input}`, 'Give an http(s) URL or a local file path.');
  }
  return readLocal(input);
}
