/**
 * Every way the data can fail, each on a page with a second, healthy widget and a plain button: the
 * widget ends in a clear state (its fallback where there is nothing to show), says once on the console
 * what went wrong and how to fix it, throws nothing, and the rest of the page keeps working.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/iigp-widgets.js';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import type { WorkshopListElement } from '../../src/workshop-list/workshop-list.js';
import { captureWarnings, echo, mock, settled, texts } from '../helpers.js';
import { FEED, page, stillWorks, type Page } from './page.js';

type Widget = 'recent-posts' | 'workshop-list' | 'faculty-card' | 'newsletter-archive';

interface Fault {
  name: string;
  src: () => string;
  state: 'error' | 'empty' | 'ready';
  /** The cause and the fix the one warning must name (none expected when undefined). */
  warning?: [RegExp, RegExp];
  timeout?: number;
}

const GOOD: Record<Widget, string> = {
  'recent-posts': FEED,
  'workshop-list': 'demo/data/workshops.json',
  'faculty-card': 'demo/data/faculty.json',
  'newsletter-archive': 'demo/data/newsletters.json',
};

const EMPTY: Record<Widget, () => string> = {
  'recent-posts': () => mock('test/fixtures/empty.xml'),
  'workshop-list': () => echo('[]', 'application/ld+json'),
  'faculty-card': () => mock('test/fixtures/faculty/empty.json'),
  'newsletter-archive': () => mock('test/fixtures/newsletters/empty.json'),
};

const WRONG_SHAPE: Record<Widget, () => string> = {
  'recent-posts': () => mock('test/fixtures/wrong-shape.json'),
  'workshop-list': () => echo('{"events": "soon", "@context": "https://schema.org"}'),
  'faculty-card': () => mock('test/fixtures/faculty/wrong-shape.json'),
  'newsletter-archive': () => mock('test/fixtures/newsletters/wrong-shape.json'),
};

const MALFORMED: Record<Widget, () => string> = {
  'recent-posts': () => mock('test/fixtures/malformed.xml'),
  'workshop-list': () => echo('[{"@type": "Event", "name": "Cut off', 'application/json'),
  'faculty-card': () => echo('[{"@type": "Person", "name": "Cut off', 'application/json'),
  'newsletter-archive': () => echo('[{"@type": "PublicationIssue", "name": "Cut off', 'application/json'),
};

const other = (path: string) => `${location.protocol}//127.0.0.1:${location.port}${path}`;

function faults(widget: Widget): Fault[] {
  const good = GOOD[widget];
  return [
    {
      name: 'a 404',
      src: () => mock(good.replace(/[^/]+$/, 'none.json')),
      state: 'error',
      warning: [/answered 404/, /Check the src address/],
    },
    {
      name: 'a 500',
      src: () => mock(good, { status: 500 }),
      state: 'error',
      warning: [/answered 500/, /server had an error/],
    },
    {
      name: 'a response that never ends',
      src: () => mock(good, { hang: 1 }),
      timeout: 800,
      state: 'error',
      warning: [/no complete answer within 0.8 s/, /slow or down/],
    },
    { name: 'a slow trickle that completes', src: () => mock(good, { trickle: 2 }), state: 'ready' },
    {
      name: 'a trickle slower than the timeout',
      src: () => mock(good, { trickle: 200 }),
      timeout: 800,
      state: 'error',
      warning: [/no complete answer/, /slow or down/],
    },
    {
      name: 'a malformed body',
      src: MALFORMED[widget],
      state: 'error',
      warning: [/not well-formed|JSON|not /i, /src|feed|JSON/],
    },
    {
      name: 'an HTML error page with status 200',
      src: () => mock('test/fixtures/html-page.html'),
      state: 'error',
      warning: [/HTML page/, /Point src at/],
    },
    {
      name: 'JSON of the wrong shape',
      src: WRONG_SHAPE[widget],
      state: 'error',
      warning: [/not|none|JSON/i, /Use|Point src/],
    },
    { name: 'an empty source', src: EMPTY[widget], state: 'empty' },
    {
      name: 'a CORS block from another origin',
      src: () => other(mock(good)),
      state: 'error',
      warning: [/CORS/, /Access-Control-Allow-Origin/],
    },
  ];
}

function make(widget: Widget, src: string, timeout?: number): WidgetElement<unknown> {
  const el = document.createElement(`iigp-${widget}`) as WidgetElement<unknown>;
  if (widget === 'workshop-list') {
    (el as WorkshopListElement).now = '2026-11-26T12:00:00Z';
    el.setAttribute('when', 'all');
  }
  if (timeout) el.timeout = timeout;
  el.innerHTML = '<a class="fallback" href="/fallback/">Fallback link</a>';
  el.src = src;
  return el;
}

async function check(
  p: Page,
  el: WidgetElement<unknown>,
  src: string,
  fault: Fault,
  warnings: string[],
): Promise<void> {
  expect(el.state, `${fault.name}: state`).to.equal(fault.state);
  const fallback = el.querySelector('.fallback') as HTMLElement;
  if (fault.state === 'ready') {
    expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length, 'items shown').to.be.greaterThan(0);
    expect(fallback.getBoundingClientRect().height, 'the fallback is hidden when there are items').to.equal(0);
  } else {
    const slot = el.shadowRoot!.querySelector('slot:not([name])') as HTMLSlotElement;
    expect(slot?.assignedElements(), 'the fallback is slotted').to.include(fallback);
    expect(fallback.getBoundingClientRect().height, 'the fallback is visible').to.be.greaterThan(0);
  }
  if (fault.warning) {
    expect(warnings, `${fault.name}: one warning`).to.have.length(1);
    expect(warnings[0]).to.include(src.replace(/^https?:\/\/[^/]+/, ''));
    expect(warnings[0], 'names the cause').to.match(fault.warning[0]);
    expect(warnings[0], 'names the fix').to.match(fault.warning[1]);
  } else {
    expect(warnings.length, `${fault.name}: warnings`).to.be.at.most(1);
  }
  expect(p.errors, 'uncaught exceptions and unhandled rejections').to.deep.equal([]);
  await stillWorks(p);
}

describe('faults', function () {
  this.timeout(30000);
  beforeEach(() => localStorage.clear());

  for (const widget of Object.keys(GOOD) as Widget[]) {
    describe(`<iigp-${widget}>`, () => {
      for (const fault of faults(widget)) {
        it(`${fault.name}: ends ${fault.state}${fault.warning ? ' with one warning naming cause and fix' : ''}; the page still works`, async () => {
          const p = await page();
          const warnings = captureWarnings();
          try {
            const src = fault.src();
            const el = make(widget, src, fault.timeout);
            p.box.prepend(el);
            await settled(el, 15000);
            // Give a late second warning or a stray rejection the chance to show.
            await new Promise((done) => setTimeout(done, 100));
            warnings.restore();
            await check(p, el, src, fault, warnings.messages);
          } finally {
            warnings.restore();
            p.dispose();
          }
        });
      }
    });
  }

  it('<iigp-recent-posts> a 5 MB feed of 5,000 items with limit="5" shows five', async () => {
    const p = await page();
    const warnings = captureWarnings();
    try {
      const src = mock('big-feed', { items: 5000, bytes: 5_000_000 });
      const el = make('recent-posts', src);
      el.setAttribute('limit', '5');
      p.box.prepend(el);
      await settled(el, 20000);
      warnings.restore();
      expect(el.state).to.equal('ready');
      expect(texts(el, '[part~="title"]')).to.deep.equal(['Post 1', 'Post 2', 'Post 3', 'Post 4', 'Post 5']);
      expect(warnings.messages).to.deep.equal([]);
      expect(p.errors).to.deep.equal([]);
      await stillWorks(p);
    } finally {
      warnings.restore();
      p.dispose();
    }
  });

  it('<iigp-recent-posts> a feed over the 8 MB guard ends in error with one warning', async () => {
    const p = await page();
    const warnings = captureWarnings();
    try {
      const src = mock('big-feed', { items: 500, bytes: 9_000_000 });
      const el = make('recent-posts', src);
      p.box.prepend(el);
      await settled(el, 20000);
      warnings.restore();
      await check(
        p,
        el,
        src,
        { name: 'too large', src: () => src, state: 'error', warning: [/over 8 MB/, /recent entries/] },
        warnings.messages,
      );
    } finally {
      warnings.restore();
      p.dispose();
    }
  });

  it('<iigp-recent-posts> going offline after a first good load keeps the last items, marked stale politely', async () => {
    const p = await page();
    const src = mock(FEED);
    const first = make('recent-posts', src);
    p.box.prepend(first);
    await settled(first);
    expect(first.state).to.equal('ready');
    const shown = texts(first, '[part~="title"]');
    first.remove();
    // A reload while offline: a new page knows only the saved copy, and the network fails. A new URL
    // with the same saved copy stands in for the new page (this page has already read and fetched `src`).
    const key = (url: string) => `iigp-widgets:v1:${new URL(url, location.href).href}`;
    const reloaded = mock(FEED);
    localStorage.setItem(key(reloaded), localStorage.getItem(key(src))!);
    const original = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const warnings = captureWarnings();
    try {
      const el = make('recent-posts', reloaded);
      p.box.prepend(el);
      await waitUntil(() => /saved/.test(texts(el, '[role="status"]')[0] ?? ''), 'the stale copy was never announced', {
        timeout: 8000,
      });
      warnings.restore();
      window.fetch = original;
      expect(el.state).to.equal('ready');
      expect(texts(el, '[part~="title"]')).to.deep.equal(shown);
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.textContent).to.match(/saved posts/);
      expect(status.getAttribute('aria-live') ?? 'polite').to.equal('polite');
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0])
        .to.match(/could not load/)
        .and.match(/Showing the copy saved/);
      expect(p.errors).to.deep.equal([]);
      await stillWorks(p);
    } finally {
      window.fetch = original;
      warnings.restore();
      p.dispose();
    }
  });
});
