// A leaf of its own: parseXml (xml.ts) and the repairs it loads on demand (xml-repair.ts) both ask it.

/** Whether the XML parser refused the document. */
export function hasError(doc: Document): boolean {
  // Chromium and WebKit insert a <parsererror> element; Firefox returns one as the root.
  return doc.getElementsByTagNameNS('*', 'parsererror').length > 0;
}
