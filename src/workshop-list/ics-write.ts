import type { Workshop } from '../model.js';
import { isoDay, toDate } from '../shared/format.js';

/** TEXT values escaped as RFC 5545 wants: backslash, `;`, `,` and newlines. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character. */
export function fold(line: string): string {
  let out = '';
  let bytes = 0;
  for (const char of line) {
    const size =
      char.codePointAt(0)! < 0x80 ? 1 : char.codePointAt(0)! < 0x800 ? 2 : char.codePointAt(0)! < 0x10000 ? 3 : 4;
    if (bytes + size > 75) {
      out += '\r\n ';
      bytes = 1;
    }
    out += char;
    bytes += size;
  }
  return out;
}

/** `20261204T000000Z`, or `20261205` for an all-day date in the event's zone. */
export function icsDate(date: Date, allDay: boolean | undefined, zone: string | undefined): string {
  return allDay ? isoDay(date, zone ?? 'UTC').replace(/-/g, '') : date.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/**
 * One workshop as an iCalendar file: CRLF lines folded at 75 octets, escaped text, UTC times (or
 * dates for all-day workshops, with the exclusive end iCalendar expects).
 */
export function toIcs(workshop: Workshop, now = new Date()): string {
  const start = toDate(workshop.start)!;
  const end = toDate(workshop.end);
  const all = workshop.allDay;
  const zone = workshop.timeZone;
  const place = [workshop.place?.name, workshop.place?.address].filter(Boolean).join(', ') || workshop.onlineUrl || '';
  const description = [
    workshop.summary,
    workshop.registrationUrl && `Register: ${workshop.registrationUrl}`,
    workshop.onlineUrl && `Join online: ${workshop.onlineUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//IIGP//iigp-widgets//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(workshop.id.includes('@') ? workshop.id : `${workshop.id}@iigp-widgets`)}`,
    `DTSTAMP:${icsDate(now, false, undefined)}`,
    `DTSTART${all ? ';VALUE=DATE' : ''}:${icsDate(start, all, zone)}`,
    end ? `DTEND${all ? ';VALUE=DATE' : ''}:${icsDate(end, all, zone)}` : '',
    `SUMMARY:${escapeText(workshop.title)}`,
    description ? `DESCRIPTION:${escapeText(description)}` : '',
    place ? `LOCATION:${escapeText(place)}` : '',
    workshop.url ? `URL:${workshop.url}` : '',
    workshop.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.filter(Boolean).map(fold).join('\r\n')}\r\n`;
}

/** A file name from the title: "culture-and-race-in-psychotherapy.ics". */
export function fileName(workshop: Workshop): string {
  return `${
    workshop.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'workshop'
  }.ics`;
}

/** Downloads the workshop's `.ics` through a Blob URL made on the click (no `data:` URL in any href). */
export function downloadIcs(workshop: Workshop): void {
  const url = URL.createObjectURL(new Blob([toIcs(workshop)], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(workshop);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
