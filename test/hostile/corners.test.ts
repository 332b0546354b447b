/**
 * The widget-level corners of hostile round two: `limit` and `time-zone` values that are not what they
 * should be, a widget adopted into another document, and bodies released when their last widget leaves.
 * (Files of the library that do not load: test/resilience/missing-files.test.ts, on the built files.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/recent-posts/define.js';
import '../../src/workshop-list/define.js';
import type { RecentPostsElement } from '../../src/recent-posts/recent-posts.js';
import type { WorkshopListElement } from '../../src/workshop-list/workshop-list.js';
import type { Workshop } from '../../src/model.js';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import type { TemplateResult } from 'lit';
import { pageState } from '../../src/shared/page-state.js';
import { mock, mountSettled, settled, texts } from '../helpers.js';

const FEED = 'demo/data/posts.xml'; // Six items; recent-posts shows five by default.

/** Mounts a widget, waiting for one warning or for none (see mountSettled); the library's warnings. */
async function mount<T extends WidgetElement<unknown>>(template: TemplateResult, warning: boolean) {
  const { el, warnings } = await mountSettled<T>(template, { warnings: warning ? 1 : 0 });
  return { el, warnings: warnings.filter((m) => m.includes('iigp-widgets')) };
}

/** The page-wide requests that still hold a loaded body. */
const heldBodies = () => [...pageState.requests!.values()].filter((r) => (r as { body?: unknown }).body).length;

describe('hostile round two: limit', function () {
  this.timeout(30000);

  it('limit="-1" (WordPress\'s "all") shows every item, with no warning', async () => {
    const { el, warnings } = await mount<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} limit="-1"></iigp-recent-posts>`,
      false,
    );
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.have.length(6);
    expect(warnings).to.deep.equal([]);
  });

  it('limit="-1" asks WordPress for as many as it gives (100)', () => {
    const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
    el.setAttribute('limit', '-1');
    expect(el.requestUrl('https://example.org/wp-json/wp/v2/posts')).to.equal(
      'https://example.org/wp-json/wp/v2/posts?per_page=100',
    );
  });

  for (const value of ['NaN', '', 'abc', '0', '-3', '2.5']) {
    it(`limit="${value}" falls back to the default (5) with one warning naming the value`, async () => {
      const { el, warnings } = await mount<RecentPostsElement>(
        html`<iigp-recent-posts src=${mock(FEED)} limit=${value}></iigp-recent-posts>`,
        true,
      );
      expect(el.state).to.equal('ready');
      expect(texts(el, '[part~="title"]')).to.have.length(5);
      expect(warnings, warnings.join('\n')).to.have.length(1);
      expect(warnings[0]).to.include(`limit="${value}"`).and.to.include('<iigp-recent-posts>');
    });
  }

  it('a valid limit writes no warning', async () => {
    const { el, warnings } = await mount<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} limit="2"></iigp-recent-posts>`,
      false,
    );
    expect(texts(el, '[part~="title"]')).to.have.length(2);
    expect(warnings).to.deep.equal([]);
  });
});

describe('hostile round two: time-zone', function () {
  this.timeout(30000);

  const workshop: Workshop = {
    id: 'w1',
    title: 'Group Process',
    start: '2030-01-15T14:00:00Z', // 9:00 in Detroit (EST).
    end: '2030-01-15T16:00:00Z',
    timeZone: 'America/Detroit',
  };

  it("an unknown zone on the workshop list falls back to the workshop's own zone, with one warning naming it", async () => {
    const { el, warnings } = await mount<WorkshopListElement>(
      html`<iigp-workshop-list time-zone="America/Detriot" locale="en-US" now="2029-01-01T00:00:00Z" .items=${[workshop]}></iigp-workshop-list>`,
      true,
    );
    expect(el.state).to.equal('ready');
    const date = texts(el, '[part~="date"]')[0];
    expect(date, date)
      .to.match(/\b9:00\b/)
      .and.to.match(/EST|GMT-5/);
    expect(warnings, warnings.join('\n')).to.have.length(1);
    expect(warnings[0]).to.include('time-zone="America/Detriot"');
  });

  it('a known zone is used, with no warning', async () => {
    const { el, warnings } = await mount<WorkshopListElement>(
      html`<iigp-workshop-list time-zone="Asia/Tokyo" locale="en-US" now="2029-01-01T00:00:00Z" .items=${[workshop]}></iigp-workshop-list>`,
      false,
    );
    expect(texts(el, '[part~="date"]')[0]).to.match(/11:00\s*PM/);
    expect(warnings).to.deep.equal([]);
  });

  it("an unknown zone on recent posts warns once, naming it, and shows the reader's dates", async () => {
    const { el, warnings } = await mount<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} time-zone="Mars/Olympus"></iigp-recent-posts>`,
      true,
    );
    expect(el.state).to.equal('ready');
    expect(texts(el, 'time')[0]).to.match(/\d{4}/);
    expect(warnings, warnings.join('\n')).to.have.length(1);
    expect(warnings[0]).to.include('time-zone="Mars/Olympus"');
  });
});

describe('hostile round two: a widget adopted into another document', function () {
  this.timeout(30000);

  async function frame(): Promise<HTMLIFrameElement> {
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    await new Promise((done) => setTimeout(done));
    return iframe;
  }

  /** Uncaught errors and rejections while `run` runs (and a moment after). */
  async function uncaught(run: () => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    const onError = (event: ErrorEvent) => seen.push(String(event.message));
    const onRejection = (event: PromiseRejectionEvent) => seen.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      await run();
      await new Promise((done) => setTimeout(done, 100));
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    return seen;
  }

  it('adopted before it renders: it renders there, styled, without an uncaught error', async () => {
    const iframe = await frame();
    let el!: RecentPostsElement;
    const errors = await uncaught(async () => {
      el = document.createElement('iigp-recent-posts') as RecentPostsElement;
      el.setAttribute('src', mock(FEED));
      iframe.contentDocument!.body.append(iframe.contentDocument!.adoptNode(el));
      await settled(el);
    });
    expect(errors).to.deep.equal([]);
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.have.length(5);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(iframe.contentWindow!.getComputedStyle(status).position, 'the base styles apply').to.equal('absolute');
    iframe.remove();
  });

  it('adopted after it rendered: its styles still apply there', async () => {
    const iframe = await frame();
    const el = await fixture<RecentPostsElement>(html`<iigp-recent-posts src=${mock(FEED)}></iigp-recent-posts>`);
    await settled(el);
    const errors = await uncaught(async () => {
      iframe.contentDocument!.body.append(iframe.contentDocument!.adoptNode(el));
      await el.updateComplete;
    });
    expect(errors).to.deep.equal([]);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(iframe.contentWindow!.getComputedStyle(status).position).to.equal('absolute');
    expect(texts(el, '[part~="title"]')).to.have.length(5);
    iframe.remove();
  });
});

describe('hostile round two: bodies released when their last widget leaves', function () {
  this.timeout(60000);
  beforeEach(() => localStorage.clear());

  it('60 different feeds through one widget, then removed: no body is held', async () => {
    const before = heldBodies();
    const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
    document.body.append(el);
    for (let i = 0; i < 60; i++) {
      el.setAttribute('src', mock(FEED, { feed: i }));
      await new Promise((done) => setTimeout(done));
      await settled(el);
      expect(el.state).to.equal('ready');
      expect(heldBodies() - before, 'only the body on view').to.be.at.most(1);
    }
    el.remove();
    await new Promise((done) => setTimeout(done)); // Released once the code that removed it is done.
    expect(heldBodies() - before, 'bodies held page-wide').to.equal(0);
  });

  it('while a widget shows a body, a widget added later uses it; once both left, it is asked for again', async () => {
    const src = mock(FEED);
    const original = window.fetch;
    const asked: string[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (asked.push(String(input)), original(input, init));
    try {
      const first = await fixture<RecentPostsElement>(html`<iigp-recent-posts src=${src}></iigp-recent-posts>`);
      await settled(first);
      const second = document.createElement('iigp-recent-posts') as RecentPostsElement;
      second.setAttribute('src', src);
      document.body.append(second);
      await settled(second);
      expect(asked, 'the body on view served the later widget').to.have.length(1);
      first.remove();
      second.remove();
      const third = document.createElement('iigp-recent-posts') as RecentPostsElement;
      third.setAttribute('src', src);
      document.body.append(third);
      await settled(third);
      expect(third.state).to.equal('ready');
      expect(asked, 'released, so asked for again').to.have.length(2);
      third.remove();
    } finally {
      window.fetch = original;
    }
  });
});
