// Prints what expanding recurring iCalendar events costs next to a plain list of the same length:
// `node bench/recurrence.mjs`. The parser is bundled from src/ with esbuild into a temporary folder and run
// in Node (the browser's Intl is Node's here). Figures, not assertions: compare the ratios within one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'iigp-recurrence-'));
const outfile = join(dir, 'ics.mjs');
await build({
  entryPoints: ['src/formats/ics.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'error',
});
const { parseIcs } = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });
const TZ = 'BEGIN:VTIMEZONE\r\nTZID:America/Detroit\r\nEND:VTIMEZONE\r\n';
const cal = (events) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${TZ}${events.join('')}END:VCALENDAR\r\n`;
const ev = (
  uid,
  lines,
  start = 'DTSTART;TZID=America/Detroit:20150108T190000',
  end = 'DTEND;TZID=America/Detroit:20150108T210000',
) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nSUMMARY:${uid}\r\n${start}\r\n${end}\r\n${lines ? lines + '\r\n' : ''}END:VEVENT\r\n`;
const now = Date.parse('2026-11-26T12:00:00Z');
function time(label, text, when, limit) {
  const runs = 50;
  let n = 0;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const { items } = parseIcs({ text, contentType: 'text/calendar', url: 'https://iigp.example/e.ics' });
    n = items.flatMap((w) => w.expand?.(now + i * 60_000, when, limit) ?? [w]).length;
  }
  console.log(
    `${label.padEnd(58)} ${when.padEnd(8)} limit ${String(limit).padStart(3)}: ${((performance.now() - t0) / runs).toFixed(2).padStart(7)} ms per parse+expand, ${n} occurrences`,
  );
}
const plain = (k) =>
  cal(
    Array.from({ length: k }, (_, i) =>
      ev(
        `plain-${i}`,
        '',
        `DTSTART;TZID=America/Detroit:202701${String(1 + (i % 28)).padStart(2, '0')}T190000`,
        `DTEND;TZID=America/Detroit:202701${String(1 + (i % 28)).padStart(2, '0')}T210000`,
      ),
    ),
  );
for (const limit of [10, 100]) {
  time(`plain list of ${limit} events`, plain(limit), 'upcoming', limit);
  time('weekly since 2015, no end', cal([ev('w', 'RRULE:FREQ=WEEKLY;BYDAY=TH')]), 'upcoming', limit);
  time('weekly since 2015, no end', cal([ev('w', 'RRULE:FREQ=WEEKLY;BYDAY=TH')]), 'past', limit);
  time(
    'every second since 2015, no end',
    cal([ev('s', 'RRULE:FREQ=SECONDLY', undefined, 'DTEND;TZID=America/Detroit:20150108T190001')]),
    'upcoming',
    limit,
  );
  time(
    'every second since 2015, no end',
    cal([ev('s', 'RRULE:FREQ=SECONDLY', undefined, 'DTEND;TZID=America/Detroit:20150108T190001')]),
    'past',
    limit,
  );
  time(
    'every minute since 2015, no end',
    cal([ev('m', 'RRULE:FREQ=MINUTELY', undefined, 'DTEND;TZID=America/Detroit:20150108T190100')]),
    'all',
    limit,
  );
  time(
    'never matches (BYMONTH=2;BYMONTHDAY=30): hits the cap',
    cal([ev('n', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')]),
    'upcoming',
    limit,
  );
  time(
    'COUNT=100000 daily from 2015 (walked from the start)',
    cal([ev('c', 'RRULE:FREQ=DAILY;COUNT=100000')]),
    'upcoming',
    limit,
  );
}
