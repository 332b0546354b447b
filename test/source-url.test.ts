import { expect, fixture, html } from '@open-wc/testing';
import '../src/faculty-card/define.js';
import '../src/recent-posts/define.js';
import '../src/workshop-list/define.js';
import { sourceUrl } from '../src/shared/source-url.js';
import type { WorkshopListElement } from '../src/workshop-list/workshop-list.js';
import type { RecentPostsElement } from '../src/recent-posts/recent-posts.js';
import type { FacultyCardElement } from '../src/faculty-card/faculty-card.js';
import { hits, settled, texts } from './helpers.js';

// Sources asked for what the widget shows: WordPress REST pages its answers at 10 unless `per_page` asks for
// more; The Events Calendar returns only events not yet ended unless `start_date` is sent. The test server
// (test/server/mock-server.mjs) answers as both do.
let unique = 0;
const site = () => `/__mock/wp/${Math.random().toString(36).slice(2, 8)}-${++unique}`;

/** How many times the test server saw `url` (absolute or not) requested. */
const seen = (url: string) => hits(new URL(url, location.href).pathname + new URL(url, location.href).search);

describe('sourceUrl: the address asked for', () => {
  it('adds per_page = limit (at most 100) to a WordPress REST collection', () => {
    expect(sourceUrl('https://iigp.example/wp-json/wp/v2/posts', 15)).to.equal(
      'https://iigp.example/wp-json/wp/v2/posts?per_page=15',
    );
    expect(sourceUrl('https://iigp.example/wp-json/wp/v2/posts?_embed', 5)).to.equal(
      'https://iigp.example/wp-json/wp/v2/posts?_embed=&per_page=5',
    );
    expect(sourceUrl('https://iigp.example/wp-json/wp/v2/media?mime_type=application/pdf', Infinity)).to.include(
      'per_page=100',
    );
    expect(sourceUrl('https://iigp.example/wp-json/wp/v2/posts', 500)).to.include('per_page=100');
    expect(sourceUrl('https://iigp.example/wp-json/wp/v2/posts/', 7)).to.equal(
      'https://iigp.example/wp-json/wp/v2/posts/?per_page=7',
    );
  });

  it('a widget asks for its limit as a count: limit="-1" (all) and a limit that is no count', () => {
    const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
    const asked = () => el.requestUrl('https://iigp.example/wp-json/wp/v2/posts');
    el.limit = -1;
    expect(asked()).to.include('per_page=100');
    el.limit = 2.5;
    expect(asked(), 'the default, 5').to.include('per_page=5');
    el.limit = NaN;
    expect(asked()).to.include('per_page=5');
  });

  it('leaves alone what the webmaster set, single items, and every other address', () => {
    for (const url of [
      'https://iigp.example/wp-json/wp/v2/posts?per_page=3',
      'https://iigp.example/wp-json/wp/v2/posts/42',
      'https://iigp.example/feed/',
      'https://iigp.example/events.ics',
      'https://iigp.example/wp-json/tribe/events/v1/events?start_date=2020-01-01',
      'https://iigp.example/wp-json/tribe/events/v1/events?end_date=2030-01-01',
    ]) {
      expect(sourceUrl(url, 15, 'past'), url).to.equal(url);
    }
  });

  it('asks The Events Calendar for past events when the widget shows them', () => {
    const tec = 'https://iigp.example/wp-json/tribe/events/v1/events';
    expect(sourceUrl(tec, 10, 'upcoming')).to.equal(tec);
    expect(sourceUrl(tec, 10, 'past')).to.equal(`${tec}?start_date=1970-01-01&end_date=now`);
    expect(sourceUrl(tec, 10, 'all')).to.equal(`${tec}?start_date=1970-01-01`);
  });
});

describe('widgets ask WordPress for what they show', () => {
  beforeEach(() => localStorage.clear());

  it('<iigp-recent-posts limit="15"> over /wp-json/wp/v2/posts shows 15, in one request with per_page=15', async () => {
    const src = `${site()}/wp-json/wp/v2/posts`;
    const el = await fixture<RecentPostsElement>(html`<iigp-recent-posts limit="15" src=${src}></iigp-recent-posts>`);
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelectorAll('[part~="item"]')).to.have.length(15);
    expect(await seen(`${src}?per_page=15`)).to.equal(1);
    expect(await seen(src)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('asks for the default limit when none is set, and one request serves every widget asking the same', async () => {
    const src = `${site()}/wp-json/wp/v2/posts`;
    const box = await fixture<HTMLElement>(
      html`<div><iigp-recent-posts src=${src}></iigp-recent-posts><iigp-recent-posts src=${src}></iigp-recent-posts></div>`,
    );
    const [a, b] = box.querySelectorAll('iigp-recent-posts') as NodeListOf<RecentPostsElement>;
    await settled(a);
    await settled(b);
    expect(a.shadowRoot!.querySelectorAll('[part~="item"]')).to.have.length(5);
    expect(await seen(`${src}?per_page=5`)).to.equal(1);
  });

  it('leaves a URL with per_page alone', async () => {
    const src = `${site()}/wp-json/wp/v2/posts?per_page=3`;
    const el = await fixture<RecentPostsElement>(html`<iigp-recent-posts limit="15" src=${src}></iigp-recent-posts>`);
    await settled(el);
    expect(el.shadowRoot!.querySelectorAll('[part~="item"]')).to.have.length(3);
    expect(await seen(src)).to.equal(1);
  });

  it('<iigp-faculty-card person> over /wp-json/wp/v2/pages asks for 100 pages, not its one card, and finds the person', async () => {
    const src = `${site()}/wp-json/wp/v2/pages`;
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${src} person="thomas-reyes"></iigp-faculty-card>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')[0]).to.include('Reyes');
    expect(await seen(`${src}?per_page=100`)).to.equal(1);
  });

  it('<iigp-workshop-list when="past"> over The Events Calendar lists past workshops (start_date sent)', async () => {
    const src = `${site()}/wp-json/tribe/events/v1/events`;
    const el = await fixture<WorkshopListElement>(
      html`<iigp-workshop-list when="past" src=${src}></iigp-workshop-list>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal([10, 20, 30, 40, 50, 60].map((n) => `Past workshop ${n} days`));
    expect(await seen(`${src}?start_date=1970-01-01&end_date=now`)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('asks The Events Calendar as before for upcoming workshops, and leaves a start_date set by the webmaster alone', async () => {
    const src = `${site()}/wp-json/tribe/events/v1/events`;
    const upcoming = await fixture<WorkshopListElement>(html`<iigp-workshop-list src=${src}></iigp-workshop-list>`);
    await settled(upcoming);
    expect(texts(upcoming, '[part~="title"]')).to.deep.equal([10, 20, 30, 40].map((n) => `Coming workshop ${n} days`));
    expect(await seen(src)).to.equal(1);

    const own = `${site()}/wp-json/tribe/events/v1/events?start_date=now`;
    const past = await fixture<WorkshopListElement>(
      html`<iigp-workshop-list when="past" src=${own}></iigp-workshop-list>`,
    );
    await settled(past);
    expect(past.state).to.equal('empty'); // as asked: only events from now on, none of them past
    expect(await seen(own)).to.equal(1);
  });
});
