import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../src/iigp-widgets.js';
import type { WidgetElement } from '../src/shared/widget-element.js';
import { mock, settled, texts } from './helpers.js';
import { NEWSLETTER_SEED } from './fixtures/newsletters/seed.js';

// `npm start` serves demo/index.html: the institute's blog page, its sidebar drawn by the widgets from
// demo/data/. These tests read the page's own markup and mount its widgets as the page writes them.

let page: Document;
before(async () => {
  page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
});
const pageText = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The page's widgets matching `selector`, mounted here with their data from the test server. */
async function mount(selector: string): Promise<WidgetElement<unknown>[]> {
  const originals = [...page.querySelectorAll(selector)];
  expect(originals.length, selector).to.be.greaterThan(0);
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const widgets = originals.map((original) => {
    const el = document.createElement(original.localName) as WidgetElement<unknown>;
    for (const { name, value } of original.attributes) el.setAttribute(name, value);
    el.setAttribute('src', mock(new URL(original.getAttribute('src')!, 'http://x/demo/').pathname.slice(1)));
    // "Upcoming" as of the day the sample dates were chosen, so the test does not age.
    if (el.localName === 'iigp-workshop-list') (el as unknown as { now: string }).now = '2026-12-06T12:00:00Z';
    container.append(el);
    return el;
  });
  for (const el of widgets) await settled(el);
  return widgets;
}

describe("the demo page (demo/index.html) is the institute's blog page", () => {
  it("has the institute's name, address, phone and navigation, and says its data is a sample", () => {
    expect(pageText('.site-header')).to.include('Institute for Individual and Group Psychotherapy');
    expect(pageText('.site-header address'))
      .to.include('29600 Northwestern Hwy, Ste 100A')
      .and.include('Southfield, MI 48034');
    expect(page.querySelector('.site-header a[href^="tel:"]')?.textContent).to.equal('(248) 353-5333');
    const top = [...page.querySelectorAll('.site-nav > ul > li > a')].map((a) => a.textContent);
    expect(top).to.deep.equal([
      'Home',
      'Continuing Education',
      'Training',
      'Faculty',
      'Videos',
      'Articles',
      'About',
      'Blog',
      'Contact',
    ]);
    expect(pageText('.demo-note')).to.match(/sample data/i);
  });

  it('shows the post "The Value of Co-Therapy" of April 11, 2016', () => {
    expect(pageText('article h1')).to.equal('The Value of Co-Therapy');
    expect(page.querySelector('article time')?.getAttribute('datetime')).to.equal('2016-04-11');
    expect(pageText('article time')).to.equal('April 11, 2016');
    expect(pageText('article')).to.include('co-therapists');
  });

  it('lists the five workshops of the page from the demo data, in date order', async () => {
    const [list] = await mount('iigp-workshop-list');
    expect(list.state).to.equal('ready');
    expect(texts(list, '[part~="title"]')).to.deep.equal([
      'Culture and Race in Psychotherapy',
      'Formative Psychology',
      'An Overview of Emotion-Focused Therapy: An Evidence Based Approach to Treatment',
      'Adoption: Implications for Psychotherapy',
      'Yoga and Psychotherapy',
    ]);
    await expect(list).to.be.accessible();
  });

  it('lists the five recent posts as the page titles them, capitals and curly quotes kept', async () => {
    const [posts] = await mount('aside iigp-recent-posts');
    expect(texts(posts, '[part~="title"]')).to.deep.equal([
      'CHOOSING A PSYCHOTHERAPIST BY HOW MUCH IT COSTS?',
      'Group Therapy vs. Individual Therapy',
      '\u2018DAMAGE\u2019 That a Psychotherapist Treats',
      'The Central Place of the \u201cBody\u201d in Psychotherapy',
      'Thinking and Feeling',
    ]);
  });

  it("orders the ten newsletter issues, which the data holds in the page's own unordered order", async () => {
    const data = (await (await fetch('/demo/data/newsletters.json')).json()) as { name: string }[];
    expect(data.map((issue) => issue.name)).to.deep.equal(NEWSLETTER_SEED);
    const [archive] = await mount('iigp-newsletter-archive');
    const titles = texts(archive, '[part~="title"]');
    expect(titles).to.have.length(10);
    expect(titles[0]).to.match(/^Summer 2014/);
    expect(titles[9]).to.match(/^Fall 2007/);
  });

  it('shows the seven faculty members with their credentials as the menu writes them', async () => {
    const cards = await mount('iigp-faculty-card');
    const shown = cards.map(
      (card) => `${texts(card, '[part~="title"]')[0]}, ${texts(card, '[part~="credentials"]')[0]}`,
    );
    const menu = [...page.querySelectorAll('.site-nav a[href*="/faculty/"]')].map((a) => a.textContent);
    expect(shown).to.deep.equal([
      'David Baker, M.S.W',
      'Leora Bar-Levav, M.D.',
      'Natan HarPaz, Ph.D, M.S.W, CGP, FAGPA',
      'Ronald Hook, M.S.W.',
      'Paul Shultz, M.S.W.',
      'Marcia Stein, M.S.W.',
      'Pamela Torraco, M.S.W.',
    ]);
    expect(menu).to.deep.equal(shown);
  });
});
