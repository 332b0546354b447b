/**
 * The iCalendar family at parser level (the widget-level tests, and the comparison with ical.js, are in
 * test/workshop-list.test.ts): the demo calendar reads as the same workshops as its other formats.
 */
import { expect } from '@open-wc/testing';
import { parseIcs, unescapeText } from '../../src/formats/ical/ics.js';
import { parseSchemaEvents } from '../../src/formats/schema/schema-events.js';
import { parseTecEvents } from '../../src/formats/wordpress/tec.js';
import type { Workshop } from '../../src/model.js';
import { SITE, body, formatErrorOf } from './helpers.js';

async function demo(name: string, contentType: string) {
  const response = await fetch(`/demo/data/${name}`);
  return body(await response.text(), contentType, `${SITE}/data/${name}`);
}

const summary = (items: Workshop[]) =>
  items.map((w) => [w.title, (w.start as Date).toISOString(), (w.end as Date | undefined)?.toISOString(), w.timeZone]);

describe('parseIcs', () => {
  it('reads the demo calendar as the same workshops as its schema.org JSON and The Events Calendar REST forms', async () => {
    const ics = parseIcs(await demo('workshops.ics', 'text/calendar'));
    const schema = await parseSchemaEvents(await demo('workshops.json', 'application/ld+json'));
    const tec = parseTecEvents(await demo('workshops-tec.json', 'application/json'));
    expect(ics.items.length).to.equal(5);
    // Titles may be cut differently (a folded SUMMARY), times and zones may not.
    const times = (items: Workshop[]) => summary(items).map(([, start, end, zone]) => [start, end, zone]);
    expect(times(ics.items)).to.deep.equal(times(schema.items));
    expect(times(ics.items)).to.deep.equal(times(tec.items));
    expect(ics.items[0].title).to.equal('Culture and Race in Psychotherapy');
  });

  it('unfolds lines, unescapes text and reads all-day dates', () => {
    const calendar = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:1@iigp.example',
      'DTSTART;VALUE=DATE:20300105',
      'SUMMARY:Groups\\, families\\; and',
      '  couples',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const [workshop] = parseIcs(body(calendar, 'text/calendar')).items;
    expect([workshop.title, workshop.allDay]).to.deep.equal(['Groups, families; and couples', true]);
    expect(unescapeText('a\\nb\\\\c')).to.equal('a\nb\\c');
  });

  it('refuses a web page', () => {
    expect(formatErrorOf(() => parseIcs(body('<!doctype html><p>Calendar</p>', 'text/html'))).message).to.contain(
      'HTML page',
    );
  });
});
