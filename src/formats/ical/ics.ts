import type { AttendanceMode, Parsed, Workshop } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { collapse } from '../../shared/text.js';
import { safeUrl } from '../../shared/url.js';
import { formatError } from '../../shared/load-error.js';
import { finish, fromDescription } from '../../workshop.js';
import { midnight, normalizeZone, zonedTime } from '../dates/zone.js';
import { assembleEvents } from './events.js';

/** One content line: `NAME;PARAM=value:VALUE`, parameters by upper-case name. */
interface Line {
  name: string;
  params: Record<string, string>;
  value: string;
}

function parseLine(text: string): Line | undefined {
  const match = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):([\s\S]*)$/.exec(
    text,
  );
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [, key, value] of match[2].matchAll(/;([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:])*)/g)) {
    params[key.toUpperCase()] = value.replace(/"/g, '');
  }
  return { name: match[1].toUpperCase(), params, value: match[3] };
}

/** TEXT values: `\n`, `\,`, `\;` and `\\` unescaped. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_all, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * A DATE or DATE-TIME: UTC (`Z`), in its `TZID`, or floating (read in the calendar's zone, else the
 * reader's). All-day dates are midnights in the calendar's zone.
 */
function dateOf(
  line: Line | undefined,
  calendarZone: string | undefined,
): { date?: Date; zone?: string; allDay: boolean; day?: [number, number, number] } | undefined {
  if (!line) return undefined;
  const m = /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)?(Z)?)?$/.exec(line.value.trim());
  if (!m) return { allDay: false };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const zone = normalizeZone(line.params.TZID) ?? calendarZone;
  if (!m[4]) return { date: midnight(y, mo, d, zone), zone, allDay: true, day: [y, mo, d] };
  const date = zonedTime(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0), m[7] ? 'UTC' : zone);
  return { date, zone: m[7] ? calendarZone : zone, allDay: false };
}

/** RFC 5545 durations: `PT2H`, `P1D`, `P1DT1H30M`, `P1W`. */
function durationMs(value: string | undefined): number | undefined {
  const m = value && /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [w, d, h, mi, s] = m.slice(2).map((n) => Number(n ?? 0));
  return (m[1] === '-' ? -1 : 1) * ((((w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000;
}

function attendanceOf(place: string, online: string | undefined): AttendanceMode | undefined {
  return online ? (place ? 'hybrid' : 'online') : place ? 'in-person' : undefined;
}

function toWorkshop(props: Map<string, Line[]>, calendarZone: string | undefined, base: string): Workshop | undefined {
  const one = (name: string) => props.get(name)?.[0];
  const textOf = (name: string) => unescapeText(one(name)?.value ?? '');
  const start = dateOf(one('DTSTART'), calendarZone);
  if (!start?.date) return undefined;
  const endLine = one('DTEND');
  const end = dateOf(endLine, calendarZone);
  if (endLine && !end?.date) return undefined;
  let endDate = end?.date;
  const duration = durationMs(one('DURATION')?.value);
  if (!endLine && duration !== undefined) endDate = new Date(start.date.getTime() + duration);
  // An all-day event lasts at least its day (some exporters write DTEND equal to DTSTART).
  if (start.day && (!endDate || endDate <= start.date))
    endDate = midnight(start.day[0], start.day[1], start.day[2], start.zone, 1);
  const description = textOf('DESCRIPTION');
  const described = fromDescription(description);
  const location = collapse(textOf('LOCATION'));
  const locationUrl = /^https?:\/\/\S+$/.test(location) ? safeUrl(location, base) : undefined;
  const online =
    safeUrl(one('CONFERENCE')?.value, base) ??
    safeUrl(one('X-GOOGLE-CONFERENCE')?.value, base) ??
    locationUrl ??
    (/^(online|zoom|virtual)\b/i.test(location) ? '' : undefined);
  const place = locationUrl || /^(online|zoom|virtual)$/i.test(location) ? '' : location;
  // "Name, street, city" as The Events Calendar writes LOCATION: the first part names the venue.
  const comma = place.indexOf(',');
  const image = (props.get('ATTACH') ?? []).find(
    (a) => /^image\//i.test(a.params.FMTTYPE ?? '') || /\.(jpe?g|png|gif|webp)(\?|$)/i.test(a.value),
  );
  const imageUrl = safeUrl(image?.value, base, 'image');
  const url = safeUrl(one('URL')?.value, base);
  const uid = one('UID')?.value.trim() ?? '';
  const recurrence = one('RECURRENCE-ID')?.value ?? '';
  const status = one('STATUS')?.value.trim().toUpperCase();
  const title = collapse(textOf('SUMMARY'));
  return {
    id: (uid || `${title}|${start.date.toISOString()}`) + (recurrence ? `|${recurrence}` : ''),
    title,
    url,
    start: start.date,
    end: endDate,
    timeZone: start.zone,
    allDay: start.allDay,
    place: place
      ? comma > 0
        ? { name: place.slice(0, comma), address: place.slice(comma + 1).trim() }
        : { name: place }
      : undefined,
    onlineUrl: online || undefined,
    attendance: attendanceOf(place, online),
    presenters: described.presenters,
    ceCredits: described.ceCredits,
    price: described.price,
    summary: collapse(description),
    status: status === 'CANCELLED' ? 'cancelled' : 'scheduled',
    categories: (props.get('CATEGORIES') ?? [])
      .flatMap((c) => c.value.split(/(?<!\\),/).map((v) => collapse(unescapeText(v))))
      .filter(Boolean),
    image: imageUrl ? { src: imageUrl, alt: '' } : undefined,
  };
}

/**
 * `format="ics"`: the `VEVENT`s of an iCalendar file as The Events Calendar and Google Calendar
 * export them: folded lines, escaped text, `TZID`, UTC and floating times, all-day dates,
 * `STATUS:CANCELLED`, and recurring events (`RRULE`, `RDATE`, `EXDATE`, `RECURRENCE-ID`), which the
 * widget expands as far as it shows them (see ical/recurrence.ts).
 */
export function parseIcs(body: Body): Parsed<Workshop> {
  const text = body.text.replace(/^\uFEFF/, '').trimStart();
  if (!/^BEGIN:VCALENDAR/i.test(text)) {
    throw formatError(
      text.startsWith('<')
        ? 'it is an HTML page, not an iCalendar file'
        : 'the file is not iCalendar (no BEGIN:VCALENDAR)',
      'Point src at an .ics export, e.g. The Events Calendar\u2019s /events/?ical=1 or a Google Calendar \u201cpublic address in iCal format\u201d.',
    );
  }
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n|\r/);
  let calendarZone: string | undefined;
  let firstTimezone: string | undefined;
  const definedZones = new Set<string>();
  const events: Map<string, Line[]>[] = [];
  let current: Map<string, Line[]> | undefined;
  let depth = 0; // Components nested in the VEVENT (VALARM) are not the event's properties.
  for (const raw of lines) {
    const line = parseLine(raw);
    if (!line) continue;
    const value = line.value.trim().toUpperCase();
    if (line.name === 'BEGIN') {
      if (value === 'VEVENT' && !current) {
        current = new Map();
        depth = 0;
      } else if (current) depth++;
    } else if (line.name === 'END') {
      if (current && depth === 0 && value === 'VEVENT') {
        events.push(current);
        current = undefined;
      } else if (current) depth--;
    } else if (current && depth === 0) {
      const list = current.get(line.name);
      if (list) list.push(line);
      else current.set(line.name, [line]);
    } else if (!current && line.name === 'X-WR-TIMEZONE') calendarZone = normalizeZone(unescapeText(line.value));
    else if (!current && line.name === 'TZID') {
      firstTimezone ??= normalizeZone(line.value);
      definedZones.add(line.value);
    }
  }
  calendarZone ??= firstTimezone;
  // A VEVENT cut off before its END (a truncated download) is counted as skipped.
  const zone = calendarZone;
  return finish(
    assembleEvents(events, (props) => toWorkshop(props, zone, body.url), zone, definedZones, body.url),
    current ? 1 : 0,
  );
}

export default parseIcs;
