/// <reference types="node" />
/**
 * Reading the snapshot's input in Node: an http(s) URL (fetch, 10 s for the whole response, redirects
 * followed) or a local file, as bytes with the Content-Type they came with. They are decoded by the
 * loader's own `decodeBody` (snapshot.ts), so a snapshot reads a feed's charset as the widgets do.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TIMEOUT_MS = 10_000;
const MAX_BYTES = 50 * 1024 * 1024;

/** An error the user can act on: printed as is, without a stack, with a hint on the next line. */
export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** The input as it arrived: bytes, their Content-Type ('' for a file), and where they came from. */
export interface Source {
  bytes: Uint8Array;
  contentType: string;
  /** The final URL after redirects, or the file's `file:` URL. */
  url: string;
  remote: boolean;
}

const causeOf = (error: unknown) => {
  const e = error as { cause?: { code?: string; message?: string }; code?: string; message?: string } | undefined;
  return e?.cause?.code ?? e?.cause?.message ?? e?.code ?? e?.message;
};

async function readBody(response: Response): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) throw new SnapshotError(`the response is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function fetchUrl(url: string): Promise<Source> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const timedOut = () =>
    new SnapshotError(
      `no complete response from ${url} within ${TIMEOUT_MS / 1000} s`,
      'Check the URL and that the server is up, then try again.',
    );
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal,
      headers: {
        accept:
          'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5',
        'user-agent': 'iigp-widgets-snapshot',
      },
    });
  } catch (error) {
    if (signal.aborted) throw timedOut();
    throw new SnapshotError(
      `could not reach ${url} (${causeOf(error)})`,
      'Check the address, the network and that the server is running.',
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new SnapshotError(
      `${response.url || url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      response.status === 404
        ? 'Check the address: WordPress feeds live at /feed/ and /wp-json/wp/v2/posts.'
        : undefined,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBody(response);
  } catch (error) {
    if (signal.aborted) throw timedOut();
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`the response from ${url} broke off (${causeOf(error)})`);
  }
  return { bytes, contentType: response.headers.get('content-type') ?? '', url: response.url || url, remote: true };
}

async function readLocal(path: string): Promise<Source> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
    throw new SnapshotError(`cannot read ${path} (${why})`);
  }
  return { bytes, contentType: '', url: pathToFileURL(resolve(path)).href, remote: false };
}

/** Loads an http(s) URL or a local file; any other address is refused. */
export function readSource(input: string): Promise<Source> {
  if (/^https?:\/\//i.test(input)) return fetchUrl(input);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    return Promise.reject(
      new SnapshotError(`unsupported address ${input}`, 'Give an http(s) URL or a local file path.'),
    );
  }
  return readLocal(input);
}
