import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import '../src/workshop-list/define.js';
import type { Workshop } from '../src/model.js';
import { parseIcs } from '../src/formats/ical/ics.js';
import { fold, toIcs } from '../src/workshop-list/ics-write.js';
import { parseTecEvents } from '../src/formats/wordpress/tec.js';
import { normalizeZone, zonedTime } from '../src/formats/dates/zone.js';
import type { WorkshopListElement } from '../src/workshop-list/workshop-list.js';
import { captureWarnings, echo, mock, settled, texts, mountWorkshopList } from './helpers.js';

// Every test runs against a fixed "now" (the widget's documented `now` property), so the
// upcoming/past split does not drift as the calendar moves on.
const NOW = '2026-11-26T12:00:00Z';
const JSON_LD = 'demo/data/workshops.json';
const ICS = 'demo/data/workshops.ics';
const TEC = 'demo/data/workshops-tec.json';
const GOOGLE = 'test/fixtures/workshops/google.ics';

const FORMATIVE = 'Formative Psychology';
const EFT = 'An Overview of Emotion-Focused Therapy: An Evidence Based Approach to Treatment';
const ADOPTION = 'Adoption: Implications for Psychotherapy';
const YOGA = 'Yoga and Psychotherapy';
const CULTURE = 'Culture and Race in Psychotherapy';
const UPCOMING = [FORMATIVE, EFT, ADOPTION, YOGA];

function list(
  src: string,
  attrs: Record<string, string> = {},
  now: string | number = NOW,
): Promise<WorkshopListElement> {
  return mountWorkshopList(src, attrs, now);
}

function item(el: WorkshopListElement, title: string): Element {
  const found = [...el.shadowRoot!.querySelectorAll('[part~="item"]')].find(
    (li) => li.querySelector('[part~="title"]')?.textContent === title,
  );
  if (!found) throw new Error(`no item "${title}" in ${texts(el, '[part~="title"]').join(' | ')}`);
  return found;
}

/** Clicks the workshop's "Add to calendar" and returns the links of the list it opens. */
async function openCalendarMenu(el: WorkshopListElement, title: string): Promise<HTMLAnchorElement[]> {
  (item(el, title).querySelector('button[part~="calendar"]') as HTMLButtonElement).click();
  await waitUntil(() => item(el, title).querySelector('[part="calendar-menu"]'), 'the calendar list did not open');
  return [...item(el, title).querySelectorAll<HTMLAnchorElement>('[part="calendar-menu"] a')];
}

function text(el: Element | null | undefined): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function body(path: string): Promise<string> {
  return (await fetch(mock(path))).text();
}

describe('<iigp-workshop-list> sources', () => {
  beforeEach(() => localStorage.clear());

  it('reads schema.org Events from an @graph: upcoming soonest first, with every detail', async () => {
    const el = await list(mock(JSON_LD));
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(UPCOMING);
    const eft = item(el, EFT);
    expect(text(eft.querySelector('[part="presenters"]'))).to.equal('With Sarah Oduya, Ph.D., C.Psych');
    expect((eft.querySelector('[part="presenters"] a') as HTMLAnchorElement).href).to.equal(
      'https://iigp.example/faculty/sarah-oduya/',
    );
    expect(text(eft.querySelector('[part="credits"]'))).to.equal(
      'CE credits: 12 CE hours, approved by the Michigan Psychological Association',
    );
    expect(text(eft.querySelector('[part="price"]'))).to.equal('$240');
    expect(text(eft.querySelector('[part="place"]'))).to.equal(
      'Institute for Individual and Group Psychotherapy, 24400 Northwestern Hwy, Suite 110, Southfield, MI 48075, US',
    );
    expect(text(item(el, YOGA).querySelector('[part="place"]'))).to.equal('Online');
    expect(text(item(el, YOGA).querySelector('[part="price"]'))).to.equal('Free');
    expect((eft.querySelector('a[part~="title"]') as HTMLAnchorElement).href).to.equal(
      'https://iigp.example/event/emotion-focused-therapy/',
    );
    await expect(el).to.be.accessible();
  });

  it('reads a bare array and an ItemList of Events alike', async () => {
    const graph = JSON.parse(await body(JSON_LD))['@graph'].filter(
      (node: { '@type': string }) => node['@type'] !== 'Organization',
    );
    const bare = await list(echo(JSON.stringify(graph)));
    expect(texts(bare, '[part~="title"]')).to.deep.equal(UPCOMING);
    const itemList = {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: graph.map((item: unknown, i: number) => ({ '@type': 'ListItem', position: i + 1, item })),
    };
    const listed = await list(echo(JSON.stringify(itemList)), { format: 'json' });
    expect(texts(listed, '[part~="title"]')).to.deep.equal(UPCOMING);
  });

  it('reads an iCalendar export of The Events Calendar (TZID times, folded and escaped text, cancellation)', async () => {
    const el = await list(mock(ICS));
    expect(texts(el, '[part~="title"]')).to.deep.equal(UPCOMING);
    expect(text(item(el, FORMATIVE).querySelector('time'))).to.equal('Thu, December 3, 2026, 7:00 – 9:00 PM EST');
    expect(text(item(el, ADOPTION).querySelector('[part="status"]'))).to.equal('Cancelled');
    expect(text(item(el, EFT).querySelector('[part="place"]'))).to.equal(
      'Institute for Individual and Group Psychotherapy, 24400 Northwestern Hwy, Suite 110, Southfield, MI, 48075, United States',
    );
    expect(text(item(el, EFT).querySelector('[part="presenters"]'))).to.equal('With Sarah Oduya, Ph.D., C.Psych');
    expect(text(item(el, EFT).querySelector('[part="credits"]'))).to.include('12 CE hours');
    expect(text(item(el, YOGA).querySelector('[part="place"]'))).to.equal('Online');
    expect(text(item(el, YOGA).querySelector('[part="price"]'))).to.equal('Free'); // from its "Cost:" line
    expect(text(item(el, EFT).querySelector('[part="price"]'))).to.equal('$240');
    await expect(el).to.be.accessible();
  });

  it('agrees with ical.js (the reference parser, used only here) on every event of both calendars', async () => {
    for (const path of [ICS, GOOGLE]) {
      const text = await body(path);
      const calendar = new ICAL.Component(ICAL.parse(text));
      for (const zone of calendar.getAllSubcomponents('vtimezone'))
        ICAL.TimezoneService.register(new ICAL.Timezone(zone));
      const reference = new Map<string, { title: string; start: number; status: string }>();
      for (const vevent of calendar.getAllSubcomponents('vevent')) {
        const event = new ICAL.Event(vevent);
        let start: number;
        try {
          start = event.startDate.toJSDate().getTime();
        } catch {
          continue;
        }
        if (Number.isNaN(start) || reference.has(event.uid)) continue;
        // ical.js reads floating and all-day times in the machine's zone; ours use the calendar's zone.
        if (event.startDate.isDate || event.startDate.zone?.tzid === 'floating') continue;
        reference.set(event.uid, {
          title: event.summary,
          start,
          status: String(vevent.getFirstPropertyValue('status') ?? ''),
        });
      }
      const ours = parseIcs({ text, contentType: 'text/calendar', url: location.href }).items;
      let compared = 0;
      for (const [uid, expected] of reference) {
        const mine = ours.find((w) => w.id === uid);
        if (!mine) continue; // skipped by us as bad (end before start, 31 February): checked elsewhere
        expect(mine.title, uid).to.equal(expected.title);
        expect((mine.start as Date).getTime(), uid).to.equal(expected.start);
        expect(mine.status === 'cancelled', uid).to.equal(expected.status === 'CANCELLED');
        compared++;
      }
      expect(compared, path).to.be.at.least(path === ICS ? 5 : 2);
    }
  });

  it('reads a Google Calendar export: UTC times in the calendar zone, all-day dates, durations, folded UTF-8', async () => {
    const warnings = captureWarnings();
    let el: WorkshopListElement;
    try {
      el = await list(mock(GOOGLE), { 'show-description': '' });
    } finally {
      warnings.restore();
    }
    const yoga =
      'Yoga and Psychotherapy — Breath, Posture and Attention as Allies of the Talking Cure (a very long title that must be folded)';
    expect(texts(el, '[part~="title"]')).to.deep.equal([
      FORMATIVE,
      'Guest Lecture from Berlin',
      ADOPTION,
      'Group Psychotherapy Weekend Retreat',
      'Open House',
      yoga,
    ]);
    const formative = item(el, FORMATIVE);
    expect(text(formative.querySelector('time'))).to.equal('Thu, December 3, 2026, 7:00 – 9:00 PM EST');
    expect(text(formative.querySelector('[part="description"]'))).to.include(
      'formative psychology; the body as the ground of emotional life, and change.',
    );
    expect(text(formative.querySelector('[part="presenters"]'))).to.equal('With Robert Klein, Ph.D.');
    expect(text(formative.querySelector('[part="credits"]'))).to.equal(
      'CE credits: 2 CE hours, Michigan Psychological Association',
    );
    // The event's own TZID wins over the calendar's zone; DURATION gives the end.
    expect(text(item(el, 'Guest Lecture from Berlin').querySelector('time'))).to.equal(
      'Fri, January 15, 2027, 6:00 – 7:30 PM GMT+1',
    );
    // All-day: the last day is the day before DTEND; a lone date is one day.
    const retreat = item(el, 'Group Psychotherapy Weekend Retreat').querySelector('time')!;
    expect(text(retreat)).to.equal('Fri, March 5 – Sat, March 6, 2027');
    expect(retreat.getAttribute('datetime')).to.equal('2027-03-05');
    expect(text(item(el, 'Open House').querySelector('time'))).to.equal('Sat, March 20, 2027');
    // A floating time is read in the calendar's zone (X-WR-TIMEZONE), after the spring change.
    expect(text(item(el, yoga).querySelector('time'))).to.equal('Sat, April 10, 2027, 10:00 AM – 12:00 PM EDT');
    expect(texts(el, '[part~="title"]').join(' ')).not.to.include('Not the event');
    // End before start, unparseable date, 31 February: each skipped with one warning naming it; the
    // duplicate UID is counted in the widget's warning.
    expect(warnings.messages).to.have.length(4);
    for (const title of ['Ends before it starts', 'Unparseable date', 'The 31st of February']) {
      expect(
        warnings.messages.filter((m) => m.includes(`skipped the workshop "${title}"`)),
        title,
      ).to.have.length(1);
    }
    expect(warnings.messages.find((m) => /skipped 1 unreadable entry/.test(m))).to.exist;
  });

  it('reads The Events Calendar REST response', async () => {
    const el = await list(mock(TEC));
    expect(texts(el, '[part~="title"]')).to.deep.equal(UPCOMING);
    const formative = item(el, FORMATIVE);
    expect(text(formative.querySelector('time'))).to.equal('Thu, December 3, 2026, 7:00 – 9:00 PM EST');
    expect(text(formative.querySelector('[part="price"]'))).to.equal('$60');
    expect(text(formative.querySelector('[part="presenters"]'))).to.equal('With Robert Klein, Ph.D.');
    expect(text(formative.querySelector('[part="place"]'))).to.equal(
      'Institute for Individual and Group Psychotherapy, 24400 Northwestern Hwy, Suite 110, Southfield, MI 48075',
    );
    expect(text(item(el, ADOPTION).querySelector('[part="status"]'))).to.equal('Cancelled');
    expect(text(item(el, YOGA).querySelector('[part="place"]'))).to.equal('Online');
    expect(text(item(el, YOGA).querySelector('[part="price"]'))).to.equal('Free');
    expect((item(el, EFT).querySelector('a[part~="register"]') as HTMLAnchorElement).href).to.equal(
      'https://iigp.example/register/emotion-focused-therapy/',
    );
    await expect(el).to.be.accessible();
  });

  it('reads WordPress posts of a workshop category (format="wp"), the post date standing as the start', async () => {
    const posts = [
      {
        id: 501,
        date_gmt: '2026-12-04T00:00:00',
        link: 'https://iigp.example/formative/',
        title: { rendered: 'Formative &#8220;Psychology&#8221;' },
        excerpt: { rendered: '<p>CE credits: 2 hours</p>' },
      },
      {
        id: 502,
        date_gmt: '2026-10-16T23:00:00',
        link: 'https://iigp.example/culture/',
        title: { rendered: 'Culture &amp; Race' },
        excerpt: { rendered: '' },
      },
    ];
    const el = await list(echo(JSON.stringify(posts)), { when: 'all', 'time-zone': 'America/Detroit' });
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Culture & Race', 'Formative \u201cPsychology\u201d']);
    expect(text(item(el, 'Formative \u201cPsychology\u201d').querySelector('time'))).to.equal(
      'Thu, December 3, 2026 at 7:00 PM EST',
    );
    expect(text(item(el, 'Formative \u201cPsychology\u201d').querySelector('[part="credits"]'))).to.equal(
      'CE credits: 2 hours',
    );
  });

  it('reads a category feed (format="rss"), the item date standing as the start', async () => {
    const el = await list(mock('demo/data/workshops-feed.xml'), { when: 'all' });
    expect(texts(el, '[part~="title"]')).to.deep.equal([CULTURE, FORMATIVE, 'Yoga & Psychotherapy']);
    const upcoming = await list(mock('demo/data/workshops-feed.xml'));
    expect(texts(upcoming, '[part~="title"]')).to.deep.equal([FORMATIVE, 'Yoga & Psychotherapy']);
    expect((upcoming.shadowRoot!.querySelector('a[part~="title"]') as HTMLAnchorElement).href).to.equal(
      'https://iigp.example/2026/12/03/formative-psychology/',
    );
  });

  it('reads all-day, manual-offset and hybrid events of The Events Calendar', () => {
    const events = {
      events: [
        {
          id: 1,
          title: 'All Day',
          all_day: true,
          start_date: '2027-03-05 00:00:00',
          end_date: '2027-03-06 23:59:59',
          timezone: 'America/Detroit',
          venue: { venue: 'IIGP' },
          is_virtual: true,
          virtual_url: 'https://zoom.us/j/1',
        },
        {
          id: 2,
          title: 'Manual Offset',
          start_date: '2027-03-05 19:00:00',
          end_date: '2027-03-05 21:00:00',
          timezone: 'UTC-5',
          cost: '0',
        },
        { id: 3, title: 'Broken', utc_start_date: 'soon' },
        'junk',
      ],
    };
    const { items, skipped } = parseTecEvents({
      text: JSON.stringify(events),
      contentType: 'application/json',
      url: location.href,
    });
    expect(skipped).to.equal(2);
    expect(items[0]).to.include({
      allDay: true,
      timeZone: 'America/Detroit',
      attendance: 'hybrid',
      onlineUrl: 'https://zoom.us/j/1',
    });
    expect((items[0].start as Date).toISOString()).to.equal('2027-03-05T05:00:00.000Z');
    expect((items[0].end as Date).toISOString()).to.equal('2027-03-07T05:00:00.000Z');
    expect(items[1]).to.include({ timeZone: '-05:00', price: 'Free' });
    expect((items[1].start as Date).toISOString()).to.equal('2027-03-06T00:00:00.000Z');
  });

  it('converts wall-clock times in a zone to instants, across daylight-saving changes', () => {
    expect(zonedTime(2026, 12, 3, 19, 0, 0, 'America/Detroit')!.toISOString()).to.equal('2026-12-04T00:00:00.000Z');
    expect(zonedTime(2027, 4, 10, 10, 0, 0, 'America/Detroit')!.toISOString()).to.equal('2027-04-10T14:00:00.000Z');
    // 2:30 on 14 March 2027 does not exist in Detroit (moved forward); 1:30 on 7 November 2027 happens twice (the first wins).
    expect(zonedTime(2027, 3, 14, 2, 30, 0, 'America/Detroit')!.toISOString()).to.equal('2027-03-14T07:30:00.000Z');
    expect(zonedTime(2027, 11, 7, 1, 30, 0, 'America/Detroit')!.toISOString()).to.equal('2027-11-07T05:30:00.000Z');
    expect(zonedTime(2027, 2, 31, 19, 0, 0, 'America/Detroit')).to.equal(undefined);
    expect(normalizeZone('UTC+5.5')).to.equal('+05:30');
    expect(normalizeZone('/citadel.org/20190914_1/America/Detroit')).to.equal('America/Detroit');
    expect(normalizeZone('Mars/Olympus_Mons')).to.equal(undefined);
  });

  it('shows the offset as GMT-5 where a schema.org date carries only an offset', async () => {
    const events = [
      {
        '@type': 'Event',
        name: 'Offset Only',
        startDate: '2026-12-10T19:00:00-05:00',
        endDate: '2026-12-10T21:00:00-05:00',
      },
    ];
    const el = await list(echo(JSON.stringify(events)));
    expect(text(el.shadowRoot!.querySelector('time'))).to.equal('Thu, December 10, 2026, 7:00 – 9:00 PM GMT-5');
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-11T00:00:00.000Z');
  });
});

describe('<iigp-workshop-list> upcoming and past', () => {
  beforeEach(() => localStorage.clear());

  it('splits upcoming from past against its clock; past ones newest first', async () => {
    const past = await list(mock(JSON_LD), { when: 'past' });
    expect(texts(past, '[part~="title"]')).to.deep.equal([CULTURE]);
    const later = await list(mock(JSON_LD), { when: 'past' }, '2027-03-01T00:00:00Z');
    expect(texts(later, '[part~="title"]')).to.deep.equal([ADOPTION, EFT, FORMATIVE, CULTURE]);
    const all = await list(mock(JSON_LD), { when: 'all' });
    expect(texts(all, '[part~="title"]')).to.deep.equal([CULTURE, ...UPCOMING]);
  });

  it('keeps a workshop under way in "upcoming" until it ends', async () => {
    // Noon on the first of EFT's two days, Detroit time.
    const el = await list(mock(JSON_LD), {}, '2027-01-22T17:00:00Z');
    expect(texts(el, '[part~="title"]')[0]).to.equal(EFT);
    el.now = '2027-01-23T21:00:00Z'; // its end: now over
    await el.updateComplete;
    expect(texts(el, '[part~="title"]')[0]).to.equal(ADOPTION);
  });

  it('filters by category and honours limit', async () => {
    const el = await list(mock(JSON_LD), { category: 'online', limit: '3' });
    expect(texts(el, '[part~="title"]')).to.deep.equal([YOGA]);
    el.category = undefined;
    await el.updateComplete;
    expect(texts(el, '[part~="title"]')).to.deep.equal(UPCOMING.slice(0, 3));
  });

  it('is empty, with a message, when nothing is upcoming', async () => {
    const el = await list(mock(JSON_LD), {}, '2028-01-01T00:00:00Z');
    expect(el.state).to.equal('empty');
    expect(texts(el, '[part="message"]')).to.deep.equal(['No workshops to show.']);
    await expect(el).to.be.accessible();
  });

  it('renders items set from script, dates as ISO strings', async () => {
    const el = await fixture<WorkshopListElement>(
      html`<iigp-workshop-list locale="en-US" .now=${NOW}></iigp-workshop-list>`,
    );
    el.items = [
      {
        id: 'a',
        title: 'From Script',
        start: '2026-12-01T18:00:00Z',
        end: '2026-12-01T20:00:00Z',
        timeZone: 'America/Detroit',
        status: 'postponed',
      },
      { id: 'b', title: 'Long Ago', start: '2020-01-01T18:00:00Z' },
    ];
    await el.updateComplete;
    expect(texts(el, '[part~="title"]')).to.deep.equal(['From Script']);
    expect(texts(el, 'time')).to.deep.equal(['Tue, December 1, 2026, 1:00 – 3:00 PM EST']);
    expect(texts(el, '[part="status"]')).to.deep.equal(['Postponed']);
    expect(el.shadowRoot!.querySelector('[part~="register"]')).to.equal(null);
  });

  it('fires iigp-load with the workshops shown', async () => {
    const el = document.createElement('iigp-workshop-list') as WorkshopListElement;
    el.now = NOW;
    el.limit = 2;
    el.src = mock(JSON_LD);
    const loaded = oneEvent(el, 'iigp-load');
    document.body.append(el);
    const event = (await loaded) as CustomEvent<{ items: Workshop[] }>;
    expect(event.detail.items.map((w) => w.title)).to.deep.equal([FORMATIVE, EFT]);
    el.remove();
  });
});

describe('<iigp-workshop-list> time zones', () => {
  beforeEach(() => localStorage.clear());

  it("shows times in the event's own zone whatever the reader's zone, with its abbreviation", async () => {
    const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(readerZone).not.to.equal('America/Detroit'); // the premise of this test
    const el = await list(mock(JSON_LD));
    expect(text(item(el, FORMATIVE).querySelector('time'))).to.equal('Thu, December 3, 2026, 7:00 – 9:00 PM EST');
    expect(text(item(el, YOGA).querySelector('time'))).to.equal('Sat, April 10, 2027, 10:00 AM – 12:00 PM EDT');
    expect(text(item(el, EFT).querySelector('time'))).to.equal(
      'Fri, January 22, 2027 at 9:00 AM EST – Sat, January 23, 2027 at 4:00 PM EST',
    );
    expect(item(el, FORMATIVE).querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-04T00:00:00.000Z');
  });

  it('shows the reader\'s zone with time-zone="viewer" and a named zone with time-zone="Europe/Berlin"', async () => {
    const viewer = await list(mock(JSON_LD), { 'time-zone': 'viewer' });
    const expected = new Intl.DateTimeFormat('en-US', {
      weekday: 'short',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).formatRange(new Date('2026-12-04T00:00:00Z'), new Date('2026-12-04T02:00:00Z'));
    expect(text(item(viewer, FORMATIVE).querySelector('time'))).to.equal(expected);
    const berlin = await list(mock(JSON_LD), { 'time-zone': 'Europe/Berlin' });
    expect(text(item(berlin, FORMATIVE).querySelector('time'))).to.equal('Fri, December 4, 2026, 1:00 – 3:00 AM GMT+1');
  });

  it('uses a shorter date in the compact layout and shows no details there', async () => {
    const el = await list(mock(JSON_LD), { layout: 'compact' });
    expect(text(item(el, FORMATIVE).querySelector('time'))).to.equal('Dec 3, 2026, 7:00 – 9:00 PM EST');
    expect(el.shadowRoot!.querySelector('[part~="actions"], [part="presenters"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lays workshops out as cards with their images', async () => {
    const box = await fixture<HTMLElement>(html`<div style="width: 900px"></div>`);
    const el = document.createElement('iigp-workshop-list') as WorkshopListElement;
    el.now = NOW;
    el.setAttribute('layout', 'cards');
    el.src = mock(JSON_LD);
    box.append(el);
    await settled(el);
    expect(
      getComputedStyle(el.shadowRoot!.querySelector('ul')!).gridTemplateColumns.split(' ').length,
    ).to.be.greaterThan(1);
    expect(el.shadowRoot!.querySelector('img[part="image"]')!.getAttribute('src')).to.equal(
      'https://iigp.example/wp-content/uploads/2026/09/formative-psychology.jpg',
    );
  });
});

describe('<iigp-workshop-list> register and add to calendar', () => {
  beforeEach(() => localStorage.clear());

  it('offers registration, naming the workshop for screen readers; "Sold out" and "Cancelled" instead when so', async () => {
    const el = await list(mock(JSON_LD));
    const register = item(el, EFT).querySelector('a[part~="register"]') as HTMLAnchorElement;
    expect(register.href).to.equal('https://iigp.example/register/emotion-focused-therapy/');
    expect(text(register)).to.equal(`Register for ${EFT}`);
    expect(text(register.querySelector('.visually-hidden'))).to.equal(`for ${EFT}`);
    const formative = item(el, FORMATIVE);
    expect(formative.querySelector('[part~="register"]')).to.equal(null);
    expect(text(formative.querySelector('[part="status"]'))).to.equal('Sold out');
    expect(formative.querySelector('[part~="calendar"]')).to.exist; // still worth adding to a calendar
    const adoption = item(el, ADOPTION);
    expect(text(adoption.querySelector('[part="status"]'))).to.equal('Cancelled');
    expect(adoption.querySelector('[part~="register"], [part~="calendar"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers no registration or calendar for past workshops', async () => {
    const el = await list(mock(JSON_LD), { when: 'past' });
    expect(el.shadowRoot!.querySelector('[part~="register"], [part~="calendar"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('links to Google Calendar with the title, UTC dates and the zone', async () => {
    const el = await list(mock(JSON_LD));
    const link = (await openCalendarMenu(el, FORMATIVE))[0];
    const url = new URL(link.href);
    expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).to.equal('TEMPLATE');
    expect(url.searchParams.get('text')).to.equal(FORMATIVE);
    expect(url.searchParams.get('dates')).to.equal('20261204T000000Z/20261204T020000Z');
    expect(url.searchParams.get('ctz')).to.equal('America/Detroit');
    expect(url.searchParams.get('location')).to.include('Southfield');
    expect(link.target).to.equal('_blank');
    expect(text(link)).to.equal(`Google Calendar: ${FORMATIVE} (opens in a new tab)`);
  });

  it('offers the .ics file as a Blob URL download, which reads back as the same workshop', async () => {
    const el = await list(mock(JSON_LD));
    const button = item(el, EFT).querySelector('button[part~="calendar"]') as HTMLButtonElement;
    expect(text(button)).to.equal(`Add to calendar: ${EFT}`);
    const file = (await openCalendarMenu(el, EFT)).find((a) => a.hasAttribute('download'))!;
    expect(file.download).to.equal('an-overview-of-emotion-focused-therapy-an-evidence-based-app.ics');
    expect(file.href).to.match(/^blob:/);
    expect(text(file)).to.equal(`Download .ics file for ${EFT} (Apple Calendar, Outlook)`);
    const response = await fetch(file.href);
    expect(response.headers.get('content-type')).to.match(/^text\/calendar/);
    const back = parseIcs({ text: await response.text(), contentType: 'text/calendar', url: location.href }).items;
    expect(back).to.have.length(1);
    expect(back[0].title).to.equal(EFT);
    expect((back[0].start as Date).toISOString()).to.equal('2027-01-22T14:00:00.000Z');
    expect((back[0].end as Date).toISOString()).to.equal('2027-01-23T21:00:00.000Z');
  });

  it('writes valid iCalendar: CRLF, escaped text, lines folded at 75 octets, all-day dates; it parses back', () => {
    const workshop: Workshop = {
      id: 'w-1',
      title:
        'Culture, Race; and \\ Psychotherapy — “a long title” with enough words to need folding more than once, surely',
      start: new Date('2026-12-04T00:00:00Z'),
      end: new Date('2026-12-04T02:00:00Z'),
      timeZone: 'America/Detroit',
      summary: 'Line one,\nline two; done.',
      place: { name: 'Institute', address: 'Southfield, MI' },
      status: 'cancelled',
      url: 'https://iigp.example/event/x/',
    };
    const ics = toIcs(workshop, new Date('2026-11-26T12:00:00Z'));
    expect(ics.endsWith('\r\n')).to.equal(true);
    const lines = ics.split('\r\n');
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).to.equal(true);
    expect(ics.replace(/\r\n[ \t]/g, '')).to.include('SUMMARY:Culture\\, Race\\; and \\\\ Psychotherapy');
    expect(ics).to.include('DTSTART:20261204T000000Z');
    const [back] = parseIcs({ text: ics, contentType: 'text/calendar', url: location.href }).items;
    expect(back.title).to.equal(workshop.title);
    expect(back.summary).to.equal('Line one, line two; done.');
    expect(back.status).to.equal('cancelled');
    expect(back.place).to.deep.equal({ name: 'Institute', address: 'Southfield, MI' });
    expect((back.start as Date).toISOString()).to.equal('2026-12-04T00:00:00.000Z');
    expect((back.end as Date).toISOString()).to.equal('2026-12-04T02:00:00.000Z');

    const allDay = toIcs({
      id: 'd@x',
      title: 'Retreat',
      allDay: true,
      timeZone: 'America/Detroit',
      start: new Date('2027-03-05T05:00:00Z'),
      end: new Date('2027-03-07T05:00:00Z'),
    });
    expect(allDay).to.include('DTSTART;VALUE=DATE:20270305\r\nDTEND;VALUE=DATE:20270307');
    const [day] = parseIcs({ text: allDay, contentType: 'text/calendar', url: location.href }).items;
    expect(day.allDay).to.equal(true);
    expect(day.id).to.equal('d@x');
  });

  it('folds without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.every((part) => new TextEncoder().encode(part).length <= 75)).to.equal(true);
    expect(folded.map((part, i) => (i ? part.slice(1) : part)).join('')).to.equal(line);
  });
});

describe('<iigp-workshop-list> states and bad input', () => {
  beforeEach(() => localStorage.clear());

  it('is accessible while loading', async () => {
    const el = await fixture<WorkshopListElement>(
      html`<iigp-workshop-list src=${mock(JSON_LD, { delay: 3000 })} heading="Workshops"></iigp-workshop-list>`,
    );
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('skips bad events (no end is fine), counts them in one warning, and renders the rest as text', async () => {
    const warnings = captureWarnings();
    let el: WorkshopListElement;
    try {
      el = await list(mock('test/fixtures/workshops/bad-events.json'), { 'time-zone': 'UTC' });
    } finally {
      warnings.restore();
    }
    expect(texts(el, '[part~="title"]')).to.deep.equal([
      'No End Workshop',
      'Floating Workshop',
      'First of a Pair',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/skipped 6 unreadable entries/);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    const hostile = item(el, '<img src=x onerror=alert(1)>');
    expect(hostile.querySelector('a[part~="title"], [part~="register"]')).to.equal(null); // javascript: and data: URLs dropped
    await expect(el).to.be.accessible();
  });

  it('renders a 2,000-event calendar', async () => {
    const events: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const day = new Date(Date.UTC(2026, 0, 1) + (i * 86_400_000) / 2);
      const stamp = day.toISOString().replace(/[-:]|\.\d{3}/g, '');
      events.push(
        `BEGIN:VEVENT\r\nUID:e${i}@test\r\nDTSTART:${stamp}\r\nDURATION:PT2H\r\nSUMMARY:Session ${i}\r\nEND:VEVENT`,
      );
    }
    const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:America/Detroit\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
    const loaded = captureWarnings();
    let el: WorkshopListElement;
    try {
      const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
      el = await list(url, { limit: '5' });
    } finally {
      loaded.restore();
    }
    expect(el.state).to.equal('ready');
    expect(loaded.messages).to.deep.equal([]);
    // 2026-11-26 12:00 UTC: session 659 starts then (every 12 h from 1 January) and ends at 14:00.
    expect(texts(el, '[part~="title"]')).to.deep.equal([
      'Session 659',
      'Session 660',
      'Session 661',
      'Session 662',
      'Session 663',
    ]);
  });

  for (const [name, attrs] of [
    ['detected', {}],
    ['forced with format="ics"', { format: 'ics' }],
  ] as const) {
    it(`ends in error with the fallback for an .ics that is really an HTML page (${name})`, async () => {
      const warnings = captureWarnings();
      let el: WorkshopListElement;
      try {
        el = document.createElement('iigp-workshop-list') as WorkshopListElement;
        for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
        el.innerHTML = '<a href="/workshops/">See the workshop schedule</a>';
        el.src = mock('test/fixtures/workshops/calendar-html.ics', { type: 'text/html; charset=utf-8' });
        const box = await fixture<HTMLElement>(html`<div></div>`);
        const error = oneEvent(el, 'iigp-error');
        box.append(el);
        await settled(el);
        expect(((await error) as CustomEvent).detail.error.message).to.match(/HTML page/);
      } finally {
        warnings.restore();
      }
      expect(el.state).to.equal('error');
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.match(/HTML page/);
      expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0].textContent).to.equal(
        'See the workshop schedule',
      );
      await expect(el).to.be.accessible();
    });
  }

  it('shows its own error message, accessibly, for a 404 without fallback', async () => {
    const warnings = captureWarnings();
    let el: WorkshopListElement;
    try {
      el = await list(mock('test/fixtures/workshops/none.ics'));
    } finally {
      warnings.restore();
    }
    expect(el.state).to.equal('error');
    expect(texts(el, '[part="message"]')).to.deep.equal(['The workshops could not be loaded.']);
    await expect(el).to.be.accessible();
  });
});
