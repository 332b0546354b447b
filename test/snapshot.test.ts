/**
 * The snapshot command (Node) and the widgets (browser) share one set of rules. In Node the format modules
 * run on the DOM of src/snapshot/dom.ts; these tests hold the browser to the same table the Node tests
 * hold that DOM to (test/fixtures/html-text.json: decoding, HTML to text, first image), and check that a
 * widget shows a snapshot exactly as it shows the source it was made from (the snapshots in
 * test/fixtures/snapshot/ are the command's output, kept current by test/node/snapshot.test.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/recent-posts/define.js';
import '../src/workshop-list/define.js';
import type { RecentPostsElement } from '../src/recent-posts/recent-posts.js';
import { decodeBody } from '../src/shared/loader.js';
import { firstImage, htmlToText } from '../src/shared/text.js';
import type { WidgetElement } from '../src/shared/widget-element.js';
import type { WorkshopListElement } from '../src/workshop-list/workshop-list.js';
import { mock, settled } from './helpers.js';

interface Table {
  base: string;
  decodeBody: { bytes: number[]; contentType: string; text: string }[];
  htmlToText: { html: string; text: string }[];
  firstImage: { html: string; image: { src: string; alt: string } | null }[];
}

describe('one set of text rules in the browser and in Node (test/fixtures/html-text.json)', () => {
  let table: Table;
  before(async () => {
    table = (await (await fetch('/test/fixtures/html-text.json')).json()) as Table;
  });

  it('decodes bytes as the Node pipeline does: BOM, then the HTTP charset, then the XML declaration', async () => {
    for (const { bytes, contentType, text } of table.decodeBody)
      expect(await decodeBody(new Uint8Array(bytes), contentType), contentType).to.equal(text);
  });

  it('reduces HTML to the same text', () => {
    for (const { html: markup, text } of table.htmlToText) expect(htmlToText(markup), markup).to.equal(text);
  });

  it('finds the same first image', () => {
    for (const { html: markup, image } of table.firstImage)
      expect(firstImage(markup, table.base) ?? null, markup).to.deep.equal(image);
  });
});

/**
 * What a widget shows: its text, and the links and images it points at. The command read the source as a
 * local file, whose root-relative links resolve against the site the data names (https://iigp.example/);
 * the widget read it from this test server: its links are compared as if on that site.
 */
function shown(el: WidgetElement<unknown>) {
  const root = el.shadowRoot!;
  const site = (url: string | null) => url?.replace(location.origin, 'https://iigp.example');
  return {
    text: root.textContent!.replace(/\s+/g, ' ').trim(),
    links: [...root.querySelectorAll('a')].map((a) => site(a.getAttribute('href'))),
    images: [...root.querySelectorAll('img')].map((img) => [
      site(img.getAttribute('src')),
      img.getAttribute('alt'),
      img.getAttribute('width'),
      img.getAttribute('height'),
    ]),
    times: [...root.querySelectorAll('time')].map((time) => time.getAttribute('datetime')),
  };
}

describe('a widget shows a snapshot as it shows its source', () => {
  beforeEach(() => localStorage.clear());

  it('<iigp-recent-posts>: WordPress REST posts and their JSON Feed snapshot', async () => {
    const view = (src: string) =>
      html`<iigp-recent-posts src=${src} limit="10" show-excerpt show-author show-image read-more locale="en-US" time-zone="UTC"></iigp-recent-posts>`;
    const source = await fixture<RecentPostsElement>(view(mock('test/fixtures/snapshot/wp-posts.json')));
    const snapshot = await fixture<RecentPostsElement>(view(mock('test/fixtures/snapshot/wp-posts.snapshot.json')));
    await Promise.all([settled(source), settled(snapshot)]);
    expect(source.state).to.equal('ready');
    expect(shown(source).text).to.contain('by Natan HarPaz');
    expect(shown(source).images.length).to.be.greaterThan(1);
    expect(shown(snapshot)).to.deep.equal(shown(source));
  });

  it('<iigp-workshop-list>: The Events Calendar response and its schema.org snapshot', async () => {
    const view = (src: string) =>
      html`<iigp-workshop-list src=${src} when="all" show-description layout="cards" locale="en-US"></iigp-workshop-list>`;
    const source = await fixture<WorkshopListElement>(view(mock('demo/data/workshops-tec.json')));
    const snapshot = await fixture<WorkshopListElement>(view(mock('test/fixtures/snapshot/workshops.snapshot.json')));
    await Promise.all([settled(source), settled(snapshot)]);
    expect(source.state).to.equal('ready');
    expect(shown(snapshot)).to.deep.equal(shown(source));
  });
});
