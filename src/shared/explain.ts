import type { LoadError } from './load-error.js';

/**
 * The words of the console warnings: what went wrong and what fixes it. Loaded on demand when there is
 * one to write (a page whose data loads and whose attributes are good never downloads them). The loader leaves `message` a detail (the seconds
 * of a time limit; `src` for an address that is no URL; the file of the library that did not load) and
 * `hint` empty; any other error (a bug) keeps its message and asks to be reported.
 */
export function explain(error: LoadError, url: string): void {
  [error.message, error.hint] = words(error, url);
}

/** What went wrong and the fix, for each kind of failure. */
function words({ kind, status = 0, message }: LoadError, url: string): [string, string] {
  switch (kind) {
    case 'format':
      return [message, 'Please report this with the src address.'];
    case 'timeout':
      return [`no complete answer within ${message} s`, 'The server is slow or down.'];
    case 'too-large':
      return ['the response is over 8 MB', 'Use a feed of recent entries.'];
    case 'http':
      if (!status) return ['src is not a URL', 'Write it as /feed/ or https://…'];
      if (status === 404 || status === 410) return [`the server answered ${status}`, 'Check the src address.'];
      return [`the server answered ${status}`, status >= 500 ? 'The server had an error.' : 'The data must be public.'];
  }
  // A network failure: a file of the library that did not load, or the data request.
  if (message) return [`its ${message} did not load`, 'Serve the whole dist/ folder.'];
  if (!navigator.onLine) return ['the browser is offline', 'It loads when back online.'];
  if (crossOrigin(url)) {
    return [
      'the request failed or the browser blocked it (CORS)',
      'The host must send Access-Control-Allow-Origin (WordPress does on /wp-json/, not /feed/): use /wp-json/ or a JSON snapshot.',
    ];
  }
  return ['the request failed', 'Check the address and the server.'];
}

function crossOrigin(url: string): boolean {
  try {
    return new URL(url).origin !== location.origin;
  } catch {
    return false;
  }
}

/** The one console warning of a failed load: the widget, the address, what went wrong and the fix. */
export function warning(tag: string, url: string, error: LoadError, saved: boolean): string {
  return (
    `iigp-widgets: <${tag}> could not load ${url}: ${error.message}. ${error.hint}` +
    (saved ? ' Showing the copy saved on an earlier visit.' : '')
  );
}

/** The warning for entries a parser could not read: how many, and that the rest are shown. */
export function skipped(tag: string, url: string, count: number): string {
  return `iigp-widgets: <${tag}> skipped ${count} unreadable ${count === 1 ? 'entry' : 'entries'} in ${url}; the rest are shown.`;
}

/** Fixes for attribute values a widget cannot use. */
const FIXES: Record<string, string> = {
  limit: 'a whole number of items, or -1 for all',
  'time-zone': 'an IANA time zone such as America/Detroit',
};

/** An attribute value the widget cannot use: it names the value, and the default is used instead. */
export function invalid(tag: string, name: string, value: unknown): string {
  return `iigp-widgets: <${tag}> ${name}="${value}" is not valid; using the default. Write ${FIXES[name]}.`;
}

/** `strings` that is not JSON. */
export function stringsNotJson(tag: string): string {
  return `iigp-widgets: <${tag}> strings is not JSON: write strings='{"register": "Sign up"}'.`;
}

/** A language file that did not load. */
export function noLanguage(tag: string, language: string): string {
  return `iigp-widgets: <${tag}> could not load its ${language} words; showing English. Serve the whole dist/ folder.`;
}

/** The newsletter archive's ordering code did not load: the links it wraps are shown as written. */
export function noOrdering(tag: string, file: string): string {
  return `iigp-widgets: <${tag}> could not load ${file}; showing the issues as written. Serve the whole dist/ folder.`;
}
