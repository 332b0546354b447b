import { expect, fixture } from '@open-wc/testing';
import '../src/recent-posts/define.js';
import '../src/workshop-list/define.js';
import type { RecentPostsElement } from '../src/recent-posts/recent-posts.js';
import type { WorkshopListElement } from '../src/workshop-list/workshop-list.js';
import { hits, mock, settled, texts } from './helpers.js';

// What the WordPress plugin prints: the items as plain HTML (the fallback) and the same items as a JSON
// island, which the widget shows without fetching src again.
const FEED = 'demo/data/posts.xml';
const posts = [
  {
    id: '1',
    title: 'Server post one',
    url: 'https://iigp.example/one/',
    date: '2026-04-11T14:00:00.000Z',
    author: 'Natan HarPaz',
  },
  { id: '2', title: 'Server post two', url: 'https://iigp.example/two/', date: '2026-03-01T09:00:00.000Z' },
];
const island = (items: unknown) =>
  `<script type="application/json" data-iigp-items>${JSON.stringify(items).replace(/</g, '\\u003c')}</script>`;
const serverList =
  '<ul><li><a href="https://iigp.example/one/">Server post one</a> <time datetime="2026-04-11T14:00:00+00:00">April 11, 2026</time></li></ul>';

describe('items printed by the server (JSON island)', () => {
  beforeEach(() => localStorage.clear());

  it('are shown at once, without a request for src, and the widget is ready', async () => {
    const src = mock(FEED);
    const el = await fixture<RecentPostsElement>(
      `<iigp-recent-posts src="${src}" show-author time-zone="UTC" locale="en-US">${serverList}${island(posts)}</iigp-recent-posts>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Server post one', 'Server post two']);
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-04-11T14:00:00.000Z');
    expect(texts(el, '[part~="author"]')).to.deep.equal(['by Natan HarPaz']);
    expect(await hits(src)).to.equal(0);
    // The island is read once and gone; the server's list stays as the (hidden) fallback.
    expect(el.querySelector('[data-iigp-items]')).to.equal(null);
    expect(el.querySelector('ul')!.getClientRects().length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('go through the same checks as items: unsafe links are dropped and markup stays text', async () => {
    const src = mock(FEED);
    const hostile = [
      {
        id: 'x',
        title: '<img src=x onerror="window.__islandXss=1">Tom & Jerry',
        url: 'javascript:window.__islandXss=1',
        date: '2026-01-01T00:00:00Z',
      },
    ];
    const el = await fixture<RecentPostsElement>(
      `<iigp-recent-posts src="${src}">${island(hostile)}</iigp-recent-posts>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(['<img src=x onerror="window.__islandXss=1">Tom & Jerry']);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __islandXss?: number }).__islandXss).to.equal(undefined);
    expect(await hits(src)).to.equal(0);
  });

  it('that do not parse are ignored: the widget fetches src', async () => {
    const src = mock(FEED);
    const el = await fixture<RecentPostsElement>(
      `<iigp-recent-posts src="${src}" limit="2"><script type="application/json" data-iigp-items>{not json</script></iigp-recent-posts>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(await hits(src)).to.equal(1);
    expect(texts(el, '[part~="title"]')[0]).to.equal('The Value of Co-Therapy');
  });

  it('are read once: a new src is fetched', async () => {
    const el = await fixture<RecentPostsElement>(
      `<iigp-recent-posts src="${mock(FEED)}">${island(posts)}</iigp-recent-posts>`,
    );
    await settled(el);
    const next = mock(FEED);
    el.src = next;
    await el.updateComplete;
    await settled(el);
    expect(await hits(next)).to.equal(1);
    expect(texts(el, '[part~="title"]')[0]).to.equal('The Value of Co-Therapy');
  });

  it('work for workshops: dates as ISO strings, times in the event zone, an empty list is empty', async () => {
    const src = mock('demo/data/workshops.json');
    const workshops = [
      {
        id: 'w1',
        title: 'Working With Shame in Group',
        url: 'https://iigp.example/w1/',
        start: '2099-09-12T09:00:00-04:00',
        end: '2099-09-12T16:00:00-04:00',
        timeZone: 'America/Detroit',
        place: { name: 'IIGP', address: 'Southfield, MI' },
      },
    ];
    const el = await fixture<WorkshopListElement>(
      `<iigp-workshop-list src="${src}" locale="en-US">${island(workshops)}</iigp-workshop-list>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Working With Shame in Group']);
    expect(texts(el, '[part~="date"]')[0]).to.match(/9:00.*EDT/);
    expect(texts(el, '[part~="place"]')[0]).to.equal('IIGP, Southfield, MI');
    const empty = await fixture<WorkshopListElement>(
      `<iigp-workshop-list src="${src}"><p>No workshops scheduled.</p>${island([])}</iigp-workshop-list>`,
    );
    await settled(empty);
    expect(empty.state).to.equal('empty');
    expect(await hits(src)).to.equal(0);
  });
});
