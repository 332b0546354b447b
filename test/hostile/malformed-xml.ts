/**
 * Documents that XML's document parser refuses while fragment parsing (what `wellFormed` used alone) accepts
 * them, or that reached `DOMParser` without the check: each gave Chromium's error element, whose inline
 * style a strict CSP reports. Each must end in a format error, or `ready` where a repair legitimately
 * makes it a feed (`ready` below). Shared by the CSP test (widgets on a strict page) and the
 * well-formedness test (parseXml with `DOMParser` watched, in every engine).
 */
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const OPEN = '<rss version="2.0"><channel><title>T</title><link>https://iigp.example/</link>';
const ITEM = '<item><title>One</title><link>https://iigp.example/1</link></item>';
const FEED = `${OPEN}${ITEM}</channel></rss>`;

export interface Shape {
  name: string;
  text: string;
  /** What the widget ends in: a format error unless a repair makes the document a feed. */
  ends: 'error' | 'ready';
  /** The engines whose document parser refuses it, when not all do. */
  refusedBy?: string;
}

export const SHAPES: Shape[] = [
  // Cut inside a construct: these skipped the check (a construct left open went straight to DOMParser).
  { name: 'cut inside a comment', text: `${HEAD}${OPEN}${ITEM}<!-- the rest`, ends: 'error' },
  { name: 'cut inside a comment after the root', text: `${HEAD}${FEED}<!-- the rest`, ends: 'error' },
  { name: 'cut inside a CDATA section', text: `${HEAD}${OPEN}<item><title><![CDATA[One and`, ends: 'error' },
  { name: 'cut inside a processing instruction', text: `${HEAD}${OPEN}${ITEM}<?pi the rest`, ends: 'error' },
  {
    name: 'a character XML refuses',
    text: `${HEAD}${OPEN}<item><title>A\u0001B</title></item></channel></rss>`,
    ends: 'error',
  },
  // The document's grammar, which fragment parsing does not apply.
  { name: 'only an XML declaration', text: HEAD, ends: 'error' },
  { name: 'only a declaration and a comment', text: `${HEAD}<!-- no root -->`, ends: 'error' },
  { name: 'two root elements', text: `${HEAD}${FEED}${FEED}`, ends: 'error' },
  { name: 'text after the root', text: `${HEAD}${FEED}trailing`, ends: 'error' },
  { name: 'text before the root', text: `${HEAD}<!-- c -->leading${FEED}`, ends: 'error' },
  { name: 'a character reference after the root', text: `${HEAD}${FEED}&#32;`, ends: 'error' },
  { name: 'an entity reference after the root', text: `${HEAD}${FEED}&amp;`, ends: 'error' },
  { name: 'a CDATA section after the root', text: `${HEAD}${FEED}<![CDATA[]]>`, ends: 'error' },
  { name: 'an end tag after the root', text: `${HEAD}${FEED}</rss>`, ends: 'error' },
  { name: 'a second XML declaration', text: `${HEAD}${HEAD}${FEED}`, ends: 'error' },
  { name: 'an XML declaration after a comment', text: `<!-- c -->${HEAD}${FEED}`, ends: 'error' },
  {
    name: 'an XML declaration with an unknown pseudo-attribute',
    text: `<?xml version="1.0" mode="x"?>${FEED}`,
    ends: 'error',
  },
  { name: 'an XML declaration of version 2.0', text: `<?xml version="2.0"?>${FEED}`, ends: 'error' },
  { name: 'an XML declaration without a version', text: `<?xml encoding="UTF-8"?>${FEED}`, ends: 'error' },
  {
    name: 'an XML declaration with standalone="maybe"',
    text: `<?xml version="1.0" standalone="maybe"?>${FEED}`,
    ends: 'error',
  },
  {
    name: 'an encoding name that is not a name',
    text: `<?xml version="1.0" encoding="8bit"?>${FEED}`,
    ends: 'error',
    refusedBy: 'Firefox, WebKit',
  },
  // Decoded already, the encoding declared says nothing (WebKit refused a name it does not know).
  { name: 'an unknown encoding name', text: `<?xml version="1.0" encoding="bogus"?>${FEED}`, ends: 'ready' },
  {
    name: 'an undeclared namespace prefix',
    text: `${HEAD}${OPEN}<item><title>A</title><dc:creator>B</dc:creator></item></channel></rss>`,
    ends: 'error',
  },
  {
    name: 'a colon in a processing instruction target',
    text: `${HEAD}${OPEN}${ITEM}<?a:b x?></channel></rss>`,
    ends: 'error',
    refusedBy: 'Firefox, WebKit',
  },
  // DOCTYPEs skipped the check.
  { name: 'a DOCTYPE after the root', text: `${HEAD}${FEED}<!DOCTYPE rss>`, ends: 'error' },
  { name: 'a DOCTYPE cut off', text: `${HEAD}<!DOCTYPE rss [<!ENTITY a "b">`, ends: 'error' },
  {
    name: 'a DOCTYPE and a tag left open',
    text: `${HEAD}<!DOCTYPE rss>${OPEN}<item><title>A</titl></item></channel></rss>`,
    ends: 'error',
  },
  {
    name: 'a DOCTYPE whose entity is markup',
    text: `<!DOCTYPE rss [<!ENTITY b "<b>">]>${OPEN}<item><title>&b;</title></item></channel></rss>`,
    ends: 'error',
  },
  {
    name: 'a DOCTYPE and an entity it does not declare',
    text: `<!DOCTYPE rss [<!ENTITY a "b">]>${OPEN}<item><title>&bogus;</title></item></channel></rss>`,
    ends: 'error',
  },
  {
    name: 'a DOCTYPE and an HTML entity (repaired)',
    text: `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">${OPEN}<item><title>Caf&eacute;</title></item></channel></rss>`,
    ends: 'ready',
  },
  {
    name: 'a DOCTYPE and an entity it declares',
    text: `<!DOCTYPE rss [<!ENTITY name "One">]>${OPEN}<item><title>&name;</title></item></channel></rss>`,
    ends: 'ready',
  },
  // Cut inside an element's content: the cut-off repair completes it.
  { name: 'cut inside an element (completed)', text: `${HEAD}${OPEN}${ITEM}<item><title>Two</title>`, ends: 'ready' },
];
