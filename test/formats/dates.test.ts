/** Dates and zones: the date readers of every feed format, and the wall-clock times of events in their zone. */
import { expect } from '@open-wc/testing';
import { parseCommonDate } from '../../src/formats/dates/common-dates.js';
import { parseDate } from '../../src/formats/dates/dates.js';
import { midnight, normalizeZone, zonedTime } from '../../src/formats/dates/zone.js';

describe('parseDate', () => {
  const cases: [string, string | undefined][] = [
    ['Mon, 11 Apr 2016 14:00:00 +0000', '2016-04-11T14:00:00.000Z'],
    ['Mon, 11 Apr 2016 10:00:00 EDT', '2016-04-11T14:00:00.000Z'],
    ['11 Apr 16 10:00 -0400', '2016-04-11T14:00:00.000Z'],
    ['Monday, 11 April 2016 10:00:00 GMT', '2016-04-11T10:00:00.000Z'],
    ['2016-04-11T10:00:00-04:00', '2016-04-11T14:00:00.000Z'],
    ['2016-04-11', '2016-04-11T00:00:00.000Z'],
    ['Fri, 2006/09/15 08:19:53 EDT', '2006-09-15T12:19:53.000Z'],
    ['2004-05-25 오후 11:23:17', '2004-05-25T14:23:17.000Z'],
    ['31 Feb 2016 10:00:00 GMT', undefined],
    ['not a date', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parseDate(input)?.toISOString()).to.equal(expected);
    });
  }
});

describe('parseCommonDate (the small reader the RSS parser tries first)', () => {
  it('reads ISO 8601 and RFC 822 with a numeric zone exactly as parseDate does', () => {
    for (const input of [
      'Wed, 05 Mar 2026 12:00:00 +0000',
      'Thu, 01 Jan 2004 19:48:21 GMT',
      '2016-04-11T10:00:00-04:00',
      '2016-04-11',
      '2003-12',
    ]) {
      expect(parseCommonDate(input), input).not.to.equal(undefined);
      expect(parseCommonDate(input)?.toISOString(), input).to.equal(parseDate(input)?.toISOString());
    }
  });

  it('leaves named zones, 2-digit years and other rarer forms to the full reader', () => {
    for (const input of [
      'Mon, 11 Apr 2016 10:00:00 EDT',
      '11 Apr 16 10:00 -0400',
      'Sun Jan  4 16:29:06 2004',
      'not a date',
    ]) {
      expect(parseCommonDate(input), input).to.equal(undefined);
    }
  });
});

describe('zones (events keep their own wall-clock time)', () => {
  it('normalizeZone keeps IANA names and writes offsets as ±hh:mm', () => {
    expect(normalizeZone('America/Detroit')).to.equal('America/Detroit');
    expect(normalizeZone('/citadel.org/20190914_1/America/New_York')).to.equal('America/New_York');
    expect([
      normalizeZone('UTC-5'),
      normalizeZone('GMT+5:30'),
      normalizeZone('-0500'),
      normalizeZone('Z'),
    ]).to.deep.equal(['-05:00', '+05:30', '-05:00', 'UTC']);
    expect([normalizeZone('Mars/Olympus_Mons'), normalizeZone('+15:00'), normalizeZone('')]).to.deep.equal([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('zonedTime reads a wall-clock time in a zone, across daylight-saving changes', () => {
    const iso = (date: Date | undefined) => date?.toISOString();
    expect(iso(zonedTime(2026, 10, 16, 19, 0, 0, 'America/Detroit'))).to.equal('2026-10-16T23:00:00.000Z');
    expect(iso(zonedTime(2026, 12, 3, 19, 0, 0, 'America/Detroit'))).to.equal('2026-12-04T00:00:00.000Z');
    // Spring forward: 2:30 does not exist and moves forward; fall back: 1:30 happens twice, the first wins.
    expect(iso(zonedTime(2026, 3, 8, 2, 30, 0, 'America/New_York'))).to.equal('2026-03-08T07:30:00.000Z');
    expect(iso(zonedTime(2026, 11, 1, 1, 30, 0, 'America/New_York'))).to.equal('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTime(2026, 2, 31, 9, 0, 0, 'America/Detroit'))).to.equal(undefined);
    expect(iso(zonedTime(2026, 6, 1, 9, 0, 0, '-05:00'))).to.equal('2026-06-01T14:00:00.000Z');
  });

  it('midnight starts a day in the zone, or in UTC without one', () => {
    expect(midnight(2026, 1, 31, 'America/Detroit', 1)?.toISOString()).to.equal('2026-02-01T05:00:00.000Z');
    expect(midnight(2026, 7, 4)?.toISOString()).to.equal('2026-07-04T00:00:00.000Z');
    expect(midnight(2026, 2, 30, 'America/Detroit')).to.equal(undefined);
  });
});
