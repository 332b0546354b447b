/**
 * The rest of decodeBody (loader.ts), loaded on demand for a body that is not valid UTF-8 or declares
 * another charset. The charset comes from a byte order mark, then the HTTP header, then the XML
 * declaration. RFC 5545 folds lines at 75 octets, which may fall inside a character: iCalendar is unfolded
 * on its bytes before it is decoded. A body that declares nothing and is not UTF-8 is read as
 * windows-1252, as feed readers and browsers do.
 */
export function decodeRepair(bytes: Uint8Array, contentType: string): string {
  const [a, b, c] = bytes;
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const charset =
    (a === 0xef && b === 0xbb && c === 0xbf
      ? 'utf-8'
      : a === 0xff && b === 0xfe
        ? 'utf-16le'
        : a === 0xfe && b === 0xff
          ? 'utf-16be'
          : undefined) ??
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    // An XML declaration names the encoding when HTTP does not (a WordPress feed always says UTF-8).
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  const utf8 = !charset || /^utf-?8$/i.test(charset);
  if (utf8 && (/calendar/i.test(contentType) || /^(\xef\xbb\xbf)?BEGIN:VCALENDAR/i.test(head))) {
    const unfolded: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      // CRLF (or a bare LF) followed by a space or a tab is a fold: removed.
      const fold = bytes[i] === 13 && bytes[i + 1] === 10 ? 2 : bytes[i] === 10 ? 1 : 0;
      if (fold && (bytes[i + fold] === 32 || bytes[i + fold] === 9)) i += fold;
      else unfolded.push(bytes[i]);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(unfolded));
    } catch {
      // Not UTF-8 even unfolded: below.
    }
  }
  try {
    return new TextDecoder(charset ?? 'windows-1252').decode(bytes);
  } catch {
    // A charset the browser does not know.
    return new TextDecoder().decode(bytes);
  }
}
