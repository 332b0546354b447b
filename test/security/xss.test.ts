/**
 * Nothing from the data ever runs: the 223 payloads of DOMPurify's test suite go through every format
 * into every text and URL slot of every widget, all at once (one source of 223 entries per format).
 * After rendering, every link is clicked; the dialogs are replaced by a tripwire, and every shadow root
 * is searched for event-handler attributes, script/vbscript/data URLs and elements that could run.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/iigp-widgets.js';
import { clip, htmlToText } from '../../src/shared/text.js';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import type { WorkshopListElement } from '../../src/workshop-list/workshop-list.js';
import { settled, stash, texts } from '../helpers.js';
import { URL_VECTORS, assertInert, problems, tripwire, vectors, type Vector } from './attack.js';
import * as feeds from './feeds.js';

type Widget = 'recent-posts' | 'workshop-list' | 'faculty-card' | 'newsletter-archive';

interface Case {
  widget: Widget;
  format: string;
  label: string;
  build: (payloads: string[], mode: feeds.Mode) => string;
  type: string;
  /** How a title from this format reads: literally (JSON, XML text), or reduced from HTML (no exact check). */
  titles?: 'literal' | 'xml';
}

const CASES: Case[] = [
  {
    widget: 'recent-posts',
    format: 'rss',
    label: 'RSS 2.0',
    build: feeds.rss,
    type: 'application/rss+xml',
    titles: 'xml',
  },
  {
    widget: 'recent-posts',
    format: 'rss',
    label: 'RSS 1.0 (RDF)',
    build: feeds.rdf,
    type: 'application/rdf+xml',
    titles: 'xml',
  },
  { widget: 'recent-posts', format: 'rss', label: 'Atom', build: feeds.atom, type: 'application/atom+xml' },
  {
    widget: 'recent-posts',
    format: 'wp',
    label: 'WordPress REST posts',
    build: feeds.wpPosts,
    type: 'application/json',
  },
  {
    widget: 'recent-posts',
    format: 'json',
    label: 'JSON Feed',
    build: feeds.jsonFeed,
    type: 'application/feed+json',
    titles: 'literal',
  },
  {
    widget: 'workshop-list',
    format: 'json',
    label: 'schema.org Events',
    build: feeds.schemaEvents,
    type: 'application/ld+json',
    titles: 'literal',
  },
  {
    widget: 'workshop-list',
    format: 'ics',
    label: 'iCalendar',
    build: feeds.ics,
    type: 'text/calendar',
    titles: 'literal',
  },
  {
    widget: 'workshop-list',
    format: 'wp',
    label: 'The Events Calendar REST',
    build: feeds.tecEvents,
    type: 'application/json',
  },
  // A post's date is a workshop's start: the dates stay valid, or there would be nothing to show.
  {
    widget: 'workshop-list',
    format: 'wp',
    label: 'WordPress posts of a category',
    build: (p, m) => feeds.wpPosts(p, m, false),
    type: 'application/json',
  },
  {
    widget: 'workshop-list',
    format: 'rss',
    label: 'a category feed (RSS)',
    build: (p, m) => feeds.rss(p, m, false),
    type: 'application/rss+xml',
    titles: 'xml',
  },
  {
    widget: 'faculty-card',
    format: 'json',
    label: 'schema.org Persons',
    build: feeds.schemaPersons,
    type: 'application/ld+json',
    titles: 'literal',
  },
  { widget: 'faculty-card', format: 'wp', label: 'WordPress pages', build: feeds.wpPages, type: 'application/json' },
  {
    widget: 'newsletter-archive',
    format: 'json',
    label: 'schema.org PublicationIssues',
    build: feeds.publicationIssues,
    type: 'application/ld+json',
  },
  {
    widget: 'newsletter-archive',
    format: 'wp',
    label: 'WordPress media',
    build: feeds.wpMedia,
    type: 'application/json',
  },
];

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
/** An RSS/RDF title as shown: its XML text, or what it displays when that text is markup (a lone `<` in prose stays). */
const xmlTitle = (payload: string) => {
  const text = feeds.xmlSafe(payload).trim();
  return /<\/?[a-z][^<>]*>|&#?\w+;/i.test(text) ? htmlToText(text) : normal(text);
};
const NEW_TAB = ' (opens in a new tab)';

/** Renders `count` entries of `src` in the widget with every optional slot turned on. */
async function render(
  widget: Widget,
  src: string,
  format: string,
  count: number,
): Promise<{ box: HTMLElement; widgets: WidgetElement<unknown>[] }> {
  const box = await fixture<HTMLElement>(html`<div></div>`);
  const make = () => {
    const el = document.createElement(`iigp-${widget}`) as WidgetElement<unknown>;
    el.setAttribute('format', format);
    el.setAttribute('limit', '300');
    return el;
  };
  const widgets: WidgetElement<unknown>[] = [];
  if (widget === 'faculty-card') {
    // A card shows one person: one card per entry, all on the same source (one request).
    for (let i = 0; i < count; i++) {
      const el = make();
      el.setAttribute('person', `p${i}`);
      el.setAttribute('src', src);
      widgets.push(el);
    }
  } else {
    const el = make();
    if (widget === 'recent-posts') {
      for (const name of ['show-excerpt', 'show-author', 'show-image', 'new-tab']) el.setAttribute(name, '');
      el.setAttribute('read-more', 'More');
    }
    if (widget === 'workshop-list') {
      (el as WorkshopListElement).now = feeds.NOW;
      el.setAttribute('when', 'all');
      el.setAttribute('layout', 'cards');
      el.setAttribute('show-description', '');
    }
    el.setAttribute('src', src);
    widgets.push(el);
  }
  box.append(...widgets);
  for (const el of widgets) await settled(el, 15000);
  return { box, widgets };
}

function titlesOf(widgets: Element[]): string[] {
  return widgets
    .flatMap((el) => texts(el, '[part~="title"]'))
    .map((t) => (t.endsWith(NEW_TAB) ? t.slice(0, -NEW_TAB.length) : t));
}

function itemCount(widgets: Element[]): number {
  return widgets.reduce((sum, el) => sum + el.shadowRoot!.querySelectorAll('[part~="item"]').length, 0);
}

describe('XSS: every payload through every format into every slot of every widget', function () {
  this.timeout(120000);
  let corpus: Vector[] = [];
  let wire: ReturnType<typeof tripwire>;

  before(async function () {
    const found = await vectors();
    if (!found) {
      console.log(
        'SKIPPED: the XSS corpus is absent (../shared/corpora/xss/vectors.json); the attack suite did not run.',
      );
      this.skip();
    }
    corpus = found!;
  });
  beforeEach(() => {
    localStorage.clear();
    wire = tripwire();
  });
  afterEach(() => wire.restore());

  it('reads the whole corpus: 223 payloads', () => {
    expect(corpus).to.have.length(223);
  });

  for (const c of CASES) {
    for (const mode of ['text', 'url'] as const) {
      const where = mode === 'text' ? 'every text slot' : 'every URL and date slot';
      it(`<iigp-${c.widget}> ${c.label}: 223 payloads in ${where} render inert`, async () => {
        const payloads = corpus.map((v) => v.payload);
        const src = await stash(c.build(payloads, mode), c.type);
        const { box, widgets } = await render(c.widget, src, c.format, payloads.length);
        const label = `<iigp-${c.widget}> ${c.label} (${mode})`;
        await assertInert(box, wire.ran, label);
        const ready = widgets.filter((el) => el.state === 'ready');
        expect(ready.length, `${label}: widgets that rendered entries`).to.be.greaterThan(0);
        if (mode === 'text') {
          // Every entry is there, except where a title is required (workshops, people) and the payload has
          // no text: empty, or only markup in a format whose titles are HTML reduced to text.
          const titled = payloads.filter((p) =>
            c.titles ? (c.titles === 'xml' ? xmlTitle(p) : normal(p)) : htmlToText(p),
          );
          const required = c.widget === 'workshop-list' || c.widget === 'faculty-card';
          expect(itemCount(widgets), `${label}: entries rendered`).to.be.at.least(
            required ? titled.length : payloads.length,
          );
          if (c.titles) {
            // Markup in data shows as the very characters written (RSS: what markup displays): a payload is
            // text, never elements; the DOM gets at most 1,000 characters of it.
            const expected = payloads.map((p) => normal(clip(c.titles === 'xml' ? xmlTitle(p) : normal(p))));
            const shown = titlesOf(widgets);
            const wanted = expected.filter(Boolean);
            expect(
              shown.filter((t) => wanted.includes(t)).length,
              `${label}: payloads shown literally as titles`,
            ).to.equal(wanted.length);
          }
        } else {
          expect(itemCount(widgets), `${label}: entries rendered`).to.be.greaterThan(0);
        }
      });
    }
  }

  it('<iigp-faculty-card> from attributes: 223 payloads as name, credentials, job title render inert and literal', async () => {
    const box = await fixture<HTMLElement>(html`<div></div>`);
    const cards = corpus.map((v) => {
      const el = document.createElement('iigp-faculty-card') as WidgetElement<unknown>;
      el.setAttribute('name', v.payload || 'x');
      el.setAttribute('credentials', v.payload);
      el.setAttribute('job-title', v.payload);
      el.setAttribute('photo', feeds.IMAGE);
      el.setAttribute('href', 'https://iigp.example/faculty/x/');
      return el;
    });
    box.append(...cards);
    for (const el of cards) await el.updateComplete;
    await assertInert(box, wire.ran, 'faculty-card attributes');
    expect(cards.every((el) => el.state === 'ready')).to.equal(true);
    const names = cards.map((el) => texts(el, '[part~="title"]')[0]);
    expect(names).to.deep.equal(corpus.map((v) => normal(clip(v.payload || 'x'))));
  });

  it('<iigp-faculty-card> from attributes: 223 payloads as photo and href render inert', async () => {
    const box = await fixture<HTMLElement>(html`<div></div>`);
    const cards = [...corpus.map((v) => v.payload), ...URL_VECTORS].map((p) => {
      const el = document.createElement('iigp-faculty-card') as WidgetElement<unknown>;
      el.setAttribute('name', 'Natan HarPaz');
      el.setAttribute('photo', p);
      el.setAttribute('href', p);
      return el;
    });
    box.append(...cards);
    for (const el of cards) await el.updateComplete;
    await assertInert(box, wire.ran, 'faculty-card photo/href attributes');
  });

  for (const mode of ['text', 'url'] as const) {
    it(`<iigp-newsletter-archive> enhancing markup: 223 payloads as link ${mode === 'text' ? 'text' : 'addresses'} render inert`, async () => {
      const box = await fixture<HTMLElement>(html`<div></div>`);
      const el = document.createElement('iigp-newsletter-archive') as WidgetElement<unknown>;
      el.setAttribute('limit', '300');
      const list = document.createElement('ul');
      const payloads =
        mode === 'text' ? corpus.map((v) => v.payload) : [...corpus.map((v) => v.payload), ...URL_VECTORS];
      payloads.forEach((p, i) => {
        const a = document.createElement('a');
        // The page's own markup: the payload is set as text and as an attribute value, never parsed as HTML.
        a.textContent = mode === 'text' ? p : `Winter 2009, Vol. 2 Issue ${i}`;
        a.setAttribute('href', mode === 'text' ? `https://iigp.example/newsletters/${i}.pdf` : p);
        list.append(document.createElement('li'));
        list.lastElementChild!.append(a);
      });
      el.append(list);
      box.append(el);
      await el.updateComplete;
      await assertInert(el, wire.ran, `newsletter markup (${mode})`);
      expect(el.state).to.equal('ready');
      expect(itemCount([el])).to.equal(payloads.length);
    });
  }

  for (const c of CASES) {
    it(`<iigp-${c.widget}> ${c.label}: script, vbscript and data URLs in every spelling never reach an href or src`, async () => {
      const src = await stash(c.build(URL_VECTORS, 'url'), c.type);
      const { box, widgets } = await render(c.widget, src, c.format, URL_VECTORS.length);
      await assertInert(box, wire.ran, `${c.label} URL vectors`);
      expect(problems(box)).to.deep.equal([]);
      expect(widgets.some((el) => el.state === 'ready' || el.state === 'empty')).to.equal(true);
    });
  }
});

describe('XSS: items set from script', () => {
  let wire: ReturnType<typeof tripwire>;
  beforeEach(() => (wire = tripwire()));
  afterEach(() => wire.restore());

  const bad = 'javascript:window.__iigpRan=1';
  const ITEMS: Record<Widget, unknown[]> = {
    'recent-posts': [
      {
        id: '1',
        title: '<img src=x onerror=alert(1)>',
        url: bad,
        image: { src: bad },
        author: '<b>x</b>',
        excerpt: '<script>alert(1)</script>',
      },
    ],
    'workshop-list': [
      {
        id: '1',
        title: '<img src=x onerror=alert(1)>',
        url: bad,
        start: '2026-12-03T19:00:00Z',
        end: '2026-12-03T21:00:00Z',
        registrationUrl: bad,
        onlineUrl: bad,
        presenters: [{ name: '<svg onload=alert(1)>', url: bad }],
        image: { src: bad },
      },
    ],
    'faculty-card': [{ id: 'x', name: '<img src=x onerror=alert(1)>', url: bad, image: { src: bad } }],
    'newsletter-archive': [{ id: '1', title: '<img src=x onerror=alert(1)>', url: bad }],
  };

  for (const widget of Object.keys(ITEMS) as Widget[]) {
    it(`<iigp-${widget}> renders items with markup as text and drops script URLs`, async () => {
      const el = document.createElement(`iigp-${widget}`) as WidgetElement<unknown>;
      if (widget === 'workshop-list') {
        (el as WorkshopListElement).now = feeds.NOW;
        el.setAttribute('layout', 'cards');
      }
      if (widget === 'recent-posts') el.setAttribute('show-image', '');
      el.items = ITEMS[widget];
      const box = await fixture<HTMLElement>(html`<div></div>`);
      box.append(el);
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expect(titlesOf([el])[0]).to.equal('<img src=x onerror=alert(1)>');
      await assertInert(box, wire.ran, `${widget} items`);
    });
  }

  it('items set from script are checked as a copy: a URL changed afterwards never reaches the page', async () => {
    const post = { id: '1', title: 'Safe', url: 'https://iigp.example/safe/', date: new Date('2026-03-05T12:00:00Z') };
    const el = document.createElement('iigp-recent-posts') as WidgetElement<unknown>;
    el.items = [post];
    const box = await fixture<HTMLElement>(html`<div></div>`);
    box.append(el);
    await el.updateComplete;
    post.url = bad;
    post.title = 'Changed';
    el.setAttribute('heading', 'Re-rendered');
    await el.updateComplete;
    const link = el.shadowRoot!.querySelector('a[part~="title"]')!;
    expect(link.getAttribute('href')).to.equal('https://iigp.example/safe/');
    expect(link.textContent).to.equal('Safe');
    // A Date stays a date (structuredClone), so the <time> is right without re-parsing a string.
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-05T12:00:00.000Z');
    await assertInert(box, wire.ran, 'items changed after they were set');
  });
});
