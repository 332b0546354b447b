// rss-parser is the reference our RSS/Atom reading is tested against (as ical.js is for iCalendar, in
// test/workshop-list.test.ts): every feed of the feedparser corpus (../shared/corpora/feeds/) and our own
// feed fixtures is read by both, and titles, links, dates, authors and ids are compared item by item.
// Every difference must be one of the kinds explained in test/RSS-PARSER-DIFFERENCES.md, checked on the
// XML by its rule below, and listed there by case and field: a listed difference that no longer occurs
// fails, as does one not listed. After a deliberate change, rewrite the list with
//   UPDATE_DIFFERENCES=1 node --test test/node/rss-parser-differential.test.mjs
// and read the diff. Our side runs in Node as the snapshot command runs it (dist/node/snapshot.js).

// rss-parser reads a date without a zone in the machine's zone (Date.parse), ours as UTC: compare in UTC.
process.env.TZ = 'UTC';

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OUTFILE, build } from '../../scripts/build-node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpora', 'feeds');
const DOC = join(ROOT, 'test', 'RSS-PARSER-DIFFERENCES.md');
const OWN = [
  'demo/data/posts.xml',
  'demo/data/workshops-feed.xml',
  'test/fixtures/snapshot/atom.xml',
  'test/fixtures/snapshot/rdf.xml',
  'test/fixtures/empty.xml',
  'test/fixtures/malformed.xml',
];
const ATOM = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#', null];
const DC = ['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/'];
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

const Parser = createRequire(import.meta.url)('rss-parser');
// A feed without a version attribute is read as RSS 2.0 (without this option rss-parser refuses it).
const reference = new Parser({ defaultRSS: 2 });

const collapse = (value) =>
  (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value)).replace(/\s+/g, ' ').trim();
const resolved = (value, base) => {
  try {
    return value ? new URL(collapse(value), base).href : '';
  } catch {
    return collapse(value);
  }
};
const children = (el, name, namespaces) =>
  el
    ? [...el.childNodes].filter(
        (c) => c.nodeType === 1 && c.localName === name && (!namespaces || namespaces.includes(c.namespaceURI)),
      )
    : [];
const text = (el) => collapse(el?.textContent ?? '');

/**
 * The kinds of accepted difference, each with the rule that must hold on the XML for a difference to be
 * of that kind (anything else fails the test). The explanations are in test/RSS-PARSER-DIFFERENCES.md.
 */
const KINDS = {
  'atom-text-construct': [
    'title',
    ({ atom, item }) => {
      const el = children(item, 'title', ATOM)[0];
      const type = el?.getAttribute('type') ?? 'text';
      return (
        atom && !!el && (type !== 'text' || el.hasAttribute('mode') || [...el.childNodes].some((c) => c.nodeType === 1))
      );
    },
  ],
  'atom-link-as-text': [
    'link',
    ({ atom, item, ours, base }) =>
      atom &&
      !!ours &&
      children(item, 'link', ATOM).some((el) => !el.hasAttribute('href') && resolved(text(el), base) === ours),
  ],
  'atom-no-alternate-link': [
    'link',
    ({ atom, item, ours }) =>
      atom &&
      !ours &&
      !children(item, 'link', ATOM).some(
        (el) => el.hasAttribute('href') && ['alternate', null].includes(el.getAttribute('rel')),
      ),
  ],
  'rss-link-from-guid': [
    'link',
    ({ atom, item, ours, base }) =>
      !atom &&
      !text(children(item, 'link')[0]) &&
      children(item, 'guid').some(
        (el) => el.getAttribute('isPermaLink') !== 'false' && resolved(text(el), base) === ours,
      ),
  ],
  'rdf-link-from-about': [
    'link',
    ({ atom, item, ours, base }) =>
      !atom && !text(children(item, 'link')[0]) && resolved(item.getAttributeNS(RDF, 'about'), base) === ours,
  ],
  'unsafe-link-dropped': ['link', ({ ours, theirs }) => !ours && !/^(https?|mailto|tel):/i.test(theirs)],
  'author-email-left-out': [
    'author',
    ({ ours, theirs }) => !!ours && theirs.includes('@') && theirs.includes(ours) && !ours.includes('@'),
  ],
  'all-authors': ['author', ({ ours, theirs }) => ours.includes(', ') && ours.startsWith(theirs)],
  'dc-author': ['author', ({ item, theirs, ours }) => !theirs && !!ours && children(item, 'author', DC).length > 0],
  'date-elements-rss-parser-skips': [
    'date',
    ({ item, theirs, ours }) => {
      // What rss-parser reads: pubDate, published, updated, and dc:date only when its prefix is "dc".
      const read = [...item.childNodes].some(
        (c) =>
          c.nodeType === 1 && (['pubDate', 'published', 'updated'].includes(c.localName) || c.nodeName === 'dc:date'),
      );
      return !theirs && !!ours && !read;
    },
  ],
  'id-with-attributes': ['id', ({ theirs, ours }) => theirs.startsWith('{') && JSON.parse(theirs)._ === ours],
  'atom-id-path-resolved': [
    'id',
    ({ atom, theirs, ours, base }) => atom && /^\.{0,2}\//.test(theirs) && ours === resolved(theirs, base),
  ],
  'atom-last-date-of-repeated': [
    'date',
    ({ atom, item, ours }) =>
      atom &&
      ['published', 'updated'].some((name) => {
        const els = children(item, name, ATOM);
        return els.length > 1 && new Date(text(els.at(-1))).toISOString() === ours;
      }),
  ],
  'rss-parser-fails': ['feed', ({ theirsError, oursError }) => !!theirsError && !oursError],
  'malformed-xml-refused': [
    'feed',
    ({ kase, theirsError, oursError }) => !!oursError && !theirsError && kase.suite === 'illformed',
  ],
};

let m;
before(async () => {
  await build();
  m = await import(pathToFileURL(OUTFILE).href);
});

function loadCases() {
  const list = OWN.map((file) => ({
    file,
    path: join(ROOT, file),
    url: 'https://iigp.example/feed/',
    type: '',
    suite: file.includes('malformed') ? 'illformed' : 'own',
  }));
  if (!existsSync(join(CORPUS, 'manifest.json'))) return { list, corpus: false };
  for (const kase of JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'))) {
    const headers = kase.http?.headers ?? {};
    const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
    list.push({
      file: kase.file,
      path: join(CORPUS, kase.file),
      url: kase.http?.url ?? `http://127.0.0.1:8097/${kase.upstream}`,
      type,
      suite: kase.suite,
    });
  }
  return { list, corpus: true };
}

/** The item elements of a feed document, in the order both parsers list them. */
function itemElements(doc) {
  const root = doc.documentElement;
  if (root.localName === 'feed') return children(root, 'entry', ATOM);
  const channel = children(root, 'channel')[0];
  return [...children(channel, 'item'), ...children(root, 'item')];
}

/** Compares one case; returns its differences (`{ file, field, kind? }`) and what was compared. */
async function compare(kase) {
  const body = {
    text: await m.decodeBody(new Uint8Array(readFileSync(kase.path)), kase.type),
    contentType: kase.type,
    url: kase.url,
  };
  let ours;
  let theirs;
  let oursError;
  let theirsError;
  try {
    ours = (await m.parseFeed(body)).items;
  } catch (error) {
    oursError = String(error.message);
  }
  try {
    theirs = (await reference.parseString(body.text)).items ?? [];
  } catch (error) {
    theirsError = String(error.message);
  }
  const tally = { items: 0, fields: 0, equal: 0 };
  if (oursError && theirsError) return { differences: [], tally, both: 'refused' };
  // A rule that looks at the item's XML is false without it.
  const holds = (kind, context) => {
    try {
      const [field, rule] = KINDS[kind];
      return field === context.field && rule(context);
    } catch {
      return false;
    }
  };
  const classify = (field, context) =>
    Object.keys(KINDS).find((kind) => holds(kind, { kase, field, oursError, theirsError, ...context }));
  if (oursError || theirsError)
    return {
      differences: [{ file: kase.file, field: 'feed', kind: classify('feed', {}), detail: oursError ?? theirsError }],
      tally,
    };
  const doc = await m.parseXml(body.text);
  const atom = doc.documentElement.localName === 'feed';
  const elements = itemElements(doc);
  const differences = [];
  if (ours.length !== theirs.length) {
    differences.push({
      file: kase.file,
      field: 'items',
      kind: undefined,
      detail: `${ours.length} vs ${theirs.length}`,
    });
    return { differences, tally };
  }
  for (let i = 0; i < ours.length; i++) {
    const post = ours[i];
    const item = theirs[i];
    const fields = {
      title: [post.title, collapse(item.title)],
      link: [post.url ?? '', resolved(item.link, kase.url)],
      date: [post.date ? post.date.toISOString() : '', item.isoDate ?? ''],
      author: [post.author ?? '', collapse(item.creator ?? item.author)],
      // An id is compared where the feed gives one: without, ours makes one up (the model needs it), rss-parser has none.
      id: [post.id, collapse(item.guid ?? item.id)],
    };
    if (!fields.id[1]) delete fields.id;
    tally.items++;
    for (const [field, [a, b]] of Object.entries(fields)) {
      tally.fields++;
      if (a === b) {
        tally.equal++;
        continue;
      }
      const kind = classify(field, { atom, item: elements[i], ours: a, theirs: b, base: kase.url });
      differences.push({
        file: kase.file,
        field,
        kind,
        detail: `item ${i}: ours ${JSON.stringify(a)}, rss-parser ${JSON.stringify(b)}`,
      });
    }
  }
  return { differences, tally };
}

const START = '<!-- differences: generated by test/node/rss-parser-differential.test.mjs (UPDATE_DIFFERENCES=1) -->';
const END = '<!-- end of differences -->';

/** The listed differences: `| \`case\` | field | kind |` rows between the markers. */
function listed(doc) {
  const section = doc.slice(doc.indexOf(START), doc.indexOf(END));
  return new Set(
    [...section.matchAll(/^\| `([^`]+)` \| (\w+) \| `([\w-]+)` \|/gm)].map(
      ([, file, field, kind]) => `${file} | ${field} | ${kind}`,
    ),
  );
}

describe('rss-parser as the reference for RSS and Atom (test/RSS-PARSER-DIFFERENCES.md)', () => {
  const { list, corpus } = loadCases();
  test('every difference is of an explained kind and listed; every listed one still occurs', async (t) => {
    if (!corpus) t.diagnostic(`the feedparser corpus is absent (${CORPUS}): comparing our own fixtures only`);
    const found = new Map();
    const unexplained = [];
    const totals = { cases: 0, compared: 0, bothRefused: 0, items: 0, fields: 0, equal: 0 };
    for (const kase of list) {
      totals.cases++;
      const { differences, tally, both } = await compare(kase);
      if (both) totals.bothRefused++;
      else totals.compared++;
      totals.items += tally.items;
      totals.fields += tally.fields;
      totals.equal += tally.equal;
      for (const difference of differences) {
        if (!difference.kind) unexplained.push(`${difference.file} ${difference.field}: ${difference.detail}`);
        else found.set(`${difference.file} | ${difference.field} | ${difference.kind}`, difference);
      }
    }
    const byKind = {};
    for (const key of found.keys()) byKind[key.split(' | ')[2]] = (byKind[key.split(' | ')[2]] ?? 0) + 1;
    const fieldDifferences = [...found.values()].length;
    console.log(
      `rss-parser differential: ${totals.cases} feeds, ${totals.compared} read by at least one side (${totals.bothRefused} refused by both); ` +
        `${totals.items} items and ${totals.fields} fields compared, ${totals.equal} equal; ${fieldDifferences} accepted differences (case and field) by kind: ` +
        Object.entries(byKind)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', '),
    );
    assert.deepEqual(unexplained, [], 'differences of no explained kind');
    const doc = readFileSync(DOC, 'utf8');
    for (const kind of Object.keys(KINDS))
      assert.match(doc, new RegExp(`\\| \`${kind}\` \\|`), `kind ${kind} is explained in the kinds table`);
    if (process.env.UPDATE_DIFFERENCES) {
      const rows = [...found.keys()].sort().map((key) => {
        const [file, field, kind] = key.split(' | ');
        return `| \`${file}\` | ${field} | \`${kind}\` |`;
      });
      const table = `${START}\n\n| case | field | kind |\n|---|---|---|\n${rows.join('\n')}\n\n${END}`;
      writeFileSync(DOC, doc.slice(0, doc.indexOf(START)) + table + doc.slice(doc.indexOf(END) + END.length));
      return;
    }
    const expected = listed(doc);
    // Without the corpus only our fixtures ran: only their rows can be checked.
    const relevant = corpus ? [...expected] : [...expected].filter((key) => !key.startsWith('cases/'));
    assert.deepEqual(
      [...found.keys()].filter((key) => !expected.has(key)),
      [],
      'differences not listed in test/RSS-PARSER-DIFFERENCES.md',
    );
    assert.deepEqual(
      relevant.filter((key) => !found.has(key)),
      [],
      'listed differences that no longer occur: remove them from test/RSS-PARSER-DIFFERENCES.md',
    );
  });
});
