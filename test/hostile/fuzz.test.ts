/**
 * Fuzzing of our own (fast-check): random and mutated feeds, JSON and iCalendar thrown at every parser
 * and at the widgets. Parsers either return items or throw a LoadError (a format error), never anything
 * else, and every URL they give is http(s), mailto or tel. Widgets, on the strict-CSP page, end in
 * ready, empty or error with no uncaught error, render no other scheme, and raise no CSP report.
 * Bounded runs with a fixed seed (fast-check prints seed and path on a failure); every failure found
 * is kept in test/fixtures/fuzz/ and replayed below.
 */
import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import parseFeed from '../../src/formats/xml/feed.js';
import parseIcs from '../../src/formats/ical/ics.js';
import parseJsonFeed from '../../src/formats/json/json-feed.js';
import parseSchemaEvents from '../../src/formats/schema/schema-events.js';
import parseSchemaPersons from '../../src/formats/schema/schema-person.js';
import parsePublicationIssues from '../../src/formats/schema/schema-publication.js';
import parseTecEvents from '../../src/formats/wordpress/tec.js';
import parseWorkshopFeed from '../../src/formats/xml/workshop-feed.js';
import parseWpMedia from '../../src/formats/wordpress/wp-media.js';
import parseWpPages from '../../src/formats/wordpress/wp-pages.js';
import parseWpPosts from '../../src/formats/wordpress/wp.js';
import { LoadError, type Body } from '../../src/shared/loader.js';
import { mock } from '../helpers.js';

const SEED = 1818;
const BASE = 'https://iigp.example/feed/';

type Parse = (body: Body) => unknown;
const PARSERS: Record<string, Parse> = {
  feed: parseFeed,
  ics: parseIcs,
  'json-feed': parseJsonFeed,
  'schema-events': parseSchemaEvents,
  'schema-person': parseSchemaPersons,
  'schema-publication': parsePublicationIssues,
  tec: parseTecEvents,
  'workshop-feed': parseWorkshopFeed,
  'wp-media': parseWpMedia,
  'wp-pages': parseWpPages,
  wp: parseWpPosts,
};

const FIXTURES = [
  'demo/data/posts.xml',
  'demo/data/workshops.ics',
  'demo/data/workshops.json',
  'demo/data/workshops-tec.json',
  'demo/data/workshops-feed.xml',
  'demo/data/faculty.json',
  'demo/data/faculty-pages.json',
  'demo/data/newsletters.json',
  'demo/data/newsletter-media.json',
  'test/fixtures/snapshot/atom.xml',
  'test/fixtures/snapshot/rdf.xml',
  'test/fixtures/snapshot/wp-posts.json',
  'test/fixtures/snapshot/tec-events.json',
  'test/fixtures/workshops/google.ics',
  'test/fixtures/workshops/bad-events.json',
  'test/fixtures/faculty/hostile.json',
];

/** Pieces that matter to the parsers: markup, entities, CDATA, schemes, iCalendar syntax, JSON syntax. */
const PIECES = [
  '<',
  '>',
  '&',
  '&nbsp;',
  '&eacute;',
  '&#0;',
  '&#x110000;',
  '&amp;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?',
  '<!DOCTYPE x [<!ENTITY e "&#60;">]>',
  '"',
  "'",
  '\\',
  '\\n',
  '\r\n ',
  '\r\n',
  '\n\t',
  ':',
  ';',
  ',',
  '{',
  '}',
  '[',
  ']',
  'null',
  '0',
  '-1',
  '1e999',
  '"@type":"Event"',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,x',
  'vbscript:x',
  ' java\tscript:x',
  '//evil.example/',
  'mailto:a@b',
  'tel:+1',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:x">',
  'onclick="x()"',
  'style="x"',
  'BEGIN:VEVENT',
  'END:VEVENT',
  'DTSTART:00990101T000000Z',
  'DTSTART;TZID=Nowhere/Zone:20270101T100000',
  'RRULE:FREQ=DAILY',
  '2027-02-31',
  '9999-12-31T23:59:60Z',
  '+275760-09-13',
  '\u0000',
  '\ufffd',
  '\ud800',
  '\u202e',
  '(',
  '@'.repeat(50),
  '<img '.repeat(20),
];

const fixtureTexts: string[] = [];

/** A mutation: at a place (a fraction of the length) insert, delete, duplicate or swap in a piece. */
const mutation = fc.tuple(
  fc.constantFrom('insert', 'delete', 'duplicate', 'replace'),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.nat(400),
  fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })),
);

function mutate(text: string, ops: [string, number, number, string][]): string {
  for (const [op, where, size, piece] of ops) {
    const at = Math.floor(where * text.length);
    if (op === 'insert') text = text.slice(0, at) + piece + text.slice(at);
    else if (op === 'delete') text = text.slice(0, at) + text.slice(at + size);
    else if (op === 'duplicate') text = text.slice(0, at + size) + text.slice(at, at + size) + text.slice(at + size);
    else text = text.slice(0, at) + piece + text.slice(at + piece.length);
  }
  return text;
}

/** A body: a mutated fixture, or random text built from the pieces. */
const bodyText = () =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 8 }))
        .map(([i, ops]) => mutate(fixtureTexts[i % fixtureTexts.length], ops)),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 })
        .map((parts) => parts.join('')),
    },
    { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
  );

const ALLOWED = /^(https?:|mailto:|tel:)/i;

/** Every URL-like field of parsed items (read through lazy getters too). */
function urlsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6 || typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (/^(url|href|src)$|Url$/.test(key) && field !== undefined) out.push(String(field));
    urlsOf(field, out, depth + 1);
  }
  return out;
}

/** Failures fuzzing found, kept in test/fixtures/fuzz/ (index.json names each body's parser, type and widget). */
async function kept(): Promise<{ text: string; parser: string; type: string; widget?: string }[]> {
  const index = (await (await fetch('/__mock/test/fixtures/fuzz/index.json')).json()) as {
    file: string;
    parser: string;
    type: string;
    widget?: string;
  }[];
  return Promise.all(
    index.map(async (entry) => ({
      ...entry,
      text: await (await fetch(`/__mock/test/fixtures/fuzz/${entry.file}`)).text(),
    })),
  );
}

async function checkParser(name: string, text: string, contentType: string): Promise<void> {
  let parsed: unknown;
  try {
    parsed = await PARSERS[name]({ text, contentType, url: BASE });
  } catch (error) {
    if (LoadError.is(error)) return;
    throw new Error(`${name} threw ${String(error)} (not a LoadError)`, { cause: error });
  }
  const { items } = parsed as { items: unknown[] };
  if (!Array.isArray(items)) throw new Error(`${name} returned no items array`);
  for (const url of urlsOf(items)) if (!ALLOWED.test(url)) throw new Error(`${name} let through ${url}`);
}

describe('hostile round two: fuzzing', function () {
  this.timeout(180000);

  before(async () => {
    for (const path of FIXTURES) fixtureTexts.push(await (await fetch(`/__mock/${path}`)).text());
  });

  it('kept failures replay cleanly through their parser (test/fixtures/fuzz/)', async () => {
    const all = await kept();
    expect(all.length).to.be.greaterThan(0);
    for (const { parser, text, type } of all) await checkParser(parser, text, type);
  });

  for (const name of Object.keys(PARSERS)) {
    it(`${name}: random and mutated bodies give items with safe URLs or a format error`, async () => {
      await fc.assert(
        fc.asyncProperty(
          bodyText(),
          fc.constantFrom('application/xml', 'application/json', 'text/calendar', 'text/html', ''),
          async (text, type) => {
            await checkParser(name, text, type);
          },
        ),
        { numRuns: 100, seed: SEED, endOnFailure: true },
      );
    });
  }

  it('widgets on the strict-CSP page end in ready, empty or error, render only safe URLs, throw nothing and raise no report', async () => {
    const STRICT =
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html iigp 'allow-duplicates'";
    const frame = document.createElement('iframe');
    frame.src = `/__mock/test/security/pages/csp.html?${new URLSearchParams({ csp: STRICT, page: 'fuzz' })}`;
    document.body.append(frame);
    await new Promise((done) => frame.addEventListener('load', done, { once: true }));
    const win = frame.contentWindow as Window & { __violations: string[]; __ready?: boolean };
    await waitUntil(() => win.__ready, 'the library never loaded in the frame', { timeout: 10000 });
    const doc = frame.contentDocument!;
    const uncaught: string[] = [];
    win.addEventListener('error', (event) => uncaught.push(String(event.message)));
    win.addEventListener('unhandledrejection', (event) => uncaught.push(String(event.reason)));
    await waitUntil(
      () =>
        [...doc.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('iigp-'))
          .every((el) => (el as HTMLElement & { state: string }).state !== 'loading'),
      'page widgets',
      { timeout: 12000 },
    );
    win.__violations.splice(0);
    const tags = ['iigp-recent-posts', 'iigp-workshop-list', 'iigp-faculty-card', 'iigp-newsletter-archive'];
    /** Mounts `tag` on `text` served as `type`, and checks the end state, the URLs, errors and reports. */
    const check = async (text: string, tag: string, type: string) => {
      const id = await (await fetch('/__mock/stash', { method: 'POST', body: text })).text();
      const el = doc.createElement(tag) as HTMLElement & { state: string };
      el.setAttribute('src', mock('stash', { id, type }));
      for (const name of ['show-image', 'show-excerpt', 'show-author', 'show-description']) el.setAttribute(name, '');
      el.setAttribute('when', 'all');
      el.setAttribute('person', 'natan-harpaz');
      doc.body.append(el);
      try {
        await waitUntil(() => el.state && el.state !== 'loading', `${tag} still loading`, { timeout: 12000 });
        await new Promise((done) => setTimeout(done, 50));
        if (!['ready', 'empty', 'error'].includes(el.state)) throw new Error(`${tag} ended in ${el.state}`);
        for (const node of el.shadowRoot!.querySelectorAll('[href], [src]')) {
          const url = node.getAttribute('href') ?? node.getAttribute('src') ?? '';
          if (!ALLOWED.test(new URL(url, doc.baseURI).href)) throw new Error(`${tag} rendered ${url}`);
        }
        if (uncaught.length) throw new Error(`uncaught: ${uncaught.join('; ')}`);
        if (win.__violations.length) throw new Error(`CSP reports: ${win.__violations.join('; ')}`);
      } finally {
        el.remove();
      }
    };
    try {
      // Failures found before, kept as fixtures, first.
      for (const failure of await kept()) if (failure.widget) await check(failure.text, failure.widget, failure.type);
      await fc.assert(
        fc.asyncProperty(
          bodyText(),
          fc.constantFrom(...tags),
          fc.constantFrom('application/xml', 'application/json', 'text/calendar', 'text/html'),
          check,
        ),
        {
          numRuns: 40,
          seed: SEED,
          endOnFailure: true,
          reporter: (details) => {
            if (details.failed)
              throw new Error(
                `seed ${details.seed} path ${details.counterexamplePath}: ${String(details.errorInstance)}\n${JSON.stringify(details.counterexample).slice(0, 300)}`,
              );
          },
        },
      );
    } finally {
      frame.remove();
    }
  });
});
