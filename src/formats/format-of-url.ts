// Its own module: a widget needs this guess as soon as it knows its URL, and the body detection
// (detect.ts) only once the body is there, so detect.ts loads on demand and this does not.

/**
 * The format a URL most likely serves, known before its body is: enough to start loading that parser
 * alongside the data. The body decides (`detectFormat`); `undefined` when the URL says nothing.
 */
export function formatOfUrl(url: string): 'wp' | 'json' | 'ics' | undefined {
  return /\/wp-json\//.test(url)
    ? 'wp'
    : (/\.(json|ics)([?#]|$)/i.exec(url)?.[1].toLowerCase() as 'json' | 'ics' | undefined);
}
