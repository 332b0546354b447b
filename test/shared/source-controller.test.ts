/**
 * The SourceController on a host of its own (a bare ReactiveElement, not a widget): what it loads, what
 * it says when it cannot, one request for hosts sharing a URL, and a load abandoned when the host leaves.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from '@lit/reactive-element';
import type { Post } from '../../src/model.js';
import { SourceController, type Formats } from '../../src/shared/source-controller.js';
import { captureWarnings, echo, hits, mock } from '../helpers.js';

const formats: Formats<Post> = {
  rss: () => import('../../src/formats/xml/feed.js'),
  json: () => import('../../src/formats/json/json-feed.js'),
};

class SourceHostElement extends ReactiveElement {
  src?: string;
  format = 'auto';
  maxAge = 0;
  timeout = 10_000;
  loading: 'eager' | 'lazy' = 'eager';
  items?: Post[];
  updates = 0;
  requestUrl(url: string): string {
    return url;
  }
  readonly source: SourceController<Post> = new SourceController<Post>(
    this,
    () => formats,
    () => (this.source.loaded ?? []).slice(0, 2),
  );

  protected override update(changed: Map<PropertyKey, unknown>): void {
    super.update(changed);
    this.updates++;
  }
}
customElements.define('test-source-host', SourceHostElement);

/** A connected host that starts loading `src`, as a widget does on its first update. */
async function host(src: string, format = 'auto'): Promise<SourceHostElement> {
  const el = await fixture<SourceHostElement>(html`<test-source-host></test-source-host>`);
  Object.assign(el, { src, format });
  void el.source.load();
  return el;
}

const FEED = 'demo/data/posts.xml';

describe('SourceController', () => {
  it('loads and parses src, asks its host to update, and fires iigp-load with what the host shows', async () => {
    const el = await fixture<SourceHostElement>(html`<test-source-host></test-source-host>`);
    const loaded = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('iigp-load', (e) => resolve(e as CustomEvent)),
    );
    el.src = mock(FEED);
    const before = el.updates;
    void el.source.load();
    const event = await loaded;
    expect(el.source.loaded?.length).to.be.greaterThan(2);
    expect(event.detail.items).to.deep.equal(el.source.loaded?.slice(0, 2));
    expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    expect(el.updates).to.be.greaterThan(before);
    expect([el.source.failure, el.source.stale]).to.deep.equal([undefined, false]);
  });

  it('makes one request for hosts that share a URL, and parses it once', async () => {
    const src = mock(FEED);
    const [a, b] = await Promise.all([host(src), host(src)]);
    await waitUntil(() => a.source.loaded && b.source.loaded, 'both hosts load');
    expect(await hits(src)).to.equal(1);
    expect(a.source.loaded![0]).to.equal(b.source.loaded![0]);
  });

  it('says why it failed, once on the console, and fires iigp-error', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<SourceHostElement>(html`<test-source-host></test-source-host>`);
      const failed = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('iigp-error', (e) => resolve(e as CustomEvent)),
      );
      el.src = echo('BEGIN:VCALENDAR\r\nEND:VCALENDAR', 'text/calendar');
      void el.source.load();
      const { detail } = await failed;
      expect(detail.error).to.equal(el.source.failure);
      expect([detail.error.kind, detail.error.message]).to.deep.equal(['format', 'it is not rss, json data']);
      expect(warnings.messages.filter((m) => m.includes('<test-source-host> could not load'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('refuses a format its host does not read', async () => {
    const warnings = captureWarnings();
    try {
      const el = await host(mock(FEED), 'ics');
      await waitUntil(() => el.source.failure, 'it fails');
      expect(el.source.failure?.message).to.equal('format="ics" is unknown');
      expect(warnings.messages.filter((m) => m.includes('format="ics" is unknown'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('abandons the load when its host leaves the page, and starts over when it comes back', async () => {
    const src = mock(FEED, { delay: 400 });
    const el = await host(src);
    const parent = el.parentElement!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(el.source.loaded).to.equal(undefined);
    parent.append(el);
    await waitUntil(() => el.source.loaded, 'it loads once back');
  });

  it('loads nothing while its host has items of its own', async () => {
    const el = await fixture<SourceHostElement>(html`<test-source-host></test-source-host>`);
    el.items = [];
    el.src = mock(FEED);
    await el.source.load();
    expect(await hits(el.src)).to.equal(0);
  });
});
