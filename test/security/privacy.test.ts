/**
 * No tracking, no leaks: a widget requests its data and its images and nothing else (its own code
 * chunks aside), sends no cookies to another origin, and its outbound links keep the page's window
 * and referrer to themselves.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/iigp-widgets.js';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import type { WorkshopListElement } from '../../src/workshop-list/workshop-list.js';
import { mock, settled } from '../helpers.js';
import { shadowRoots } from './attack.js';

/** Requests that are the library's own code, as the test server serves it (a CDN would serve dist/). */
const CODE = /^\/(src|node_modules|__wds-outside-root__|dist)\//;

function resourcesSince(start: number): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => entry.startTime >= start,
  );
}

function imagesIn(root: ParentNode): string[] {
  return shadowRoots(root).flatMap((shadow) =>
    [...shadow.querySelectorAll('img')].map((img) => img.currentSrc || img.src),
  );
}

describe('privacy', function () {
  this.timeout(30000);
  beforeEach(() => localStorage.clear());

  it('requests only the configured data, the images shown, and its own code', async () => {
    performance.setResourceTimingBufferSize(10000);
    const original = window.fetch;
    const fetched: string[] = [];
    window.fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return original(input, init);
    };
    const start = performance.now();
    const sources = {
      posts: mock('demo/data/posts.xml'),
      workshops: mock('demo/data/workshops.json'),
      faculty: mock('demo/data/faculty.json'),
      newsletters: mock('demo/data/newsletters.json'),
    };
    try {
      const box = await fixture<HTMLElement>(html`<div>
        <iigp-recent-posts src=${sources.posts} show-image show-excerpt show-author></iigp-recent-posts>
        <iigp-workshop-list src=${sources.workshops} when="all" .now=${'2026-11-26T12:00:00Z'}></iigp-workshop-list>
        <iigp-faculty-card src=${sources.faculty}></iigp-faculty-card>
        <iigp-newsletter-archive src=${sources.newsletters}></iigp-newsletter-archive>
      </div>`);
      const widgets = [...box.children] as WidgetElement<unknown>[];
      for (const el of widgets) await settled(el);
      expect(widgets.map((el) => el.state)).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
      (box.querySelector('iigp-workshop-list') as WorkshopListElement).scrollIntoView();
      await new Promise((done) => setTimeout(done, 500));
      const data = Object.values(sources).map((src) => new URL(src, location.href).href);
      const images = imagesIn(box);
      expect(images.length, 'images shown').to.be.greaterThan(0);
      const unexpected = resourcesSince(start)
        .map((entry) => entry.name)
        .filter((name) => !data.includes(name) && !images.includes(name))
        .filter((name) => !(new URL(name).origin === location.origin && CODE.test(new URL(name).pathname)));
      expect(unexpected, 'requests other than data, images and code').to.deep.equal([]);
      expect(fetched.sort(), 'fetch calls: one per data URL').to.deep.equal(data.sort());
    } finally {
      window.fetch = original;
    }
  });

  it('sends no cookies to another origin (credentials: same-origin), and does send them to its own', async () => {
    document.cookie = 'iigp_probe=1; path=/; SameSite=Lax';
    try {
      const port = await (await fetch('/__mock/other-origin')).text();
      // localhost on another port: another origin, but the same site, so a credentialed request would carry the cookie.
      const otherOrigin = `${location.protocol}//${location.hostname}:${port}`;
      const seen = async (u: string) =>
        JSON.parse(await (await fetch(`/__mock/cookies?probe=${u}`)).text()) as string | null;

      // The probe works: a credentialed request to that origin does carry the cookie.
      await fetch(`${otherOrigin}/cookie?probe=control`, { credentials: 'include' });
      expect(await seen('control'), 'a credentialed request carries the cookie').to.include('iigp_probe=1');

      const cross = await fixture<WidgetElement<unknown>>(
        html`<iigp-recent-posts src=${`${otherOrigin}/cookie?probe=cross`}></iigp-recent-posts>`,
      );
      await settled(cross);
      expect(cross.state).to.equal('ready');
      expect(await seen('cross'), 'cookies sent to another origin').to.equal('');

      const same = await fixture<WidgetElement<unknown>>(
        html`<iigp-recent-posts src=${mock('cookie', { probe: 'same' })}></iigp-recent-posts>`,
      );
      await settled(same);
      expect(same.state).to.equal('ready');
      expect(await seen('same'), 'cookies sent to the page’s own origin').to.include('iigp_probe=1');
    } finally {
      document.cookie = 'iigp_probe=; path=/; max-age=0';
    }
  });

  it('asks fetch for credentials "same-origin" and adds no headers (a simple CORS request, no preflight)', async () => {
    const original = window.fetch;
    const inits: (RequestInit | undefined)[] = [];
    window.fetch = (input, init) => {
      inits.push(init);
      return original(input, init);
    };
    try {
      const el = await fixture<WidgetElement<unknown>>(
        html`<iigp-recent-posts src=${mock('demo/data/posts.xml')}></iigp-recent-posts>`,
      );
      await settled(el);
    } finally {
      window.fetch = original;
    }
    expect(inits).to.have.length(1);
    expect(inits[0]?.credentials ?? 'same-origin').to.equal('same-origin');
    expect(inits[0]?.headers, 'custom headers').to.equal(undefined);
    expect(inits[0]?.referrerPolicy, 'a referrer policy looser than the page’s').to.not.be.oneOf([
      'unsafe-url',
      'no-referrer-when-downgrade',
    ]);
  });

  it('outbound links: new-tab links have rel="noopener"; no referrer policy looser than the page’s; no ping', async () => {
    const box = await fixture<HTMLElement>(html`<div>
      <iigp-recent-posts src=${mock('demo/data/posts.xml')} new-tab read-more="More"></iigp-recent-posts>
      <iigp-workshop-list src=${mock('demo/data/workshops.json')} .now=${'2026-11-26T12:00:00Z'}></iigp-workshop-list>
      <iigp-faculty-card src=${mock('demo/data/faculty.json')}></iigp-faculty-card>
      <iigp-newsletter-archive src=${mock('demo/data/newsletters.json')}></iigp-newsletter-archive>
    </div>`);
    for (const el of box.children) await settled(el as WidgetElement<unknown>);
    const links = shadowRoots(box).flatMap((shadow) => [...shadow.querySelectorAll('a')]);
    expect(links.length).to.be.greaterThan(10);
    const newTab = links.filter((a) => a.target && a.target !== '_self');
    expect(newTab.length, 'new-tab links to check').to.be.greaterThan(0);
    for (const a of newTab)
      expect(a.relList.contains('noopener') || a.relList.contains('noreferrer'), a.outerHTML).to.equal(true);
    for (const a of links) {
      expect(a.relList.contains('opener'), a.outerHTML).to.equal(false);
      expect(a.getAttribute('referrerpolicy') ?? '', a.outerHTML).to.not.be.oneOf([
        'unsafe-url',
        'no-referrer-when-downgrade',
      ]);
      expect(a.hasAttribute('ping'), a.outerHTML).to.equal(false);
    }
  });
});
