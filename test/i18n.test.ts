import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/iigp-widgets.js';
import type { NewsletterIssue, Person, Post, Workshop } from '../src/model.js';
import type { FacultyCardElement } from '../src/faculty-card/faculty-card.js';
import type { NewsletterArchiveElement } from '../src/newsletter-archive/newsletter-archive.js';
import type { RecentPostsElement } from '../src/recent-posts/recent-posts.js';
import { WidgetElement } from '../src/shared/widget-element.js';
import type { WorkshopListElement } from '../src/workshop-list/workshop-list.js';
import { captureWarnings, echo, settled } from './helpers.js';

const NOW = '2026-11-26T12:00:00Z';
const WORKSHOP: Workshop = {
  id: 'yoga',
  title: 'Yoga and Psychotherapy',
  url: 'https://iigp.example/yoga/',
  start: '2027-03-05T14:00:00-05:00',
  end: '2027-03-05T16:00:00-05:00',
  timeZone: 'America/Detroit',
  place: { name: 'IIGP', address: '29600 Northwestern Hwy, Southfield' },
  onlineUrl: 'https://iigp.example/join',
  presenters: [
    { name: 'Natan HarPaz', url: 'https://iigp.example/natan/' },
    { name: 'Leora Bar-Levav' },
    { name: 'Paul Shultz' },
  ],
  ceCredits: '2',
  registrationUrl: 'https://iigp.example/register/',
  status: 'scheduled',
};
const POSTS: Post[] = [
  {
    id: '1',
    title: 'Thinking and Feeling',
    url: 'https://iigp.example/thinking/',
    date: new Date('2016-04-11T12:00:00Z'),
    author: 'Natan HarPaz',
    excerpt: 'Text',
  },
];
const ISSUES: NewsletterIssue[] = Array.from({ length: 6 }, (_, i) => ({
  id: String(i),
  title: `Winter ${2009 + i}, Vol. ${2 + i} Issue 2`,
  url: `https://iigp.example/n${i}.pdf`,
  type: 'application/pdf',
  size: 1258291,
}));

/** Everything the widget shows, visible or for screen readers, as one string. */
function shownText(el: Element): string {
  return ((el.shadowRoot ?? el).textContent ?? '').replace(/\s+/g, ' ');
}

/** Mounts `template` inside an element with `lang` (and `dir`), waits for every widget in it to settle. */
async function inLanguage<T extends WidgetElement<unknown>>(lang: string, template: unknown): Promise<T> {
  const box = await fixture<HTMLElement>(
    html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} style="inline-size: 40em">${template}</div>`,
  );
  const el = box.firstElementChild as T;
  await settled(el);
  return el;
}

// These words of the widgets' own must not appear on a Spanish or an Arabic page.
const ENGLISH =
  /\b(Register|Add to calendar|With|Read more|opens in a new tab|No workshops|Show all|issues|Loading|could not|Winter|Vol\.|Issue)\b/;

describe('the widgets speak the page language', () => {
  it('downloads only the language the page uses', async () => {
    const el = await inLanguage<WorkshopListElement>(
      'es',
      html`<iigp-workshop-list .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
    );
    expect(shownText(el)).to.contain('Inscribirse');
    const files = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(files.some((name) => /\/i18n\/es\.(ts|js)/.test(name))).to.equal(true);
    expect(files.some((name) => /\/i18n\/ar\.(ts|js)/.test(name))).to.equal(false);
  });

  it('Spanish: the workshop list has none of its English words', async () => {
    const el = await inLanguage<WorkshopListElement>(
      'es-MX',
      html`<iigp-workshop-list .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
    );
    const text = shownText(el);
    expect(text).to.contain('Inscribirse');
    expect(text).to.contain('Añadir al calendario');
    expect(text).to.contain('Con Natan HarPaz, Leora Bar-Levav y Paul Shultz');
    expect(text).to.contain('Créditos de educación continua: 2');
    expect(text).to.contain('En línea');
    expect(text).not.to.match(ENGLISH);
    // The list "Add to calendar" opens speaks Spanish too.
    (el.shadowRoot!.querySelector('button[part~="calendar"]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="calendar-menu"]'), 'the calendar list opens');
    const menu = shownText(el.shadowRoot!.querySelector('[part~="calendar-menu"]')! as unknown as Element);
    expect(menu).to.contain('Descargar el archivo .ics');
    expect(menu).to.contain('(se abre en una pestaña nueva)');
    expect(menu).not.to.match(ENGLISH);
    // The presenter with a page is still a link inside the translated list.
    expect(el.shadowRoot!.querySelector('[part="presenters"] a')!.textContent).to.equal('Natan HarPaz');
    await expect(el).to.be.accessible();
  });

  it('Spanish: status, empty and error messages', async () => {
    const cancelled = await inLanguage<WorkshopListElement>(
      'es',
      html`<iigp-workshop-list .now=${NOW} .items=${[{ ...WORKSHOP, status: 'cancelled' }]}></iigp-workshop-list>`,
    );
    expect(shownText(cancelled)).to.contain('Cancelado');
    const empty = await inLanguage<WorkshopListElement>(
      'es',
      html`<iigp-workshop-list .now=${NOW} .items=${[]}></iigp-workshop-list>`,
    );
    expect(empty.state).to.equal('empty');
    expect(shownText(empty)).to.contain('No hay talleres que mostrar.');
    const warnings = captureWarnings();
    try {
      const failed = await inLanguage<WorkshopListElement>(
        'es',
        html`<iigp-workshop-list src=${echo('not json', 'text/plain')}></iigp-workshop-list>`,
      );
      expect(failed.state).to.equal('error');
      expect(shownText(failed)).to.contain('No se pudieron cargar los talleres.');
      expect(shownText(failed)).not.to.match(ENGLISH);
    } finally {
      warnings.restore();
    }
  });

  it('Spanish: posts, a faculty card and the newsletter archive', async () => {
    const posts = await inLanguage<RecentPostsElement>(
      'es',
      html`<iigp-recent-posts show-author read-more new-tab .items=${POSTS}></iigp-recent-posts>`,
    );
    expect(shownText(posts)).to.contain('por Natan HarPaz');
    expect(shownText(posts)).to.contain('Leer más');
    expect(shownText(posts)).to.contain('11 de abril de 2016');
    expect(shownText(posts)).not.to.match(ENGLISH);
    const archive = await inLanguage<NewsletterArchiveElement>(
      'es',
      html`<iigp-newsletter-archive limit="2" searchable .items=${ISSUES}></iigp-newsletter-archive>`,
    );
    const text = shownText(archive);
    expect(text).to.contain('Invierno 2014 — Vol. 7, Núm. 2');
    expect(text).to.contain('PDF, 1,2 MB');
    expect(text).to.contain('Mostrar los 6 números');
    expect(text).to.contain('Filtrar números');
    expect(text).not.to.match(ENGLISH);
    await expect(archive).to.be.accessible();
    const card = await inLanguage<FacultyCardElement>(
      'es',
      html`<iigp-faculty-card src=${echo('[]')} format="json"></iigp-faculty-card>`,
    );
    expect(card.state).to.equal('empty');
    expect(shownText(card)).to.contain('No hay ningún perfil que mostrar.');
  });

  it('Arabic: right to left, with Arabic words and numbers through Intl', async () => {
    const el = await inLanguage<WorkshopListElement>(
      'ar',
      html`<iigp-workshop-list .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
    );
    const text = shownText(el);
    expect(text).to.contain('سجّل');
    expect(text).to.contain('أضف إلى التقويم');
    expect(text).not.to.match(ENGLISH);
    // Right to left: the title starts at the right edge of the widget, the actions line up from the right.
    const host = el.getBoundingClientRect();
    const title = el.shadowRoot!.querySelector('[part~="title"]')!.getBoundingClientRect();
    expect(Math.abs(host.right - title.right)).to.be.lessThan(2);
    const register = el.shadowRoot!.querySelector('[part~="register"]')!.getBoundingClientRect();
    const calendar = el.shadowRoot!.querySelector('button[part~="calendar"]')!.getBoundingClientRect();
    expect(register.left).to.be.greaterThan(calendar.left);
    await expect(el).to.be.accessible();
    const archive = await inLanguage<NewsletterArchiveElement>(
      'ar',
      html`<iigp-newsletter-archive limit="2" .items=${ISSUES}></iigp-newsletter-archive>`,
    );
    expect(shownText(archive)).to.contain('شتاء 2014');
    expect(shownText(archive)).to.contain(`عرض كل الأعداد (${new Intl.NumberFormat('ar').format(6)})`);
  });

  it('the locale attribute chooses the language over the page', async () => {
    const el = await inLanguage<WorkshopListElement>(
      'en',
      html`<iigp-workshop-list locale="es" .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
    );
    expect(shownText(el)).to.contain('Inscribirse');
    const english = await inLanguage<WorkshopListElement>(
      'fr',
      html`<iigp-workshop-list .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
    );
    // A language that does not ship shows English words (and French dates, from Intl).
    expect(shownText(english)).to.contain('Register');
    expect(shownText(english)).to.contain('mars');
  });

  it('a site rewords any string, in English and in another language', async () => {
    const strings = JSON.stringify({ register: 'Sign up', addToCalendar: 'Save the date' });
    const en = await inLanguage<WorkshopListElement>(
      'en',
      html`<iigp-workshop-list strings=${strings} .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
    );
    expect(texts(en, '[part~="register"]')[0]).to.match(/^Sign up/);
    expect(shownText(en)).to.contain('Save the date');
    expect(shownText(en)).not.to.contain('Register');
    const spanish = await inLanguage<WorkshopListElement>(
      'es',
      html`<iigp-workshop-list strings=${JSON.stringify({ register: 'Reservar plaza' })} .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
    );
    expect(shownText(spanish)).to.contain('Reservar plaza');
    expect(shownText(spanish)).to.contain('Añadir al calendario');
    // The property works too, and the messages take {noun}.
    const posts = await inLanguage<RecentPostsElement>(
      'en',
      html`<iigp-recent-posts .strings=${{ empty: 'Nothing new in our {noun} yet.' }} .items=${[]}></iigp-recent-posts>`,
    );
    expect(shownText(posts)).to.contain('Nothing new in our posts yet.');
  });

  it('a strings attribute that is not JSON is ignored with one warning that says how to write it', async () => {
    const warnings = captureWarnings();
    try {
      const el = await inLanguage<WorkshopListElement>(
        'en',
        html`<iigp-workshop-list strings="register: Sign up" .now=${NOW} .items=${[WORKSHOP]}></iigp-workshop-list>`,
      );
      expect(el.state).to.equal('ready');
      expect(shownText(el)).to.contain('Register');
      // The words of warnings load with the first one.
      await waitUntil(() => warnings.messages.length, 'no warning');
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('strings=\'{"register": "Sign up"}\'');
    } finally {
      warnings.restore();
    }
  });

  it('every language translates every string of every widget, with the same placeholders', async () => {
    // Imported here, not at the top: the first test checks that a page downloads only its own language.
    const { default: es } = await import('../src/i18n/es.js');
    const { default: ar } = await import('../src/i18n/ar.js');
    const { menuStrings } = await import('../src/workshop-list/calendar-menu.js');
    const widgets = ['recent-posts', 'workshop-list', 'faculty-card', 'newsletter-archive'];
    for (const [language, table] of Object.entries({ es, ar })) {
      expect(Object.keys(table).sort(), language).to.deep.equal([...widgets].sort());
      for (const widget of widgets) {
        const ctor = customElements.get(`iigp-${widget}`) as unknown as typeof WidgetElement;
        const english = {
          ...WidgetElement.defaultStrings,
          ...ctor.defaultStrings,
          ...(widget === 'workshop-list' ? menuStrings : {}),
        };
        expect(Object.keys(table[widget]).sort(), `${language} ${widget}`).to.deep.equal(Object.keys(english).sort());
        for (const [key, text] of Object.entries(english)) {
          const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).filter((hole) => hole !== '{noun}').sort();
          expect(holes(table[widget][key]), `${language} ${widget}.${key}`).to.deep.equal(holes(text));
        }
      }
    }
  });
});

function texts(el: Element, selector: string): string[] {
  return [...el.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent ?? '');
}

// Types used only to check the items above are well formed.
export type { Person };
