/**
 * The feed conformance suite: feedparser's test corpus (kept beside the repository, served by the test
 * server at `/__shared/corpora/feeds/`: see web-test-runner.config.mjs) run through `parseFeed`, the parser behind `format="rss"`.
 *
 * How a case is judged (see also test/CONFORMANCE.md):
 * - Only checks on fields the `Post` model has are applicable: entry title (`title`, `title_detail.value`),
 *   link (`link`, and `links[i].href` where that link is the alternate one), `id`, `summary`, author name
 *   (`author`, `author_detail.name`, `authors[i].name`), `tags[i].term` (categories) and
 *   `published_parsed` / `updated_parsed`. Feed-level fields, encoding names, link lists, content
 *   blocks, `*_detail.type/base`, schemes, labels etc. are "not applicable": counted, never run as passes.
 *   A case with no applicable check is not applicable as a whole.
 * - Titles: RSS/RDF titles are compared literally (XML text, entities decoded once); Atom `html`/`xhtml`
 *   titles are compared after reducing feedparser's (sanitized HTML) value to text with `htmlToText`,
 *   the same reduction the parser applies. Whitespace is collapsed on both sides.
 * - Summaries are compared as text: feedparser's expected value is reduced with `htmlToText` (tags
 *   removed, script/style dropped, entities decoded) and compared with our `excerpt` — for RSS always
 *   (descriptions are HTML), for Atom when the element's type is html/xhtml (a `text` summary is literal).
 * - Links are compared as the browser's URL parser writes them (host lower-cased, etc.).
 * - Authors: our model keeps names only, joined with ", " when there are several; feedparser's display
 *   form "name (email)" is compared by its name part.
 * - Dates: `*_parsed` (ISO UTC) against `date` (published) or `updated` (falling back to `date`).
 * - Ill-formed XML (`suite: "illformed"`, `bozo == true`) must be rejected with a `format` LoadError: the
 *   design turns malformed XML into the widget's `error` state rather than guessing. Cases whose bozo
 *   flag is about character encodings or undefined entities (which we decode, like a loose parser) are
 *   not applicable for that check. `bozo == false` is asserted (the parse must not throw) whenever a
 *   case has another applicable check.
 * - Bodies are decoded with the loader's `decodeBody` using the case's HTTP Content-Type when it has one,
 *   and resolved against `http.url` (else the URL upstream served the file from).
 */
import { expect } from '@open-wc/testing';
import { parseDate } from '../src/formats/dates/dates.js';
import { parseFeed } from '../src/formats/xml/feed.js';
import type { Post } from '../src/model.js';
import { LoadError, decodeBody } from '../src/shared/loader.js';
import { collapse, htmlToText } from '../src/shared/text.js';

interface Check {
  path: string;
  equals?: unknown;
  length?: number;
  exists?: boolean;
}

interface Case {
  file: string;
  format: string;
  category: string;
  description: string;
  suite: string;
  checks: Check[];
  upstream: string;
  http?: { url: string; headers: Record<string, string> };
  requires?: string;
}

interface DateRow {
  id: number;
  family: string;
  input: string;
  expected: string | null;
  note?: string;
}

/**
 * Cases we fail knowingly, each with why that is acceptable. The test asserts that each still fails,
 * so the list stays true: fix one and its entry must go.
 */
const ACCEPTED: Record<string, string> = {
  'cases/encoding/bozo_linenoise.xml':
    'an invalid byte in a UTF-8 feed: the WHATWG decoder replaces it (U+FFFD) and keeps the rest, feedparser re-decodes all as cp1252',
  'cases/wellformed-atom/entry_title_naked_markup.xml':
    'a text title with child elements (which RFC 4287 does not allow) shows their text ("Example Atom"), as its author meant it, not literal tags',
  'cases/wellformed-atom/entry_summary_naked_markup.xml':
    'a text summary with child elements shows their text ("Example Atom"), not literal tags',
  'cases/wellformed-base/http_entry_id_base_content_location.xml':
    'the id resolves against the response URL, not Content-Location: RFC 7231 no longer makes Content-Location a base URI, and a cross-origin response does not expose the header',
  'cases/wellformed-base/http_entry_link_base_content_location.xml':
    'links resolve against the response URL, not Content-Location: RFC 7231 no longer makes Content-Location a base URI, and a cross-origin response does not expose the header',
  'cases/wellformed-base/http_item_link_base_content_location.xml':
    'links resolve against the response URL, not Content-Location: RFC 7231 no longer makes Content-Location a base URI, and a cross-origin response does not expose the header',
  'cases/wellformed-rss/item_description_not_a_doctype.xml':
    'the description is HTML, and to an HTML5 parser "<!\' <a …>" is a bogus comment',
  'cases/wellformed-sanitize/entry_summary_crazy.xml':
    "feedparser's SGML sanitizer keeps <title> and unterminated-<script> text; the HTML5 parser drops both",
  'cases/wellformed-sanitize/entry_title_crazy.xml':
    "feedparser's SGML sanitizer keeps <title> and unterminated-<script> text; the HTML5 parser drops both",
  'cases/wellformed-sanitize/item_content_encoded_crazy.xml':
    "feedparser's SGML sanitizer keeps <title> and unterminated-<script> text; the HTML5 parser drops both",
  'cases/wellformed-sanitize/item_description_crazy.xml':
    "feedparser's SGML sanitizer keeps <title> and unterminated-<script> text; the HTML5 parser drops both",
  'cases/wellformed-sanitize/item_description_iframe.xml':
    "to an HTML5 parser the text after <iframe …/> is the iframe's (never shown) content",
};

/** Rows of dates.json we fail knowingly (by id), with why. */
const ACCEPTED_DATES: Record<number, string> = {
  3: 'Greek month and day names: an optional locale family, not worth the bytes in the rss chunk',
  5: 'Hungarian month names: an optional locale family, not worth the bytes in the rss chunk',
  11: '2-digit-year ordinal "03335" cannot be told from "22013" (row 64), which must be rejected; we reject both',
};

const ROOT = '/__shared/corpora/feeds/';
const FOLDER = '../shared/corpora/feeds/';

/**
 * Mocha needs the cases when the file is evaluated, to declare one `it` per case; the build target
 * has no top-level await, so the two index files are read with a synchronous request.
 */
function getJson<T>(url: string): T | undefined {
  try {
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    request.send();
    return request.status === 200 ? (JSON.parse(request.responseText) as T) : undefined;
  } catch {
    return undefined;
  }
}

const manifest = getJson<Case[]>(`${ROOT}manifest.json`);
const dateRows = getJson<DateRow[]>(`${ROOT}dates.json`);

/** A check against our model: how to read our value and what to expect, or undefined when not applicable. */
interface Plan {
  check: Check;
  run(posts: Post[], doc: Document): void;
}

const ENTRY = /^entries\[(\d+)\]\.(.+)$/;

function iso(date: Date | string | undefined): string | undefined {
  if (date === undefined) return undefined;
  // Whole seconds: feedparser's dates are Python time tuples, which have no fractions (ours keep them).
  return (typeof date === 'string' ? date : date.toISOString()).replace(/\.\d{3}Z$/, 'Z');
}

function entryElement(doc: Document, index: number): Element | undefined {
  const entries = doc.documentElement.getElementsByTagNameNS('*', 'entry');
  return (entries.length ? entries : doc.documentElement.getElementsByTagNameNS('*', 'item'))[index];
}

/**
 * Whether feedparser's value for an entry's text field is markup that our parser reduces to text: always
 * for RSS (descriptions are HTML; titles are compared literally elsewhere), by the element's type in Atom.
 */
function isMarkup(doc: Document, index: number, names: string[]): boolean {
  if (doc.documentElement.localName !== 'feed') return true;
  const entry = entryElement(doc, index);
  const el = names.map((name) => entry && [...entry.children].find((c) => c.localName === name)).find(Boolean);
  const type = el?.getAttribute('type')?.toLowerCase() ?? 'text';
  return /html/.test(type) || el?.getAttribute('mode') === 'escaped';
}

/** URLs are compared as the browser's URL parser writes them (`http://item.TEST/` is `http://item.test/`). */
function normalUrl(value: unknown): unknown {
  try {
    return typeof value === 'string' ? new URL(value).href : value;
  } catch {
    return value;
  }
}

/** The rel of the `i`-th link of an entry: from a sibling check when the case has one, else from the XML. */
function linkRel(kase: Case, doc: Document, entry: number, link: number): string {
  const sibling = kase.checks.find((c) => c.path === `entries[${entry}].links[${link}].rel`);
  if (typeof sibling?.equals === 'string') return sibling.equals;
  if (doc.documentElement.localName !== 'feed') return link === 0 ? 'alternate' : 'other';
  const el = entryElement(doc, entry);
  const links = el ? [...el.children].filter((c) => c.localName === 'link') : [];
  return links[link]?.getAttribute('rel') ?? 'alternate';
}

function compare(actual: unknown, check: Check, expected: unknown = check.equals): void {
  if (check.exists !== undefined) expect(actual !== undefined && actual !== '', check.path).to.equal(check.exists);
  else expect(actual, check.path).to.deep.equal(expected);
}

/** Plans one check, or returns undefined when it is about something the model does not have. */
function plan(kase: Case, check: Check, doc: Document | undefined): Plan | undefined {
  if (check.path === 'bozo') {
    if (check.equals === true && kase.suite === 'illformed' && !kase.checks.some((c) => c.path === 'encoding')) {
      return { check, run: () => undefined }; // handled by the runner: the parse must throw
    }
    return undefined;
  }
  const m = ENTRY.exec(check.path);
  if (!m || check.length !== undefined) return undefined;
  const index = Number(m[1]);
  const field = m[2];
  const post = (posts: Post[]) => posts[index] ?? ({} as Partial<Post>);
  const expected = typeof check.equals === 'string' ? check.equals : undefined;
  switch (field) {
    case 'title':
    case 'title_detail.value':
      return {
        check,
        run: (posts, d) => {
          const markup = d.documentElement.localName === 'feed' && isMarkup(d, index, ['title']);
          compare(
            post(posts).title,
            check,
            expected === undefined ? check.equals : markup ? htmlToText(expected) : collapse(expected),
          );
        },
      };
    case 'link':
      return { check, run: (posts) => compare(post(posts).url, check, normalUrl(check.equals)) };
    case 'id':
      return { check, run: (posts) => compare(post(posts).id, check) };
    case 'summary':
      return {
        check,
        run: (posts, d) => {
          const markup = isMarkup(d, index, ['summary', 'content']);
          compare(
            post(posts).excerpt,
            check,
            expected === undefined ? check.equals : markup ? htmlToText(expected) : collapse(expected),
          );
        },
      };
    case 'author':
    case 'author_detail.name':
      return {
        check,
        run: (posts) =>
          compare(post(posts).author, check, expected?.replace(/\s+\([^()]*@[^()]*\)$/, '') ?? check.equals),
      };
    case 'published_parsed':
      return { check, run: (posts) => compare(iso(post(posts).date), check) };
    case 'updated_parsed':
      return { check, run: (posts) => compare(iso(post(posts).updated ?? post(posts).date), check) };
  }
  let sub = /^authors\[(\d+)\]\.name$/.exec(field);
  if (sub) {
    const n = Number(sub[1]);
    return { check, run: (posts) => compare(post(posts).author?.split(', ')[n], check) };
  }
  sub = /^tags\[(\d+)\]\.term$/.exec(field);
  if (sub) {
    const n = Number(sub[1]);
    return { check, run: (posts) => compare(post(posts).categories?.[n], check) };
  }
  sub = /^links\[(\d+)\]\.href$/.exec(field);
  if (sub && doc) {
    const n = Number(sub[1]);
    if (linkRel(kase, doc, index, n) !== 'alternate') return undefined;
    return { check, run: (posts) => compare(post(posts).url, check, normalUrl(check.equals)) };
  }
  return undefined;
}

/** Checks that could apply before looking at the XML (links need the document to know their rel). */
function mayApply(kase: Case): boolean {
  return kase.checks.some(
    (check) => plan(kase, check, undefined) || /^entries\[\d+\]\.links\[\d+\]\.href$/.test(check.path),
  );
}

function header(kase: Case, name: string): string | undefined {
  const headers = kase.http?.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

async function load(kase: Case): Promise<{ text: string; contentType: string; url: string }> {
  const response = await fetch(ROOT + kase.file);
  expect(response.ok, `${kase.file} is served`).to.equal(true);
  const contentType = header(kase, 'content-type') ?? '';
  const text = await decodeBody(new Uint8Array(await response.arrayBuffer()), contentType);
  return { text, contentType, url: kase.http?.url ?? `http://127.0.0.1:8097/${kase.upstream}` };
}

/** Runs one case; returns the failures (messages), so that accepted cases can be checked to still fail. */
async function runCase(kase: Case): Promise<{ failures: string[]; plans: number }> {
  const body = await load(kase);
  const failures: string[] = [];
  const mustReject = kase.checks.some((c) => c.path === 'bozo' && c.equals === true && plan(kase, c, undefined));
  let posts: Post[] | undefined;
  try {
    posts = (await parseFeed(body)).items;
  } catch (error) {
    if (!(error instanceof LoadError) || error.kind !== 'format') failures.push(`crashed: ${String(error)}`);
    else if (!mustReject) failures.push(`rejected: ${error.message}`);
  }
  if (mustReject && posts) failures.push('ill-formed XML was accepted');
  // The XML as the browser sees it, for the rel of links and the type of Atom titles.
  const doc = new DOMParser().parseFromString(body.text.replace(/^\uFEFF/, '').trimStart(), 'application/xml');
  const plans = kase.checks.map((check) => plan(kase, check, doc)).filter((p): p is Plan => !!p);
  if (posts) {
    for (const p of plans) {
      if (p.check.path === 'bozo') continue;
      try {
        p.run(posts, doc);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  return { failures, plans: plans.length };
}

const counts = { applicable: 0, passing: 0, failing: 0, accepted: 0, notApplicable: 0 };

describe('feed conformance (feedparser corpus)', function () {
  if (!manifest) {
    before(function () {
      console.log(`Feed conformance suite skipped: ${FOLDER} is absent (GET ${ROOT}manifest.json failed).`);
      this.skip();
    });
    it('runs the feedparser corpus when ../shared/corpora/feeds/ is present', () => {
      expect(manifest).to.exist;
    });
    return;
  }

  after(() => {
    console.log(
      `Feed conformance: ${counts.applicable} applicable, ${counts.passing} passing, ${counts.failing} failing ` +
        `(${counts.accepted} of them accepted), ${counts.notApplicable} not applicable, of ${manifest.length} cases.`,
    );
  });

  it('lists only real cases as accepted failures', () => {
    const files = new Set(manifest.map((c) => c.file));
    expect(Object.keys(ACCEPTED).filter((file) => !files.has(file))).to.deep.equal([]);
  });

  it('reads every well-formed case without a format error (applicable or not)', async function () {
    this.timeout(120000);
    const cases = manifest.filter((c) => c.suite === 'wellformed' && !(c.file in ACCEPTED));
    const bodies = await Promise.all(cases.map((kase) => load(kase)));
    const rejected: string[] = [];
    for (const [i, kase] of cases.entries()) {
      try {
        // Every field read, those computed on first read too.
        JSON.stringify(await parseFeed(bodies[i]));
      } catch (error) {
        rejected.push(`${kase.file}: ${String(error)}`);
      }
    }
    expect(cases.length).to.be.greaterThan(500);
    expect(rejected).to.deep.equal([]);
  });

  for (const kase of manifest) {
    if (!mayApply(kase)) {
      counts.notApplicable++;
      continue;
    }
    it(kase.file, async function () {
      const { failures, plans } = await runCase(kase);
      if (plans === 0) {
        // Only link checks on non-alternate links: nothing we model after all.
        counts.notApplicable++;
        expect(failures).to.deep.equal([]);
        return;
      }
      counts.applicable++;
      const reason = ACCEPTED[kase.file];
      if (failures.length) counts.failing++;
      else counts.passing++;
      if (reason) {
        counts.accepted++;
        expect(failures, `accepted failure (${reason}) now passes: remove it from ACCEPTED`).not.to.deep.equal([]);
      } else {
        expect(failures, `${kase.description}`).to.deep.equal([]);
      }
    });
  }
});

describe('date conformance (feedparser date table)', function () {
  if (!dateRows) {
    before(function () {
      console.log(`Date conformance skipped: ${FOLDER}dates.json is absent.`);
      this.skip();
    });
    it('runs the date table when ../shared/corpora/feeds/ is present', () => {
      expect(dateRows).to.exist;
    });
    return;
  }
  const tally = { passing: 0, failing: 0 };
  after(() =>
    console.log(
      `Date conformance: ${tally.passing} of ${dateRows.length} rows pass, ${tally.failing} fail (accepted: ${Object.keys(ACCEPTED_DATES).length}).`,
    ),
  );
  for (const row of dateRows) {
    const reason = ACCEPTED_DATES[row.id];
    it(`${row.family} #${row.id}: ${JSON.stringify(row.input)}`, () => {
      const actual = iso(parseDate(row.input));
      const expected = row.expected ?? undefined;
      if (actual === expected) tally.passing++;
      else tally.failing++;
      if (reason) expect(actual, `accepted failure (${reason}) now passes`).not.to.equal(expected);
      else expect(actual).to.equal(expected);
    });
  }
});
