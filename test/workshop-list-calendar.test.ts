import { expect, waitUntil } from '@open-wc/testing';
import '../src/workshop-list/define.js';
import type { WorkshopListElement } from '../src/workshop-list/workshop-list.js';
import { calendar, vevent } from './formats/ical-fixtures.js';
import { captureWarnings, echo, mock, mountWorkshopList, texts } from './helpers.js';

// A weekly group in iCalendar, as the widget shows it, and what "Add to calendar" offers its readers.
const NOW = '2026-10-01T12:00:00Z';

/** Six Thursday meetings at 7 pm Detroit time across the end of daylight saving; one moved, one cancelled. */
const GROUP = calendar(
  vevent('group@iigp.example', 'RRULE:FREQ=WEEKLY;COUNT=6\nLOCATION:Institute\\, 24400 Northwestern Hwy\\, Southfield'),
  vevent(
    'group@iigp.example',
    'RECURRENCE-ID;TZID=America/Detroit:20261022T190000',
    'DTSTART;TZID=America/Detroit:20261023T180000',
    'DTEND;TZID=America/Detroit:20261023T200000',
  ),
  vevent('group@iigp.example', 'RECURRENCE-ID;TZID=America/Detroit:20261105T190000\nSTATUS:CANCELLED'),
).replace(/SUMMARY:group@iigp.example/g, 'SUMMARY:Thursday process group');

function list(
  src: string,
  attrs: Record<string, string> = {},
  now: string | number = NOW,
): Promise<WorkshopListElement> {
  return mountWorkshopList(src, attrs, now);
}

const items = (el: WorkshopListElement) => [...el.shadowRoot!.querySelectorAll('[part~="item"]')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function openMenu(el: WorkshopListElement, index = 0): Promise<HTMLAnchorElement[]> {
  const button = items(el)[index].querySelector('button[part~="calendar"]') as HTMLButtonElement;
  expect(button.getAttribute('aria-expanded')).to.equal('false');
  button.click();
  await waitUntil(() => items(el)[index].querySelector('[part="calendar-menu"]'), 'the calendar list did not open');
  expect(button.getAttribute('aria-expanded')).to.equal('true');
  return [...items(el)[index].querySelectorAll<HTMLAnchorElement>('[part="calendar-menu"] a')];
}

describe('<iigp-workshop-list> a recurring iCalendar event', () => {
  beforeEach(() => localStorage.clear());

  it('shows each meeting of a weekly group, less the cancelled one, the moved one at its new time, 7 pm across the clock change', async () => {
    const el = await list(echo(GROUP, 'text/calendar'));
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(Array(5).fill('Thursday process group'));
    expect([...el.shadowRoot!.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).to.deep.equal([
      '2026-10-15T23:00:00.000Z',
      '2026-10-23T22:00:00.000Z', // moved to Friday 6 pm
      '2026-10-29T23:00:00.000Z',
      '2026-11-13T00:00:00.000Z', // 7 pm EST, after the change
      '2026-11-20T00:00:00.000Z',
    ]);
    expect(texts(el, 'time')[0]).to.match(/^Thu, October 15, 2026, 7:00\s–\s9:00\sPM EDT$/);
    expect(texts(el, 'time')[3]).to.match(/^Thu, November 12, 2026, 7:00\s–\s9:00\sPM EST$/);
    // Occurrences carry the series' details; the moved one has what its override says (no place here).
    expect(texts(el, '[part="place"]')).to.have.length(4);
    expect(texts(el, '[part="place"]')[3]).to.include('Southfield');
    const shown = (el as unknown as { shown: { id: string }[] }).shown;
    expect(new Set(shown.map((w) => w.id)).size, 'an id per meeting').to.equal(5);
    expect(shown[1].id).to.equal('group@iigp.example|2026-10-22T23:00:00.000Z');
    await expect(el).to.be.accessible();
  });

  it('lists what `when` and `limit` ask for: upcoming after a date, and past ones newest first', async () => {
    const src = echo(GROUP, 'text/calendar');
    const upcoming = await list(src, { limit: '2' }, '2026-10-30T12:00:00Z');
    expect([...upcoming.shadowRoot!.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).to.deep.equal([
      '2026-11-13T00:00:00.000Z',
      '2026-11-20T00:00:00.000Z',
    ]);
    const past = await list(src, { when: 'past', limit: '2' }, '2026-10-30T12:00:00Z');
    expect([...past.shadowRoot!.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).to.deep.equal([
      '2026-10-29T23:00:00.000Z',
      '2026-10-23T22:00:00.000Z',
    ]);
  });

  it('lists a rule without end, repeating every minute, as a plain list of `limit`', async () => {
    const src = echo(
      calendar(
        vevent(
          'minute',
          'RRULE:FREQ=MINUTELY',
          'DTSTART;TZID=America/Detroit:19990101T000000',
          'DTEND;TZID=America/Detroit:19990101T000100',
        ),
      ),
      'text/calendar',
    );
    const el = await list(src, { limit: '3' });
    expect(items(el)).to.have.length(3);
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-01T12:00:00.000Z');
  });

  it('skips a bad event with one warning naming it; the others show', async () => {
    const warnings = captureWarnings();
    let el: WorkshopListElement;
    try {
      el = await list(
        echo(
          calendar(
            vevent('good', 'RRULE:FREQ=WEEKLY;COUNT=2'),
            vevent('impossible', 'RRULE:FREQ=MONTHLY;BYDAY=6FR'),
            vevent(
              'mars',
              '',
              'DTSTART;TZID=Mars/Olympus_Mons:20261015T190000',
              'DTEND;TZID=Mars/Olympus_Mons:20261015T210000',
            ),
          ),
          'text/calendar',
        ),
      );
    } finally {
      warnings.restore();
    }
    expect(el!.state).to.equal('ready');
    expect(texts(el!, '[part~="title"]')).to.deep.equal(['good', 'good']);
    expect(warnings.messages).to.have.length(2);
    expect(warnings.messages[0]).to.include('"impossible"').and.include('BYDAY=6FR');
    expect(warnings.messages[1]).to.include('"mars"').and.include('Mars/Olympus_Mons');
  });
});

describe('<iigp-workshop-list> "Add to calendar"', () => {
  beforeEach(() => localStorage.clear());

  it('opens a list: Google Calendar, Outlook.com, the .ics file and, for an iCalendar feed, a webcal: subscription last', async () => {
    const path = `/__mock/demo/data/workshops.ics?u=${Math.random()}`;
    const el = await list(path, {}, '2026-11-26T12:00:00Z');
    const links = await openMenu(el);
    expect(links.map(text)).to.deep.equal([
      `Google Calendar: ${text(items(el)[0].querySelector('[part~="title"]'))} (opens in a new tab)`,
      `Outlook.com: ${text(items(el)[0].querySelector('[part~="title"]'))} (opens in a new tab)`,
      `Download .ics file for ${text(items(el)[0].querySelector('[part~="title"]'))} (Apple Calendar, Outlook)`,
      'Subscribe to all these workshops in your calendar app',
    ]);
    const subscribe = links[3];
    expect(subscribe.getAttribute('href')).to.equal(`webcal://${location.host}${path}`);
    expect(subscribe.target).to.equal('');
    expect(links[0].target).to.equal('_blank');
    expect(links.every((a) => a.getAttribute('part') === 'link calendar')).to.equal(true);
    await expect(el).to.be.accessible();
    // A second click closes it.
    (items(el)[0].querySelector('button[part~="calendar"]') as HTMLButtonElement).click();
    await waitUntil(() => !items(el)[0].querySelector('[part="calendar-menu"]'), 'the list did not close');
  });

  it('links to Outlook on the web with subject, UTC start and end, location and body', async () => {
    const el = await list(mock('demo/data/workshops.json'), {}, '2026-11-26T12:00:00Z');
    const title = text(items(el)[0].querySelector('[part~="title"]'));
    const outlook = new URL((await openMenu(el))[1].href);
    expect(outlook.origin + outlook.pathname).to.equal('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(outlook.searchParams.get('rru')).to.equal('addevent');
    expect(outlook.searchParams.get('subject')).to.equal(title);
    expect(outlook.searchParams.get('startdt')).to.equal('2026-12-04T00:00:00Z');
    expect(outlook.searchParams.get('enddt')).to.equal('2026-12-04T02:00:00Z');
    expect(outlook.searchParams.get('allday')).to.equal('false');
    expect(outlook.searchParams.get('location')).to.include('Southfield');
    expect(outlook.searchParams.get('body')).to.include('https://iigp.example/');
  });

  it('offers no subscription when the workshops do not come from an iCalendar feed', async () => {
    const el = await list(mock('demo/data/workshops.json'), {}, '2026-11-26T12:00:00Z');
    const links = await openMenu(el);
    expect(links).to.have.length(3);
    expect(links.some((a) => a.href.startsWith('webcal:'))).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
