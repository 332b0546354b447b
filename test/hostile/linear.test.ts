/**
 * Every text routine runs in time linear in its input: each is fed adversarial input at two sizes (n and
 * 8n) and the time per call may grow at most 24× (linear work grows 8×, quadratic work 64×). Ratios within
 * one run, never an absolute limit. Where a step can be counted (documents parsed), it is counted.
 */
import { expect } from '@open-wc/testing';
import { parseIcs } from '../../src/formats/ical/ics.js';
import { authorName } from '../../src/formats/xml/rss.js';
import { parseSchemaEvents } from '../../src/formats/schema/schema-events.js';
import { misreadUtf8, parseXml } from '../../src/formats/xml/xml.js';
import { closeCutOff } from '../../src/formats/xml/xml-repair.js';
import { withoutDoctype } from '../../src/formats/xml/doctype.js';
import { contentOf, nodesWellFormed, wellFormed } from '../../src/formats/xml/well-formed.js';
import { parseWpPosts } from '../../src/formats/wordpress/wp.js';
import { defuse } from '../../src/shared/policy.js';
import { clip, firstImage, htmlToText } from '../../src/shared/text.js';

const BASE = 'https://iigp.example/feed/';

/** Milliseconds that `calls` calls of `run` take (inputs are built anew per call: engines cache regex results per string). */
async function timeOf(run: () => unknown, calls: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await run();
  return performance.now() - start;
}

/**
 * How much the time per call grows from input size n to 8n (linear work: 8×, quadratic: 64×), printed
 * for the record. Both sizes are timed over the same stretch (8 small calls per large one), taking
 * turns, and the best of 15 rounds counts: on a shared machine a round can lose the CPU, never gain it.
 */
async function growth(name: string, make: (n: number) => () => unknown, n: number): Promise<number> {
  const [small, large] = [make(n), make(8 * n)];
  await timeOf(small, 8);
  await timeOf(large, 2); // Compiled before the calibration, which wants runs of at least 5 ms.
  let calls = 1;
  let [bestSmall, bestLarge] = [0, 0];
  // A pause during the calibration (a garbage collection) can make too few calls look long enough, and the
  // rounds then read 0 ms on a clock of 1 ms steps (Firefox): more calls, until the rounds take half as long.
  while (Math.min(bestSmall, bestLarge) < 2.5 && calls < 1 << 16) {
    while (Math.min(await timeOf(large, calls), await timeOf(small, 8 * calls)) < 5 && calls < 1 << 16) calls *= 2;
    [bestSmall, bestLarge] = [Infinity, Infinity];
    for (let round = 0; round < 15; round++) {
      bestSmall = Math.min(bestSmall, await timeOf(small, 8 * calls));
      bestLarge = Math.min(bestLarge, await timeOf(large, calls));
    }
    calls *= 2;
  }
  calls /= 2;
  const ratio = (8 * bestLarge) / bestSmall;
  console.log(
    `${name}: n=${n} ${(bestSmall / 8 / calls).toFixed(4)} ms, 8n ${(bestLarge / calls).toFixed(4)} ms per call: ${ratio.toFixed(1)}x`,
  );
  return ratio;
}

/** growth() of parseXml over the documents `feed(n)` makes (each made before it is timed). */
function parseGrowth(name: string, feed: (n: number) => string, n: number): Promise<number> {
  return growth(
    name,
    (size) => {
      const text = feed(size);
      return () => parseXml(text);
    },
    n,
  );
}

/** Linear work grows 8× from n to 8n, quadratic 64×: anything under 24× is linear with room for noise. */
const LINEAR = 24;

const body = (text: string, contentType = 'application/json') => ({ text, contentType, url: BASE });

describe('hostile round two: linear time', function () {
  this.timeout(120000);

  it('the RSS author reader ("(" then thousands of "@")', async () => {
    expect(await growth('authorName', (n) => () => authorName(`(${'@'.repeat(n)}`.slice(0)), 2500)).to.be.below(LINEAR);
    expect(await growth('authorName <', (n) => () => authorName(`<${'@'.repeat(n)}`.slice(0)), 2500)).to.be.below(
      LINEAR,
    );
    expect(authorName('jane@example.com (Jane Doe)')).to.equal('Jane Doe');
    expect(authorName('Jane Doe (jane@example.com)')).to.equal('Jane Doe');
    expect(authorName('Jane Doe <jane@example.com>')).to.equal('Jane Doe');
    expect(authorName('jane@example.com')).to.equal('jane@example.com');
  });

  it('the first-image finder (a run of "<img ")', async () => {
    expect(await growth('firstImage', (n) => () => firstImage(`x${'<img '.repeat(n)}`, BASE), 1000)).to.be.below(
      LINEAR,
    );
    // And through the WordPress parser, whose content.rendered it reads with show-image off too.
    const posts = (n: number) =>
      JSON.stringify([
        { id: 1, link: 'https://iigp.example/1/', title: { rendered: 'T' }, content: { rendered: '<img '.repeat(n) } },
      ]);
    expect(
      await growth(
        'parseWpPosts',
        (n) => {
          const text = posts(n);
          return () => parseWpPosts(body(text));
        },
        1000,
      ),
    ).to.be.below(LINEAR);
    expect(firstImage('<p>x</p><img alt="a > b" src="/a.png"><img src="/b.png">', BASE)).to.deep.equal({
      src: 'https://iigp.example/a.png',
      alt: 'a > b',
    });
    expect(firstImage('<img src="/a.png" alt="never closed', BASE)).to.equal(undefined);
  });

  it('the iCalendar DESCRIPTION reader (escaped newlines)', async () => {
    const ics = (n: number) =>
      `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:S\r\nDTSTART:20270101T100000Z\r\nDESCRIPTION:${'\\n'.repeat(n)}x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    expect(
      await growth(
        'parseIcs',
        (n) => {
          const text = ics(n);
          return () => parseIcs(body(text, 'text/calendar'));
        },
        2000,
      ),
    ).to.be.below(LINEAR);
    const described = parseIcs(
      body(ics(2).replace('x', 'CE credits: 6\\nPresenters: A. One and B. Two'), 'text/calendar'),
    ).items[0];
    expect(described.ceCredits).to.equal('6');
    expect(described.presenters?.map((p) => p.name)).to.deep.equal(['A. One', 'B. Two']);
  });

  it('the schema.org description reader (newlines, blanks)', async () => {
    const events = (n: number, fill: string) =>
      JSON.stringify([
        { '@type': 'Event', name: 'E', startDate: '2027-01-01T10:00:00-05:00', description: `${fill.repeat(n)}x` },
      ]);
    expect(
      await growth(
        'parseSchemaEvents \\n',
        (n) => {
          const text = events(n, '\n');
          return () => parseSchemaEvents(body(text));
        },
        2000,
      ),
    ).to.be.below(LINEAR);
    expect(
      await growth(
        'parseSchemaEvents CE',
        (n) => {
          const text = events(n, 'CE \n');
          return () => parseSchemaEvents(body(text));
        },
        2000,
      ),
    ).to.be.below(LINEAR);
  });

  it('the entity repair parses one HTML document for all entities, not one per entity', async () => {
    const feed = (n: number) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A&nbsp;B&eacute;</title><link>https://iigp.example/1</link><description>${'&nbsp;&hellip;'.repeat(n)}</description></item></channel></rss>`;
    const parse = DOMParser.prototype.parseFromString;
    let parses = 0;
    DOMParser.prototype.parseFromString = function (this: DOMParser, ...args: Parameters<typeof parse>) {
      parses++;
      return parse.apply(this, args);
    };
    let doc: Document;
    try {
      doc = await parseXml(feed(2000));
    } finally {
      DOMParser.prototype.parseFromString = parse;
    }
    expect(doc.querySelector('title')!.textContent).to.equal('T');
    expect(doc.querySelector('item > title')!.textContent).to.equal('A\u00a0B\u00e9');
    expect(parses, 'documents parsed').to.be.at.most(3);
    expect(await parseGrowth('parseXml repair', feed, 500)).to.be.below(LINEAR);
  });

  it('the closer of a cut-off document (deep nesting, long tags, a feed cut at its end)', async () => {
    expect(
      await growth('closeCutOff nested', (n) => () => closeCutOff(`<a>${'<b x="1">'.repeat(n)}`.slice(0)), 2000),
    ).to.be.below(LINEAR);
    // A start tag that never closes: read once, then the document is refused.
    expect(
      await growth('closeCutOff open tag', (n) => () => closeCutOff(`<a><b${' x="1"'.repeat(n)}`.slice(0)), 2000),
    ).to.be.below(LINEAR);
    expect(
      await growth('closeCutOff comments', (n) => () => closeCutOff(`<a>${'<!-- <b> -->'.repeat(n)}<c`.slice(0)), 2000),
    ).to.be.below(LINEAR);
    const feed = (n: number) =>
      `<rss version="2.0"><channel>${'<item><title>T</title><link>https://iigp.example/1</link></item>'.repeat(n)}<item><title>Cut`;
    expect(await parseGrowth('parseXml cut off', feed, 200)).to.be.below(LINEAR);
    expect(closeCutOff('<a><b x="1>2">t</b><c/>\n</a\n')).to.equal('<a><b x="1>2">t</b><c/>\n</a\n>');
    expect(closeCutOff('<a><b>t')).to.equal('<a><b>t</b></a>');
    expect(closeCutOff('<a></a>')).to.equal(undefined);
  });

  // contentOf is the check's own reading (the rest is the engine's XML parser, on content DOMParser would get
  // whole: WebKit's takes superlinear time on thousands of sibling comments or processing instructions, and
  // Firefox's on thousands of attributes of one element, in both).
  it('the document grammar of the well-formedness check (nesting with namespaces, long tags, DOCTYPE entities, text outside the root)', async () => {
    const cases: [string, (n: number) => string, boolean][] = [
      ['nested prefixes', (n) => `${'<p:a xmlns:p="urn:p" p:x="1">'.repeat(n)}${'</p:a>'.repeat(n)}`, true],
      [
        'attributes',
        (n) => `<a xmlns:p="urn:p"${Array.from({ length: n }, (_, i) => ` p:x${i}="&amp;"`).join('')}/>`,
        true,
      ],
      ['a start tag left open', (n) => `<a><b${' x="1"'.repeat(n)}`, false],
      ['names that never end', (n) => `<a>${'<'.repeat(n)}${'b'.repeat(n)}`, false],
      ['attribute values that never end', (n) => `<a>${'<b x="'.repeat(n)}`, false],
      ['entities', (n) => `<!DOCTYPE a [${'<!ENTITY e "v">'.repeat(n)}]><a>${'&e;'.repeat(n)}</a>`, true],
      ['a DOCTYPE left open', (n) => `<!DOCTYPE a [${'<!ENTITY e "v"> '.repeat(n)}`, false],
      ['blanks and comments after the root', (n) => `<a/>${' <!-- c --> <?p i?>'.repeat(n)} x`, false],
      ['processing instructions', (n) => `<a>${'<?p x?>'.repeat(n)}</a>`, true],
      ['unclosed constructs', (n) => `<a>${'<!--'.repeat(n)}`, false],
      // The patterns built from strings, which the lint rules do not read: blanks and dashes that lead nowhere.
      ['an XML declaration of blanks', (n) => `<?xml version="1.0"${' '.repeat(n)}x?><a/>`, false],
      [
        'a DOCTYPE of blanks',
        (n) => `<!DOCTYPE a${' '.repeat(n)}SYSTEM${' '.repeat(n)}"x"${' '.repeat(n)}x><a/>`,
        false,
      ],
      ['a DOCTYPE comment left open', (n) => `<!DOCTYPE a [<!--${' -'.repeat(n)}]><a/>`, false],
      ['a DOCTYPE entity left open', (n) => `<!DOCTYPE a [<!ENTITY e${' '.repeat(n)}"${'v'.repeat(n)}]><a/>`, false],
    ];
    for (const [name, make, expected] of cases) {
      expect(wellFormed(make(50), withoutDoctype), name).to.equal(expected);
      expect(await growth(`contentOf ${name}`, (n) => () => contentOf(make(n), withoutDoctype), 1000)).to.be.below(
        LINEAR,
      );
    }
  });

  // The checks on the nodes fragment parsing made, timed on nodes parsed beforehand (the parse is the engine's).
  it('the checks of the well-formedness check on the parsed nodes (elements, attributes, processing instructions)', async () => {
    const cases: [string, (n: number) => string][] = [
      ['elements', (n) => `<a xmlns:p="urn:p">${'<p:b p:x="1" x="2"><c/></p:b>'.repeat(n)}</a>`],
      [
        'attributes',
        (n) => `<a xmlns:p="urn:p"${Array.from({ length: n }, (_, i) => ` p:x${i}="1" x${i}="2"`).join('')}/>`,
      ],
      ['processing instructions and comments', (n) => `<!-- c --><a>${'<?p x?><!-- c -->'.repeat(n)}</a><?p x?>`],
    ];
    for (const [name, make] of cases) {
      const parsed = (n: number) => {
        const element = document.implementation.createDocument(null, 'x').documentElement;
        element.innerHTML = `${make(n)}<![CDATA[!]]>`;
        expect(nodesWellFormed(element), name).to.equal(true);
        return () => nodesWellFormed(element);
      };
      expect(await growth(`nodesWellFormed ${name}`, parsed, 500)).to.be.below(LINEAR);
    }
  });

  it('the reader of UTF-8 misread as Latin-1', async () => {
    expect(
      await growth('misreadUtf8', (n) => () => misreadUtf8(`${'caf\u00c3\u00a9 '.repeat(n)}`.slice(0)), 2000),
    ).to.be.below(LINEAR);
    expect(
      await growth(
        'misreadUtf8 Latin-1',
        (n) => () => misreadUtf8(`${'caf\u00c3\u00a9 '.repeat(n)}\u00e9`.slice(0)),
        2000,
      ),
    ).to.be.below(LINEAR);
    expect(misreadUtf8('caf\u00c3\u00a9')).to.equal('caf\u00e9');
    expect(misreadUtf8('caf\u00e9')).to.equal('caf\u00e9');
  });

  it('the HTML reader and the attribute defuser (long runs of tags and quotes)', async () => {
    expect(await growth('defuse', (n) => () => defuse('<p onclick="'.repeat(n)), 2000)).to.be.below(LINEAR);
    expect(
      await growth(
        'htmlToText',
        (n) => () => htmlToText('<p onclick="x()" style="color: red">a &amp; b '.repeat(n)),
        1000,
      ),
    ).to.be.below(LINEAR);
    expect(defuse(`<p onclick="a>b" style=x title=on>on</p><a title = "a>" ONload = x>`)).to.equal(
      `<p data-iigp-onclick="a>b" data-iigp-style=x title=on>on</p><a title = "a>" data-iigp-ONload = x>`,
    );
  });

  it('clip cuts text for the DOM, keeping surrogate pairs whole', () => {
    expect(clip('short')).to.equal('short');
    const long = `${'word '.repeat(300)}`;
    const cut = clip(long);
    expect(cut.length).to.be.at.most(1001);
    expect(cut.endsWith('\u2026')).to.equal(true);
    const emoji = clip('\u{1F600}'.repeat(600), 1001);
    expect(emoji.endsWith('\u{1F600}\u2026')).to.equal(true);
  });
});
