import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/newsletter-archive/define.js';
import type { NewsletterArchiveElement } from '../src/newsletter-archive/newsletter-archive.js';
import { mock, settled, texts, mountSettled } from './helpers.js';
import { NEWSLETTER_SEED } from './fixtures/newsletters/seed.js';

const JSON_LD = 'demo/data/newsletters.json';
const MEDIA = 'demo/data/newsletter-media.json';

const NEWEST_FIRST = [
  'Summer 2014',
  'Spring 2012',
  'Winter 2012',
  'Spring 2011',
  'Fall 2009',
  'Spring 2009',
  'Winter 2009',
  'Spring 2008',
  'Winter 2008',
  'Fall 2007',
];
const pdf = (label: string) => `/newsletters/${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`;
const seedMarkup = NEWSLETTER_SEED.map((label) => `<li><a href="${pdf(label)}">${label}</a></li>`).join('');

const shadow = (el: Element) => el.shadowRoot!;
const linkTexts = (root: ParentNode) =>
  [...root.querySelectorAll('a')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
const links = (el: Element) => [...shadow(el).querySelectorAll('a[part~="link"]')] as HTMLAnchorElement[];
/** "Winter 2009" from "Winter 2009 — Vol. 2, Issue 2 (PDF, 1.2 MB)". */
const when = (el: Element) =>
  links(el).map((a) =>
    a
      .textContent!.split(' \u2014 ')[0]
      .replace(/ \(.*$/, '')
      .trim(),
  );

async function archive(markup: string, attributes = ''): Promise<NewsletterArchiveElement> {
  const box = await fixture<HTMLElement>(
    `<div><iigp-newsletter-archive ${attributes}>${markup}</iigp-newsletter-archive></div>`,
  );
  const el = box.firstElementChild as NewsletterArchiveElement;
  await settled(el); // The ordering code loads on demand the first time.
  return el;
}

describe('<iigp-newsletter-archive> enhancing the links it wraps', () => {
  it('orders the seed list newest first exactly, each still linking to its own PDF', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'group-by="none"');
    expect(el.state).to.equal('ready');
    expect(when(el)).to.deep.equal(NEWEST_FIRST);
    for (const link of links(el)) {
      const original = NEWSLETTER_SEED.find((label) =>
        label.startsWith(link.textContent!.split(' ')[0] + ' ' + link.textContent!.split(' ')[1]),
      )!;
      expect(link.getAttribute('href')).to.equal(new URL(pdf(original), location.href).href);
    }
    expect(links(el).map((a) => a.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Summer 2014 (PDF)',
      'Spring 2012 (PDF)',
      'Winter 2012 (PDF)',
      'Spring 2011 \u2014 Vol. 4, Issue 2 (PDF)',
      'Fall 2009 \u2014 Vol. 3, Issue 1 (PDF)',
      'Spring 2009 \u2014 Vol. 2, Issue 3 (PDF)',
      'Winter 2009 \u2014 Vol. 2, Issue 2 (PDF)',
      'Spring 2008 \u2014 Vol. 1, Issue 3 (PDF)',
      'Winter 2008 \u2014 Vol. 1, Issue 2 (PDF)',
      'Fall 2007 \u2014 Vol. 1, Issue 1 (PDF)',
    ]);
    await expect(el).to.be.accessible();
  });

  it('groups by year by default, with headings one level below heading-level', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'heading="Newsletter archive" heading-level="3"');
    const headings = [...shadow(el).querySelectorAll('[part="group-heading"]')];
    expect(headings.map((h) => h.textContent)).to.deep.equal(['2014', '2012', '2011', '2009', '2008', '2007']);
    expect(
      headings.every((h) => h.getAttribute('role') === 'heading' && h.getAttribute('aria-level') === '4'),
    ).to.equal(true);
    expect(shadow(el).querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('3');
    const groups = [...shadow(el).querySelectorAll('[part="group"]')];
    expect(groups.map((g) => g.querySelectorAll('li').length)).to.deep.equal([1, 2, 1, 3, 2, 1]);
    expect(linkTexts(groups[3])).to.deep.equal([
      'Fall 2009 \u2014 Vol. 3, Issue 1 (PDF)',
      'Spring 2009 \u2014 Vol. 2, Issue 3 (PDF)',
      'Winter 2009 \u2014 Vol. 2, Issue 2 (PDF)',
    ]);
    await expect(el).to.be.accessible();
  });

  it('puts group headings at level 3 by default and never below 6', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`);
    expect(shadow(el).querySelector('[part="group-heading"]')!.getAttribute('aria-level')).to.equal('3');
    el.headingLevel = 6;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="group-heading"]')!.getAttribute('aria-level')).to.equal('6');
  });

  it('groups by volume, issues without a volume last', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'group-by="volume"');
    expect(texts(el, '[part="group-heading"]')).to.deep.equal([
      'Volume 4',
      'Volume 3',
      'Volume 2',
      'Volume 1',
      'Other issues',
    ]);
    const groups = [...shadow(el).querySelectorAll('[part="group"]')];
    expect(groups.map((g) => g.querySelectorAll('li').length)).to.deep.equal([1, 1, 2, 3, 3]);
    expect(linkTexts(groups[4])).to.deep.equal(['Summer 2014 (PDF)', 'Spring 2012 (PDF)', 'Winter 2012 (PDF)']);
  });

  it('orders oldest first with order="oldest"', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'order="oldest" group-by="none"');
    expect(when(el)).to.deep.equal([...NEWEST_FIRST].reverse());
    const grouped = await archive(`<ul>${seedMarkup}</ul>`, 'order="oldest"');
    expect(texts(grouped, '[part="group-heading"]')).to.deep.equal(['2007', '2008', '2009', '2011', '2012', '2014']);
  });

  it('keeps labels it cannot read, as written, at the end in either order', async () => {
    const markup = `<ul>
      <li><a href="/n/founders.pdf">Special edition: the founders</a></li>
      <li><a href="/n/a.pdf">Autumn 2010, Vol 4 No. 2</a></li>
      <li><a href="/n/vol.pdf">Vol 4 No. 1</a></li>
      <li><a href="/n/m.pdf">March  2013</a></li>
      <li><a href="/n/s.pdf">SPRING2011 VOL.4 ISSUE 2</a></li>
    </ul>`;
    for (const order of ['newest', 'oldest']) {
      const el = await archive(markup, `group-by="none" order="${order}"`);
      const dated =
        order === 'newest'
          ? ['March 2013 (PDF)', 'Spring 2011 \u2014 Vol. 4, Issue 2 (PDF)', 'Fall 2010 \u2014 Vol. 4, Issue 2 (PDF)']
          : ['Fall 2010 \u2014 Vol. 4, Issue 2 (PDF)', 'Spring 2011 \u2014 Vol. 4, Issue 2 (PDF)', 'March 2013 (PDF)'];
      expect(texts(el, 'a')).to.deep.equal([...dated, 'Special edition: the founders (PDF)', 'Vol 4 No. 1 (PDF)']);
    }
    const grouped = await archive(markup);
    expect(texts(grouped, '[part="group-heading"]')).to.deep.equal(['2013', '2011', '2010', 'Other issues']);
  });

  it('leaves the original list as the view without JavaScript, and hides it once enhanced', async () => {
    // Markup in a document without the element definition stands for a page without JavaScript.
    const page = document.implementation.createHTMLDocument('');
    page.body.innerHTML = `<iigp-newsletter-archive><ul>${seedMarkup}</ul></iigp-newsletter-archive>`;
    const inert = page.querySelector('iigp-newsletter-archive')!;
    expect(inert.shadowRoot).to.equal(null);
    expect([...inert.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal(NEWSLETTER_SEED);
    expect([...inert.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(NEWSLETTER_SEED.map(pdf));

    // Before the script runs the list is visible as it is; after, the widget shows it in order instead.
    const box = await fixture<HTMLElement>(html`<div></div>`);
    const upgraded = document.importNode(inert, true) as NewsletterArchiveElement;
    box.append(upgraded);
    await settled(upgraded);
    expect(upgraded.state).to.equal('ready');
    expect(upgraded.querySelector('ul')!.checkVisibility()).to.equal(false);
    expect(upgraded.querySelectorAll('a')).to.have.length(10); // The page's own markup is left untouched.
    expect(links(upgraded)[0].checkVisibility()).to.equal(true);
  });

  it('follows links added after it was upgraded', async () => {
    const el = await archive('<ul></ul>');
    expect(el.state).to.equal('empty');
    el.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li><a href="/n/w.pdf">Winter 2010</a></li>');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(texts(el, 'a')).to.deep.equal(['Winter 2010 (PDF)']);
  });

  it('is empty, showing what it wraps, when there are no links', async () => {
    const el = await archive('<p>No newsletters yet.</p>');
    expect(el.state).to.equal('empty');
    expect(shadow(el).querySelector('slot')!.assignedElements()[0].textContent).to.equal('No newsletters yet.');
    await expect(el).to.be.accessible();
  });

  it('drops unsafe links but keeps the entry as text', async () => {
    const el = await archive('<ul><li><a href="javascript:alert(1)">Winter 2010</a></li></ul>');
    expect(shadow(el).querySelector('a')).to.equal(null);
    expect(texts(el, '[part="title"]')).to.deep.equal(['Winter 2010']);
  });
});

describe('<iigp-newsletter-archive> limit, show all and filter', () => {
  it('shows limit issues and a "Show all" button that works from the keyboard and moves focus to the first new issue', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'limit="3" group-by="none"');
    expect(when(el)).to.deep.equal(NEWEST_FIRST.slice(0, 3));
    const button = shadow(el).querySelector('button[part="button"]') as HTMLButtonElement;
    expect(button.textContent).to.equal('Show all 10 issues');
    await expect(el).to.be.accessible();
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(when(el)).to.deep.equal(NEWEST_FIRST);
    expect(shadow(el).querySelector('button')).to.equal(null);
    expect(shadow(el).activeElement?.textContent).to.match(/^Spring 2011/);
  });

  it('"Show all" works with the space bar too', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'limit="2"');
    (shadow(el).querySelector('button') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(links(el)).to.have.length(10);
  });

  it('has no button when everything fits', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'limit="10"');
    expect(shadow(el).querySelector('button')).to.equal(null);
  });

  it('filters every issue (not only those shown) as one types in the searchable box, and says how many match', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`, 'searchable limit="2"');
    const input = shadow(el).querySelector('input[part="search"]') as HTMLInputElement;
    expect(input.type).to.equal('search');
    expect(input.labels![0].textContent).to.match(/Filter issues/);
    const status = shadow(el).querySelector('[part="message"][role="status"]')!;
    expect(status.textContent).to.equal('');
    input.focus();
    await sendKeys({ type: '2009' });
    await el.updateComplete;
    expect(when(el)).to.deep.equal(['Fall 2009', 'Spring 2009', 'Winter 2009']);
    expect(texts(el, '[part="message"]')).to.deep.equal(['3 of 10 issues match.']);
    expect(shadow(el).querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();

    await sendKeys({ type: ' SPRING' });
    await el.updateComplete;
    expect(when(el)).to.deep.equal(['Spring 2009']);
    expect(texts(el, '[part="message"]')).to.deep.equal(['1 of 10 issues match.']);

    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect(links(el)).to.have.length(0);
    expect(texts(el, '[part="message"]')).to.deep.equal(['No issues match.']);
    expect(shadow(el).querySelector('[part="message"][role="status"]')).to.equal(status); // The same live region throughout.
    expect(el.state).to.equal('ready');
    expect(shadow(el).activeElement).to.equal(input);
    await expect(el).to.be.accessible();

    input.select();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(when(el)).to.deep.equal(NEWEST_FIRST.slice(0, 2));
    expect(shadow(el).querySelector('button')).to.exist;
  });

  it('has no filter box unless searchable', async () => {
    const el = await archive(`<ul>${seedMarkup}</ul>`);
    expect(shadow(el).querySelector('input')).to.equal(null);
  });
});

describe('<iigp-newsletter-archive> from src', () => {
  beforeEach(() => localStorage.clear());

  it('reads schema.org PublicationIssue JSON: newest first, with volume, issue, type and size', async () => {
    const el = await fixture<NewsletterArchiveElement>(
      html`<iigp-newsletter-archive src=${mock(JSON_LD)} group-by="none"></iigp-newsletter-archive>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(when(el)).to.deep.equal(NEWEST_FIRST);
    expect(texts(el, 'a')[6]).to.equal('Winter 2009 \u2014 Vol. 2, Issue 2 (PDF, 1.2 MB)');
    expect(texts(el, 'a')[0]).to.equal('Summer 2014 (PDF, 3.1 MB)');
    expect(texts(el, 'a')[2]).to.equal('Winter 2012 (PDF, 825 KB)');
    expect(links(el)[6].href).to.equal(
      'https://iigp.example/wp-content/uploads/newsletters/winter-2009-vol-2-issue-2.pdf',
    );
    expect(texts(el, '[part="meta"]')[6]).to.equal('(PDF, 1.2 MB)');
    await expect(el).to.be.accessible();
  });

  it('reads WordPress media: PDFs only, linking to the file and not the attachment page', async () => {
    const el = await fixture<NewsletterArchiveElement>(
      html`<iigp-newsletter-archive src=${mock(MEDIA)}></iigp-newsletter-archive>`,
    );
    await settled(el);
    expect(when(el)).to.deep.equal(NEWEST_FIRST);
    expect(texts(el, 'a')).to.not.include.members(['Spring 2010 (PDF, 234 KB)']);
    expect(texts(el, '[part="group-heading"]')).to.not.include('2010');
    const winter2009 = links(el).find((a) => a.textContent!.startsWith('Winter 2009'))!;
    expect(winter2009.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Winter 2009 \u2014 Vol. 2, Issue 2 (PDF, 1.2 MB)',
    );
    expect(winter2009.href).to.equal(
      'https://iigp.example/wp-content/uploads/newsletters/winter-2009-vol-2-issue-2.pdf',
    );
    expect(links(el).every((a) => a.pathname.endsWith('.pdf'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reads a Periodical with hasPart, label forms of every kind, and unreadable labels last', async () => {
    const src = mock('test/fixtures/newsletters/labels.json');
    const el = await fixture<NewsletterArchiveElement>(
      html`<iigp-newsletter-archive src=${src} group-by="none"></iigp-newsletter-archive>`,
    );
    await settled(el);
    expect(texts(el, '[part~="title"]')).to.deep.equal([
      'Newsletter \u2014 Vol. 9, Issue 3 (PDF)',
      'March 2013 (PDF)',
      'Fall 2010 \u2014 Vol. 4, Issue 1 (PDF, 512 KB)',
      'Special edition: the founders (PDF)',
      'Hostile',
    ]);
    expect(shadow(el).querySelectorAll('a')).to.have.length(4);
    expect(links(el)[2].href).to.equal(
      new URL('/__mock/test/fixtures/newsletters/autumn-2010.pdf', location.href).href,
    );
  });

  it('uses the data over the label, and the date when the label has no year', async () => {
    const el = await fixture<NewsletterArchiveElement>(
      html`<iigp-newsletter-archive group-by="year"></iigp-newsletter-archive>`,
    );
    el.items = [
      { id: '1', title: 'Annual report', date: '2010-06-01', url: 'https://iigp.example/a.pdf' },
      {
        id: '2',
        title: 'Winter 2011',
        volume: 4,
        issue: 2,
        url: 'https://iigp.example/b.pdf',
        type: 'application/pdf',
        size: 2048,
      },
      { id: '3', title: 'Untitled' },
    ];
    await settled(el);
    expect(texts(el, '[part="group-heading"]')).to.deep.equal(['2011', '2010', 'Other issues']);
    expect(texts(el, '[part~="title"]')).to.deep.equal([
      'Winter 2011 \u2014 Vol. 4, Issue 2 (PDF, 2 KB)',
      'Annual report (PDF)',
      'Untitled',
    ]);
  });

  it('fires iigp-load with the issues shown', async () => {
    const el = document.createElement('iigp-newsletter-archive') as NewsletterArchiveElement;
    el.src = mock(JSON_LD);
    el.limit = 2;
    const loaded = oneEvent(el, 'iigp-load');
    document.body.append(el);
    const event = (await loaded) as CustomEvent<{ items: { title: string }[] }>;
    expect(event.detail.items.map((i) => i.title)).to.deep.equal(['Summer 2014', 'Spring 2012']);
    el.remove();
  });

  it('is empty for WordPress media without PDFs, and for an empty list', async () => {
    for (const file of ['only-images.json', 'empty.json']) {
      const el = await fixture<NewsletterArchiveElement>(
        html`<iigp-newsletter-archive src=${mock(`test/fixtures/newsletters/${file}`)}></iigp-newsletter-archive>`,
      );
      await settled(el);
      expect(el.state).to.equal('empty');
      expect(texts(el, '[part="message"]')).to.deep.equal(['No newsletters to show.']);
      await expect(el).to.be.accessible();
    }
  });

  it('shows a placeholder while loading, accessibly, and the wrapped list meanwhile stays hidden', async () => {
    const el = await fixture<NewsletterArchiveElement>(
      html`<iigp-newsletter-archive src=${mock(JSON_LD, { delay: 1500 })}><ul><li><a href="/archive/">Archive</a></li></ul></iigp-newsletter-archive>`,
    );
    expect(el.state).to.equal('loading');
    expect(shadow(el).querySelector('[part="skeleton"]')).to.exist;
    expect(texts(el, '[role="status"]')).to.deep.equal(['Loading newsletters…']);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(el.state).to.equal('ready');
    // With src, the wrapped list is the fallback, not data.
    expect(links(el)).to.have.length(10);
  });
});

describe('<iigp-newsletter-archive> when things fail', () => {
  beforeEach(() => localStorage.clear());

  for (const [name, url, cause] of [
    ['a 404', () => mock('test/fixtures/newsletters/none.json'), /answered 404/],
    ['a 500', () => mock(JSON_LD, { status: 500 }), /answered 500/],
    ['an HTML page', () => mock('test/fixtures/html-page.html'), /HTML page/],
    [
      'JSON of the wrong shape',
      () => mock('test/fixtures/newsletters/wrong-shape.json'),
      /not a list of schema.org PublicationIssue/,
    ],
    ['an RSS feed', () => mock('demo/data/posts.xml', { suite: 'newsletter-archive' }), /not json, wp data/],
  ] as const) {
    it(`ends in error showing the original list and one warning for ${name}`, async () => {
      const src = url();
      const { el, warnings } = await mountSettled<NewsletterArchiveElement>(
        html`<iigp-newsletter-archive src=${src}><ul><li><a href="/n/w.pdf">Winter 2010</a></li></ul></iigp-newsletter-archive>`,
      );
      expect(el.state).to.equal('error');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include(src).and.match(cause);
      expect(shadow(el).querySelector('slot')!.assignedElements()[0].tagName).to.equal('UL');
      expect(el.querySelector('ul')!.checkVisibility()).to.equal(true);
      expect(texts(el, '[role="status"]')).to.deep.equal(['The newsletters could not be loaded.']);
      await expect(el).to.be.accessible();
    });
  }
});
