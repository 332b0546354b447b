import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { Workshop } from '../../src/model.js';
import { parseIcs } from '../../src/formats/ical/ics.js';
import type { Series } from '../../src/formats/ical/recurrence.js';
import { captureWarnings } from '../helpers.js';
import { calendar, vevent } from './ical-fixtures.js';

// Recurring iCalendar events, expanded by our parser (src/formats/ical/) and by ical.js, the reference
// (used in tests only), on the rules calendar programs write. Our zones come from the browser (Intl); ical.js
// reads the VTIMEZONE of ical-fixtures.ts, written with the US rules since 1987, so both know every year used here.
// Every rule's DTSTART is one of its occurrences, as calendar programs write them (RFC 5545 leaves the
// other case undefined).
interface Span {
  id?: string;
  start: number;
  end: number;
}

/** ical.js: the first `max` occurrences of every series (overrides applied, cancelled ones left out). */
function reference(text: string, max: number, keep: (span: Span) => boolean = () => true, until = Infinity): Span[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevents = root.getAllSubcomponents('vevent');
  const spans: Span[] = [];
  for (const master of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
    const event = new ICAL.Event(master);
    for (const exception of vevents.filter(
      (v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === event.uid,
    )) {
      event.relateException(exception);
    }
    const iterator = event.iterator();
    let found = 0;
    for (
      let next = iterator.next(), guard = 0;
      next && found < max && guard < 100_000;
      next = iterator.next(), guard++
    ) {
      const details = event.getOccurrenceDetails(next);
      if (details.item.component.getFirstPropertyValue('status') === 'CANCELLED') continue;
      const span = { start: details.startDate.toJSDate().getTime(), end: details.endDate.toJSDate().getTime() };
      if (span.start > until) break;
      if (!keep(span)) continue;
      spans.push(span);
      found++;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Ours: what the widget would list for `when` (its filter and order, before the limit), as spans. */
function ours(
  text: string,
  when: 'upcoming' | 'past' | 'all',
  limit: number,
  now = Date.parse('2026-11-26T12:00:00Z'),
): (Span & { id: string })[] {
  const { items } = parseIcs({ text, contentType: 'text/calendar', url: 'https://iigp.example/events.ics' });
  const all = items.flatMap((w: Series) => w.expand?.(now, when, limit) ?? [w]) as Workshop[];
  return all
    .map((w) => ({ id: w.id, start: +w.start, end: +(w.end ?? w.start) }))
    .filter((s) => when === 'all' || s.end <= now === (when === 'past'))
    .sort((a, b) => (a.start - b.start) * (when === 'past' ? -1 : 1))
    .slice(0, limit);
}

const iso = (spans: Span[]) => spans.map((s) => `${new Date(s.start).toISOString()}/${new Date(s.end).toISOString()}`);

// Finite rules as calendar programs (Google, Outlook, Apple, Thunderbird) write them.
const FINITE: [string, string, string?, string?][] = [
  ['weekly-across-dst', 'RRULE:FREQ=WEEKLY;COUNT=6'],
  ['daily-interval', 'RRULE:FREQ=DAILY;INTERVAL=2;COUNT=10'],
  [
    'weekly-mo-we-fr-until',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261120T235959Z',
    'DTSTART;TZID=America/Detroit:20261016T190000',
    'DTEND;TZID=America/Detroit:20261016T210000',
  ],
  ['biweekly-wkst-su', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU;COUNT=8'],
  [
    'biweekly-wkst-mo',
    'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,TU;WKST=MO;COUNT=8',
    'DTSTART;TZID=America/Detroit:20261013T190000',
    'DTEND;TZID=America/Detroit:20261013T210000',
  ],
  [
    'second-tuesday',
    'RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=12',
    'DTSTART;TZID=America/Detroit:20261013T190000',
    'DTEND;TZID=America/Detroit:20261013T210000',
  ],
  [
    'last-friday',
    'RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=12',
    'DTSTART;TZID=America/Detroit:20261030T180000',
    'DTEND;TZID=America/Detroit:20261030T200000',
  ],
  [
    'last-day-of-month',
    'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12',
    'DTSTART;TZID=America/Detroit:20261031T090000',
    'DTEND;TZID=America/Detroit:20261031T100000',
  ],
  [
    '31st-skips-short-months',
    'RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=6',
    'DTSTART;TZID=America/Detroit:20261031T090000',
    'DTEND;TZID=America/Detroit:20261031T100000',
  ],
  [
    'last-weekday-bysetpos',
    'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=12',
    'DTSTART;TZID=America/Detroit:20261030T120000',
    'DTEND;TZID=America/Detroit:20261030T130000',
  ],
  [
    'first-and-third-monday',
    'RRULE:FREQ=MONTHLY;BYDAY=1MO,3MO;UNTIL=20270630T000000Z',
    'DTSTART;TZID=America/Detroit:20261102T190000',
    'DTEND;TZID=America/Detroit:20261102T203000',
  ],
  [
    'quarterly-first-monday',
    'RRULE:FREQ=MONTHLY;BYDAY=1MO;BYMONTH=1,4,7,10;COUNT=8',
    'DTSTART;TZID=America/Detroit:20270104T190000',
    'DTEND;TZID=America/Detroit:20270104T210000',
  ],
  [
    'every-third-month-1-and-15',
    'RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,15;COUNT=8',
    'DTSTART;TZID=America/Detroit:20261101T100000',
    'DTEND;TZID=America/Detroit:20261101T110000',
  ],
  [
    'yearly-second-sunday-of-march',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;COUNT=5',
    'DTSTART;TZID=America/Detroit:20270314T100000',
    'DTEND;TZID=America/Detroit:20270314T120000',
  ],
  [
    'yearly-thanksgiving',
    'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=5',
    'DTSTART;TZID=America/Detroit:20261126T160000',
    'DTEND;TZID=America/Detroit:20261126T190000',
  ],
  ['yearly-plain', 'RRULE:FREQ=YEARLY;COUNT=4'],
  [
    'yearly-first-and-last-day',
    'RRULE:FREQ=YEARLY;BYYEARDAY=1,-1;COUNT=6',
    'DTSTART;TZID=America/Detroit:20261231T200000',
    'DTEND;TZID=America/Detroit:20261231T230000',
  ],
  [
    'daily-in-december-only',
    'RRULE:FREQ=DAILY;BYMONTH=12;COUNT=40',
    'DTSTART;TZID=America/Detroit:20261201T190000',
    'DTEND;TZID=America/Detroit:20261201T210000',
  ],
  ['weekdays-daily', 'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=15'],
  [
    'hourly-across-dst',
    'RRULE:FREQ=HOURLY;INTERVAL=5;COUNT=20',
    'DTSTART;TZID=America/Detroit:20261030T200000',
    'DTEND;TZID=America/Detroit:20261030T210000',
  ],
  [
    'minutely-across-spring',
    'RRULE:FREQ=MINUTELY;INTERVAL=150;COUNT=30',
    'DTSTART;TZID=America/Detroit:20270313T200000',
    'DTEND;TZID=America/Detroit:20270313T201500',
  ],
  ['utc-weekly', 'RRULE:FREQ=WEEKLY;COUNT=6', 'DTSTART:20261015T230000Z', 'DTEND:20261016T010000Z'],
  [
    'exdate-and-rdate',
    'RRULE:FREQ=WEEKLY;COUNT=6\nEXDATE;TZID=America/Detroit:20261029T190000,20261105T190000\nRDATE;TZID=America/Detroit:20261210T190000',
  ],
  [
    'byhour-byminute',
    'RRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=9,14;BYMINUTE=0,30;COUNT=12',
    'DTSTART;TZID=America/Detroit:20261017T090000',
    'DTEND;TZID=America/Detroit:20261017T100000',
  ],
  [
    'duration-instead-of-end',
    'RRULE:FREQ=WEEKLY;COUNT=5\nDURATION:PT90M',
    'DTSTART;TZID=America/Detroit:20261022T190000',
    '',
  ],
];

describe('iCalendar recurrence, compared with ical.js', () => {
  for (const [uid, lines, start, end] of FINITE) {
    it(`expands ${uid} as ical.js does`, () => {
      const text = calendar(vevent(uid, lines, start, end));
      const expected = reference(text, 500);
      const mine = ours(text, 'all', 500);
      expect(expected.length, 'ical.js found occurrences').to.be.greaterThan(1);
      expect(iso(mine)).to.deep.equal(iso(expected));
      expect(new Set(mine.map((s) => s.id)).size, 'distinct ids').to.equal(mine.length);
    });
  }

  it('applies overrides like ical.js: a moved meeting at its new time, a cancelled one left out', () => {
    const text = calendar(
      vevent('group@iigp', 'RRULE:FREQ=WEEKLY;COUNT=6\nEXDATE;TZID=America/Detroit:20261105T190000'),
      vevent(
        'group@iigp',
        'RECURRENCE-ID;TZID=America/Detroit:20261022T190000',
        'DTSTART;TZID=America/Detroit:20261023T180000',
        'DTEND;TZID=America/Detroit:20261023T200000',
      ),
      vevent('group@iigp', 'RECURRENCE-ID;TZID=America/Detroit:20261112T190000\nSTATUS:CANCELLED'),
    );
    const expected = reference(text, 50);
    const mine = ours(text, 'all', 50);
    expect(iso(mine)).to.deep.equal(iso(expected));
    expect(mine).to.have.length(4);
    expect(iso(mine)[1]).to.equal('2026-10-23T22:00:00.000Z/2026-10-24T00:00:00.000Z');
  });

  it('keeps the wall-clock time across the daylight-saving change: 7 pm EDT, then 7 pm EST', () => {
    const mine = ours(
      calendar(
        vevent(
          'dst',
          'RRULE:FREQ=WEEKLY;COUNT=4',
          'DTSTART;TZID=America/Detroit:20261022T190000',
          'DTEND;TZID=America/Detroit:20261022T210000',
        ),
      ),
      'all',
      10,
    );
    expect(mine.map((s) => new Date(s.start).toISOString())).to.deep.equal([
      '2026-10-22T23:00:00.000Z',
      '2026-10-29T23:00:00.000Z',
      '2026-11-06T00:00:00.000Z',
      '2026-11-13T00:00:00.000Z',
    ]);
  });

  // Rules without end: the widget's window (now, when, limit) against ical.js walked up to it.
  const ENDLESS: [string, string, string?, string?][] = [
    [
      'weekly-forever',
      'RRULE:FREQ=WEEKLY;BYDAY=TH',
      'DTSTART;TZID=America/Detroit:20150108T190000',
      'DTEND;TZID=America/Detroit:20150108T210000',
    ],
    [
      'monthly-2tu-forever',
      'RRULE:FREQ=MONTHLY;BYDAY=2TU',
      'DTSTART;TZID=America/Detroit:20100112T190000',
      'DTEND;TZID=America/Detroit:20100112T210000',
    ],
    [
      'daily-forever',
      'RRULE:FREQ=DAILY',
      'DTSTART;TZID=America/Detroit:20200101T080000',
      'DTEND;TZID=America/Detroit:20200101T083000',
    ],
    [
      'yearly-leap-day',
      'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
      'DTSTART;TZID=America/Detroit:20000229T120000',
      'DTEND;TZID=America/Detroit:20000229T130000',
    ],
    [
      'monthly-last-weekday-forever',
      'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'DTSTART;TZID=America/Detroit:20180131T120000',
      'DTEND;TZID=America/Detroit:20180131T130000',
    ],
  ];
  const NOW = Date.parse('2026-11-26T12:00:00Z');
  for (const [uid, lines, start, end] of ENDLESS) {
    it(`lists the window of ${uid} (upcoming and past, limit 7) as ical.js does`, () => {
      const text = calendar(vevent(uid, lines, start, end));
      const upcoming = reference(text, 7, (s) => s.end > NOW);
      expect(iso(ours(text, 'upcoming', 7, NOW))).to.deep.equal(iso(upcoming));
      const past = reference(text, 100_000, (s) => s.end <= NOW, NOW);
      expect(iso(ours(text, 'past', 7, NOW))).to.deep.equal(iso(past.slice(-7).reverse()));
    });
  }

  it('costs what the window costs: a rule repeating every second, without end, gives `limit` occurrences at once', () => {
    const text = calendar(
      vevent(
        'every-second',
        'RRULE:FREQ=SECONDLY',
        'DTSTART;TZID=America/Detroit:20000101T000000',
        'DTEND;TZID=America/Detroit:20000101T000001',
      ),
    );
    for (const when of ['upcoming', 'past', 'all'] as const) {
      const { items } = parseIcs({ text, contentType: 'text/calendar', url: 'https://iigp.example/e.ics' });
      const expanded = (items[0] as Series).expand!(NOW, when, 5);
      expect(expanded.length, when).to.be.at.most(5 + 2);
      expect(expanded.length, when).to.be.at.least(5);
    }
    const minutely = calendar(
      vevent(
        'every-minute',
        'RRULE:FREQ=MINUTELY;INTERVAL=1',
        'DTSTART;TZID=America/Detroit:19990101T000000',
        'DTEND;TZID=America/Detroit:19990101T000100',
      ),
    );
    expect(iso(ours(minutely, 'upcoming', 3, NOW))).to.deep.equal([
      '2026-11-26T12:00:00.000Z/2026-11-26T12:01:00.000Z',
      '2026-11-26T12:01:00.000Z/2026-11-26T12:02:00.000Z',
      '2026-11-26T12:02:00.000Z/2026-11-26T12:03:00.000Z',
    ]);
  });

  it('reads a wall time that a clock change makes ambiguous as its first instant (RFC 5545; ical.js takes the second)', () => {
    const mine = ours(
      calendar(
        vevent(
          'fall-back',
          'RRULE:FREQ=DAILY;COUNT=3',
          'DTSTART;TZID=America/Detroit:20261031T013000',
          'DTEND;TZID=America/Detroit:20261031T014500',
        ),
      ),
      'all',
      10,
    );
    expect(mine.map((s) => new Date(s.start).toISOString())).to.deep.equal([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('moves a wall time that a spring-forward gap skips to after the gap, with its length (RFC 5545; ical.js moves it back)', () => {
    const mine = ours(
      calendar(
        vevent(
          'spring',
          'RRULE:FREQ=DAILY;COUNT=3',
          'DTSTART;TZID=America/Detroit:20270313T023000',
          'DTEND;TZID=America/Detroit:20270313T024500',
        ),
      ),
      'all',
      10,
    );
    expect(iso(mine)).to.deep.equal([
      '2027-03-13T07:30:00.000Z/2027-03-13T07:45:00.000Z',
      '2027-03-14T07:30:00.000Z/2027-03-14T07:45:00.000Z',
      '2027-03-15T06:30:00.000Z/2027-03-15T06:45:00.000Z',
    ]);
  });

  it('repeats an all-day event by days: midnights of the calendar zone (UTC when it names none), a day long each', () => {
    // The calendar's zone is its first VTIMEZONE here (America/Detroit); EXDATE removes the second week.
    const text = calendar(
      vevent(
        'retreat',
        'RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE;VALUE=DATE:20261022',
        'DTSTART;VALUE=DATE:20261015',
        'DTEND;VALUE=DATE:20261016',
      ),
    );
    expect(iso(ours(text, 'all', 10))).to.deep.equal([
      '2026-10-15T04:00:00.000Z/2026-10-16T04:00:00.000Z',
      '2026-10-29T04:00:00.000Z/2026-10-30T04:00:00.000Z',
    ]);
    const { items } = parseIcs({ text, contentType: 'text/calendar', url: 'https://iigp.example/e.ics' });
    expect(
      (items[0] as Series).expand!(0, 'all', 10).every((w) => w.allDay && w.timeZone === 'America/Detroit'),
    ).to.equal(true);
    const zoneless = text.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '');
    expect(iso(ours(zoneless, 'all', 10))).to.deep.equal([
      '2026-10-15T00:00:00.000Z/2026-10-16T00:00:00.000Z',
      '2026-10-29T00:00:00.000Z/2026-10-30T00:00:00.000Z',
    ]);
  });

  it('gives each occurrence its own id (UID and original start) and the series its details', () => {
    const mine = ours(
      calendar(vevent('ids@iigp', 'RRULE:FREQ=WEEKLY;COUNT=3\nLOCATION:Institute\\, Southfield')),
      'all',
      10,
    );
    expect(mine.map((s) => s.id)).to.deep.equal([
      'ids@iigp|2026-10-15T23:00:00.000Z',
      'ids@iigp|2026-10-22T23:00:00.000Z',
      'ids@iigp|2026-10-29T23:00:00.000Z',
    ]);
    const { items } = parseIcs({
      text: calendar(vevent('ids@iigp', 'RRULE:FREQ=WEEKLY;COUNT=3\nLOCATION:Institute\\, Southfield')),
      contentType: 'text/calendar',
      url: 'https://iigp.example/e.ics',
    });
    const [second] = (items[0] as Series).expand!(0, 'all', 10).slice(1);
    expect(second.place).to.deep.equal({ name: 'Institute', address: 'Southfield' });
    expect((second as Series).calendar).to.equal('webcal://iigp.example/e.ics');
  });

  it('skips a bad event with one warning naming it, and reads the others', () => {
    const warnings = captureWarnings();
    let items: Workshop[];
    try {
      const text = calendar(
        vevent('good', 'RRULE:FREQ=WEEKLY;COUNT=2'),
        vevent(
          'backwards',
          '',
          'DTSTART;TZID=America/Detroit:20261015T190000',
          'DTEND;TZID=America/Detroit:20261015T170000',
        ),
        vevent(
          'nowhere',
          '',
          'DTSTART;TZID=Mars/Olympus_Mons:20261015T190000',
          'DTEND;TZID=Mars/Olympus_Mons:20261015T210000',
        ),
        vevent('no-zone', '', 'DTSTART;TZID=:20261015T190000', 'DTEND;TZID=:20261015T210000'),
        vevent('ninth-monday', 'RRULE:FREQ=MONTHLY;BYDAY=9MO'),
        vevent('no-such-day', 'RRULE:FREQ=WEEKLY;BYDAY=XY'),
        vevent(
          'far-future',
          '',
          'DTSTART;TZID=America/Detroit:2757601231T190000',
          'DTEND;TZID=America/Detroit:2757601231T210000',
        ),
      );
      items = parseIcs({ text, contentType: 'text/calendar', url: 'https://iigp.example/e.ics' }).items;
      parseIcs({ text, contentType: 'text/calendar', url: 'https://iigp.example/e.ics' }); // a second parse warns no more
    } finally {
      warnings.restore();
    }
    expect(items.map((w) => w.title)).to.deep.equal(['good']);
    expect(warnings.messages).to.have.length(6);
    for (const [uid, cause] of [
      ['backwards', 'ends before it starts'],
      ['nowhere', '"Mars/Olympus_Mons" is not one a browser knows'],
      ['no-zone', 'TZID is empty'],
      ['ninth-monday', 'BYDAY=9MO names no possible day'],
      ['no-such-day', 'BYDAY=XY names no possible day'],
      ['far-future', 'is not a date a calendar can show'],
    ]) {
      expect(
        warnings.messages.filter((m) => m.includes(`"${uid}" (UID ${uid})`)),
        uid,
      ).to.have.length(1);
      expect(
        warnings.messages.find((m) => m.includes(`"${uid}"`)),
        uid,
      ).to.include(cause);
    }
  });
});
