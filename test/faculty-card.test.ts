import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/faculty-card/define.js';
import type { FacultyCardElement } from '../src/faculty-card/faculty-card.js';
import { initials } from '../src/faculty-card/faculty-card.js';
import { hits, mock, settled, texts, mountSettled } from './helpers.js';

const JSON_LD = 'demo/data/faculty.json';
const PAGES = 'demo/data/faculty-pages.json';
const PHOTO = '/__mock/demo/data/photos/portrait-placeholder.png';

const shadow = (el: Element) => el.shadowRoot!;
const abbrs = (el: Element) => [...shadow(el).querySelectorAll('abbr')].map((a) => [a.textContent, a.title]);
/** The expansions of credentials load on demand; waits until they are in. */
const expanded = (el: Element) => waitUntil(() => shadow(el).querySelector('abbr'), 'no credential was expanded');

/** Waits until the photo has loaded or failed (and the card re-rendered). */
async function photoSettled(el: FacultyCardElement): Promise<void> {
  await waitUntil(() => {
    const img = shadow(el).querySelector('img');
    return !img || (img.complete && img.naturalWidth > 0);
  }, 'the photo neither loaded nor failed');
  await el.updateComplete;
}

describe('<iigp-faculty-card> from attributes', () => {
  it('shows name, credentials, job title, photo, bio and one profile link, without fetching', async () => {
    const original = window.fetch;
    let fetched = 0;
    window.fetch = (...args) => {
      fetched++;
      return original(...args);
    };
    try {
      const el = await fixture<FacultyCardElement>(html`<iigp-faculty-card
        name="Natan HarPaz"
        credentials="Ph.D, M.S.W, CGP, FAGPA"
        job-title="Faculty"
        photo=${PHOTO}
        href="https://iigp.example/faculty/natan-harpaz/"
        ><p slot="bio">Leads <em>groups</em>.</p><a href="/faculty/">Our faculty</a></iigp-faculty-card
      >`);
      await photoSettled(el);
      expect(el.state).to.equal('ready');
      expect(fetched).to.equal(0);
      expect(texts(el, '[part~="title"]')).to.deep.equal(['Natan HarPaz']);
      expect(texts(el, '[part="credentials"]')).to.deep.equal(['Ph.D, M.S.W, CGP, FAGPA']);
      await expanded(el);
      expect(abbrs(el)).to.deep.equal([
        ['Ph.D', 'Doctor of Philosophy'],
        ['M.S.W', 'Master of Social Work'],
        ['CGP', 'Certified Group Psychotherapist'],
        ['FAGPA', 'Fellow of the American Group Psychotherapy Association'],
      ]);
      expect(texts(el, '[part="job-title"]')).to.deep.equal(['Faculty']);
      const links = shadow(el).querySelectorAll('a');
      expect(links).to.have.length(1);
      expect(links[0].href).to.equal('https://iigp.example/faculty/natan-harpaz/');
      expect(links[0].textContent).to.equal('Natan HarPaz');
      const slot = shadow(el).querySelector('slot[name="bio"]') as HTMLSlotElement;
      expect(slot.assignedElements()[0].textContent).to.equal('Leads groups.');
      // The default slot (the fallback) is not shown when ready.
      expect(shadow(el).querySelector('slot:not([name])')).to.equal(null);
      const img = shadow(el).querySelector('img[part="image"]') as HTMLImageElement;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('width')).to.equal('128');
      expect(img.getAttribute('height')).to.equal('128');
      expect(img.alt).to.equal('');
      expect(shadow(el).querySelector('[part="initials"]')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
    }
  });

  it('never uses role for the job title (it stays the ARIA attribute)', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="David Baker" role="group" aria-label="Faculty member"></iigp-faculty-card>`,
    );
    expect(shadow(el).querySelector('[part="job-title"]')).to.equal(null);
    expect(el.getAttribute('role')).to.equal('group');
  });

  it('splits credentials and expands the known ones, tolerating missing dots; unknown ones as written', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="A Person" credentials="PhD , M.S.W ,LMSW;LCSW, Psy.D, m.d., Board-Certified Dance Therapist, MFA"></iigp-faculty-card>`,
    );
    await expanded(el);
    expect(abbrs(el)).to.deep.equal([
      ['PhD', 'Doctor of Philosophy'],
      ['M.S.W', 'Master of Social Work'],
      ['LMSW', 'Licensed Master Social Worker'],
      ['LCSW', 'Licensed Clinical Social Worker'],
      ['Psy.D', 'Doctor of Psychology'],
      ['m.d.', 'Doctor of Medicine'],
    ]);
    expect(texts(el, '[part="credentials"]')[0]).to.equal(
      'PhD, M.S.W, LMSW, LCSW, Psy.D, m.d., Board-Certified Dance Therapist, MFA',
    );
  });

  it('shows initials on a tinted circle when there is no photo, hidden from screen readers', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="Leora Bar-Levav" credentials="M.D."></iigp-faculty-card>`,
    );
    const circle = shadow(el).querySelector('[part="initials"]') as HTMLElement;
    expect(circle.textContent).to.equal('LB');
    expect(circle.getAttribute('aria-hidden')).to.equal('true');
    expect(shadow(el).querySelector('img')).to.equal(null);
    const style = getComputedStyle(circle);
    expect(style.borderRadius).to.equal('50%');
    expect(style.backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(circle.getBoundingClientRect().width).to.be.greaterThan(40);
    await expect(el).to.be.accessible();
  });

  it('falls back to the initials when the photo is broken, never showing a broken image', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="David Baker" photo=${mock('demo/data/photos/none.png')}></iigp-faculty-card>`,
    );
    await waitUntil(() => shadow(el).querySelector('[part="initials"]'), 'no initials after the photo failed');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(texts(el, '[part="initials"]')).to.deep.equal(['DB']);
    await expect(el).to.be.accessible();
  });

  it('ignores a photo or link that is not http(s)', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="Mallory" photo="javascript:alert(1)" href="javascript:alert(1)"></iigp-faculty-card>`,
    );
    expect(shadow(el).querySelector('img, a')).to.equal(null);
    expect(texts(el, '[part="initials"]')).to.deep.equal(['M']);
  });

  it('works out initials from names as people write them', () => {
    expect(initials('Natan HarPaz')).to.equal('NH');
    expect(initials('Dr. Leora Bar-Levav')).to.equal('LB');
    expect(initials('madonna')).to.equal('M');
    expect(initials('Émile van der Berg')).to.equal('ÉB');
    expect(initials('')).to.equal('');
  });

  it('makes the whole card one link target without nesting links, and works without a link', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="David Baker" href="https://iigp.example/faculty/david-baker/" style="width: 400px"></iigp-faculty-card>`,
    );
    const link = shadow(el).querySelector('a')!;
    const after = getComputedStyle(link, '::after');
    expect(after.position).to.equal('absolute');
    const card = shadow(el).querySelector('[part="item"]')!.getBoundingClientRect();
    // A click anywhere on the card (here: on the initials) lands on the link.
    const circle = shadow(el).querySelector('[part="initials"]')!.getBoundingClientRect();
    const hit = shadow(el).elementFromPoint(circle.left + 5, circle.top + circle.height / 2);
    expect(hit).to.equal(link);
    expect(card.width).to.be.closeTo(400, 1);
    expect(shadow(el).querySelectorAll('a a')).to.have.length(0);

    el.showLink = false;
    await el.updateComplete;
    expect(shadow(el).querySelector('a')).to.equal(null);
    expect(texts(el, '[part="title"]')).to.deep.equal(['David Baker']);

    const plain = await fixture<FacultyCardElement>(html`<iigp-faculty-card name="David Baker"></iigp-faculty-card>`);
    expect(shadow(plain).querySelector('a')).to.equal(null);
    await expect(plain).to.be.accessible();
  });

  it('reaches the profile link with the keyboard', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="David Baker" href="https://iigp.example/faculty/david-baker/"></iigp-faculty-card>`,
    );
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('a'));
    before.remove();
  });

  it('lays the card out horizontally (default), vertically or compactly', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card name="Natan HarPaz" style="width: 500px"><p slot="bio">Bio</p></iigp-faculty-card>`,
    );
    const item = () => shadow(el).querySelector('[part="item"]') as HTMLElement;
    const circle = () => shadow(el).querySelector('[part="initials"]')!.getBoundingClientRect();
    expect(el.getAttribute('layout')).to.equal('horizontal');
    expect(getComputedStyle(item()).flexDirection).to.equal('row');
    const horizontal = circle().width;
    el.layout = 'vertical';
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('vertical');
    expect(getComputedStyle(item()).flexDirection).to.equal('column');
    expect(getComputedStyle(item()).textAlign).to.equal('center');
    expect(circle().width).to.be.greaterThan(horizontal);
    el.setAttribute('layout', 'compact');
    await el.updateComplete;
    expect(circle().width).to.be.lessThan(horizontal);
    expect(shadow(el).querySelector('[part="bio"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is empty, showing its fallback, without a name', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card><a href="/faculty/">Our faculty</a></iigp-faculty-card>`,
    );
    expect(el.state).to.equal('empty');
    expect(shadow(el).querySelector('slot')!.assignedElements()[0].textContent).to.equal('Our faculty');
    await expect(el).to.be.accessible();
  });

  it('renders a person set from script', async () => {
    const el = await fixture<FacultyCardElement>(html`<iigp-faculty-card></iigp-faculty-card>`);
    el.items = [{ id: 'x', name: 'Set From Script', credentials: ['LCSW'], bio: 'One two three' }];
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Set From Script']);
    expect(texts(el, '[part="bio"]')).to.deep.equal(['One two three']);
  });
});

describe('<iigp-faculty-card> from src', () => {
  beforeEach(() => localStorage.clear());

  it('picks the person by slug from schema.org Person JSON', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(JSON_LD)} person="leora-bar-levav"></iigp-faculty-card>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Leora Bar-Levav']);
    await expanded(el);
    expect(abbrs(el)).to.deep.equal([['M.D.', 'Doctor of Medicine']]);
    expect(texts(el, '[part="job-title"]')).to.deep.equal(['Psychiatrist; faculty']);
    expect(shadow(el).querySelector('a')!.href).to.equal('https://iigp.example/faculty/leora-bar-levav/');
    // Her photo URL does not load: the initials stand in.
    await waitUntil(() => shadow(el).querySelector('[part="initials"]'), 'no initials for a broken photo');
    expect(texts(el, '[part="initials"]')).to.deep.equal(['LB']);
    await expect(el).to.be.accessible();
  });

  it('shows the photo from an ImageObject at its size, relative to the data', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(JSON_LD)} person="natan-harpaz"></iigp-faculty-card>`,
    );
    await settled(el);
    await photoSettled(el);
    const img = shadow(el).querySelector('img')!;
    expect(img.src).to.equal(new URL(PHOTO, location.href).href);
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['150', '150']);
    expect(img.naturalWidth).to.equal(150);
    expect(texts(el, '[part="credentials"]')).to.deep.equal(['Ph.D, M.S.W, CGP, FAGPA']);
  });

  it('caps the bio at bio-words, as text', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(JSON_LD)} person="natan-harpaz" bio-words="5"></iigp-faculty-card>`,
    );
    await settled(el);
    expect(texts(el, '[part="bio"]')).to.deep.equal(['Natan HarPaz leads psychotherapy groups…']);
    el.bioWords = 400;
    await el.updateComplete;
    expect(texts(el, '[part="bio"]')[0]).to.match(/^Natan HarPaz leads .* demo data set\.$/);
  });

  it('matches the person by name when the data has no identifier, and shows the first without person', async () => {
    const body = JSON.stringify([
      { '@type': 'Person', name: 'First Person' },
      { '@type': 'Person', name: 'Émile Zola, Ph.D.' },
    ]);
    const byName = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock('echo', { body, type: 'application/json' })} person="emile-zola"></iigp-faculty-card>`,
    );
    await settled(byName);
    expect(texts(byName, '[part~="title"]')).to.deep.equal(['Émile Zola']);
    await expanded(byName);
    expect(abbrs(byName)).to.deep.equal([['Ph.D.', 'Doctor of Philosophy']]);
    const first = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock('echo', { body, type: 'application/json' })}></iigp-faculty-card>`,
    );
    await settled(first);
    expect(texts(first, '[part~="title"]')).to.deep.equal(['First Person']);
  });

  it('reads WordPress pages: credentials from the title, photo from _embed, bio from the excerpt', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(PAGES)} person="natan-harpaz"></iigp-faculty-card>`,
    );
    await settled(el);
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Natan HarPaz']);
    expect(texts(el, '[part="credentials"]')).to.deep.equal(['Ph.D, M.S.W, CGP, FAGPA']);
    expect(texts(el, '[part="job-title"]')).to.deep.equal(['Faculty; group psychotherapist']);
    expect(texts(el, '[part="bio"]')[0])
      .to.match(/^Natan HarPaz leads psychotherapy groups/)
      .and.match(/the Institute\u2019s/);
    const img = shadow(el).querySelector('img')!;
    expect(img.src).to.equal(new URL(PHOTO, location.href).href);
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['225', '300']);
    expect(shadow(el).querySelector('a')!.href).to.equal('https://iigp.example/faculty/natan-harpaz/');
    await expect(el).to.be.accessible();
  });

  it('reads "David Baker, M.S.W" from a WordPress title with format="wp"', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(PAGES)} format="wp" person="david-baker"></iigp-faculty-card>`,
    );
    await settled(el);
    expect(texts(el, '[part~="title"]')).to.deep.equal(['David Baker']);
    await expanded(el);
    expect(abbrs(el)).to.deep.equal([['M.S.W', 'Master of Social Work']]);
    expect(texts(el, '[part="initials"]')).to.deep.equal(['DB']);
  });

  it('lets attributes override the data, and the bio slot override the bio', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(JSON_LD)} person="david-baker" job-title="Director" show-link="false"
        ><p slot="bio">Written on the page.</p></iigp-faculty-card
      >`,
    );
    await settled(el);
    expect(texts(el, '[part="job-title"]')).to.deep.equal(['Director']);
    expect(shadow(el).querySelector('a')).to.equal(null);
    const slot = shadow(el).querySelector('slot[name="bio"]') as HTMLSlotElement;
    expect(slot.assignedElements()[0].textContent).to.equal('Written on the page.');
  });

  it('shows data as text, never HTML, and drops unsafe URLs', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock('test/fixtures/faculty/hostile.json')} person="mallory"></iigp-faculty-card>`,
    );
    await settled(el);
    expect(texts(el, '[part~="title"]')).to.deep.equal(['<img src=x onerror=alert(1)>Mallory']);
    expect(texts(el, '[part="job-title"]')).to.deep.equal(['<script>alert(1)</script>']);
    expect(texts(el, '[part="bio"]')).to.deep.equal(['<em>Bio</em> &amp; more']);
    expect(shadow(el).querySelector('[part="item"] img, [part="item"] script, [part="item"] em, a')).to.equal(null);
  });

  it('is empty, with its fallback, when the person is not in the data', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(JSON_LD)} person="nobody"><a href="/faculty/">Our faculty</a></iigp-faculty-card>`,
    );
    await settled(el);
    expect(el.state).to.equal('empty');
    expect(shadow(el).querySelector('slot:not([name])')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is empty for an empty list, with a built-in message', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock('test/fixtures/faculty/empty.json')}></iigp-faculty-card>`,
    );
    await settled(el);
    expect(el.state).to.equal('empty');
    expect(texts(el, '[part="message"]')).to.deep.equal(['No faculty profile to show.']);
    await expect(el).to.be.accessible();
  });

  it('shows a placeholder while loading, accessibly', async () => {
    const el = await fixture<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(JSON_LD, { delay: 1500 })}></iigp-faculty-card>`,
    );
    expect(el.state).to.equal('loading');
    expect(shadow(el).querySelector('[part="skeleton"]')).to.exist;
    expect(texts(el, '[role="status"]')).to.deep.equal(['Loading faculty profile…']);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(el.state).to.equal('ready');
  });

  it('makes one request for a page of cards on the same data', async () => {
    // The fixture server counts hits across test files: the suite name keeps this URL apart from theirs.
    const url = mock(JSON_LD, { suite: 'faculty-card' });
    const box = await fixture<HTMLElement>(
      html`<div>${['natan-harpaz', 'leora-bar-levav', 'david-baker'].map((p) => html`<iigp-faculty-card src=${url} person=${p}></iigp-faculty-card>`)}</div>`,
    );
    const cards = [...box.querySelectorAll('iigp-faculty-card')];
    for (const card of cards) await settled(card);
    expect(cards.map((c) => texts(c, '[part~="title"]')[0])).to.deep.equal([
      'Natan HarPaz',
      'Leora Bar-Levav',
      'David Baker',
    ]);
    expect(await hits(url)).to.equal(1);
  });

  it('fires iigp-load with the person shown', async () => {
    const el = document.createElement('iigp-faculty-card') as FacultyCardElement;
    el.src = mock(JSON_LD);
    el.person = 'david-baker';
    const loaded = oneEvent(el, 'iigp-load');
    document.body.append(el);
    const event = (await loaded) as CustomEvent<{ items: { name: string }[] }>;
    expect(event.detail.items.map((p) => p.name)).to.deep.equal(['David Baker']);
    el.remove();
  });
});

describe('<iigp-faculty-card> when things fail', () => {
  beforeEach(() => localStorage.clear());

  it('ends in error when WordPress pages are read with format="json"', async () => {
    const { el, warnings } = await mountSettled<FacultyCardElement>(
      html`<iigp-faculty-card src=${mock(PAGES)} format="json"></iigp-faculty-card>`,
    );
    expect(el.state).to.equal('error');
    expect(warnings[0]).to.match(/none of the entries is a readable Person/);
    expect(texts(el, '[part="message"]')).to.deep.equal(['The faculty profile could not be loaded.']);
    await expect(el).to.be.accessible();
  });

  for (const [name, url, cause] of [
    ['a 404', () => mock('test/fixtures/faculty/none.json'), /answered 404/],
    ['an HTML page', () => mock('test/fixtures/html-page.html'), /HTML page/],
    [
      'JSON of the wrong shape',
      () => mock('test/fixtures/faculty/wrong-shape.json'),
      /not a list of schema.org Person/,
    ],
    [
      'people without names',
      () => mock('test/fixtures/faculty/no-names.json'),
      /none of the entries is a readable Person/,
    ],
  ] as const) {
    it(`ends in error with the fallback and one warning for ${name}`, async () => {
      const src = url();
      const { el, warnings } = await mountSettled<FacultyCardElement>(
        html`<iigp-faculty-card src=${src} person="x"><a href="/faculty/">Our faculty</a></iigp-faculty-card>`,
      );
      expect(el.state).to.equal('error');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include(src).and.match(cause);
      expect(shadow(el).querySelector<HTMLSlotElement>('slot:not([name])')!.assignedElements()[0].textContent).to.equal(
        'Our faculty',
      );
      expect(texts(el, '[role="status"]')).to.deep.equal(['The faculty profile could not be loaded.']);
      await expect(el).to.be.accessible();
    });
  }
});
