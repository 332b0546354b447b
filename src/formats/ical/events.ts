import type { Workshop } from '../../model.js';
import {
  expandSeries,
  instant,
  parseRule,
  wallOf,
  zoneParam,
  type IcsLine,
  type IcsProps,
  type Series,
  type SeriesSource,
} from './recurrence.js';

const DAY = 86_400_000;
// One warning per problem per page, though a saved copy and the fresh answer are both parsed.
const warned = new Set<string>();

/** Warns once, naming the event, the cause and the fix (what `finish` only counts). */
function skip(props: IcsProps, url: string, cause: string, fix: string): undefined {
  const title = (props.get('SUMMARY')?.[0]?.value ?? '').replace(/\\(.)/g, '$1').trim() || '(untitled)';
  const uid = props.get('UID')?.[0]?.value.trim();
  const message = `iigp-widgets: skipped the workshop "${title}"${uid ? ` (UID ${uid})` : ''} in ${url}: ${cause}. ${fix}`;
  if (!warned.has(message)) console.warn(message);
  warned.add(message);
  return undefined;
}

/** Instants of the values of DATE / DATE-TIME lines (`EXDATE`, `RDATE`, `RECURRENCE-ID`), read in `zone` unless they name theirs. */
function instants(lines: IcsLine[] | undefined, zone: string | undefined): number[] {
  return (lines ?? []).flatMap((line) =>
    line.value.split(',').map((value) => {
      const parsed = wallOf(value.split('/')[0]);
      return !parsed ? NaN : parsed.utc ? parsed.wall : instant(parsed.wall, zoneParam(line) ?? zone);
    }),
  );
}

/**
 * The workshops of a calendar's `VEVENT`s: recurring events (`RRULE`, `RDATE`) become series that the widget
 * expands (see `expandSeries`), overrides (`RECURRENCE-ID`) join their series (a cancelled one removes its
 * occurrence), an override without its series stands alone. An event with a time zone no browser knows, an
 * unreadable start, an end before its start or a rule that cannot be read is skipped with one warning that
 * names it; one that `build` cannot read comes back `undefined`, to be counted.
 */
export function assembleEvents(
  events: IcsProps[],
  build: (props: IcsProps) => Workshop | undefined,
  calendarZone: string | undefined,
  definedZones: Set<string>,
  url: string,
): (Workshop | undefined)[] {
  // Subscribing is offered for web addresses only, as webcal: (the calendar programs' scheme for a feed).
  const calendar = /^https?:/.test(url) ? `webcal${url.slice(url.indexOf(':'))}` : undefined;
  const tag = <T extends Workshop>(w: T) =>
    calendar ? Object.defineProperty(w, 'calendar', { value: calendar, configurable: true }) : w;
  const results: (Workshop | undefined)[] = [];
  const sources = new Map<string, SeriesSource>();
  const overrides: [IcsProps, Workshop][] = [];
  for (const props of events) {
    const one = (name: string) => props.get(name)?.[0];
    const start = one('DTSTART');
    const wall = start && wallOf(start.value);
    const named = [start, one('DTEND'), one('RECURRENCE-ID')].find(
      (line) => line && zoneParam(line) === null && !definedZones.has(line.params.TZID),
    );
    if (named) {
      const zone = named.params.TZID;
      if (zone)
        skip(
          props,
          url,
          `its time zone "${zone}" is not one a browser knows`,
          'Use an IANA zone name such as America/Detroit.',
        );
      else
        skip(props, url, 'its TZID is empty', 'Give the time zone, e.g. DTSTART;TZID=America/Detroit:20270115T190000.');
      continue;
    }
    if (start && !wall) {
      skip(
        props,
        url,
        `its start "${start.value.trim()}" is not a date a calendar can show`,
        'Write DTSTART as YYYYMMDD or YYYYMMDDTHHMMSS.',
      );
      continue;
    }
    const rules = props.get('RRULE') ?? [];
    const rule = rules[0] && parseRule(rules[0].value, Boolean(wall?.date));
    if (typeof rule === 'string') {
      skip(
        props,
        url,
        `its RRULE cannot be expanded (${rule})`,
        'Fix the rule in the calendar program that exported it.',
      );
      continue;
    }
    const workshop = build(props);
    if (workshop && +workshop.end! < +workshop.start) {
      skip(props, url, 'it ends before it starts', 'Correct its end (DTEND) or start (DTSTART).');
      continue;
    }
    if (!workshop || !wall) {
      results.push(workshop);
      continue;
    }
    tag(workshop);
    const uid = one('UID')?.value.trim() ?? '';
    if (one('RECURRENCE-ID')) {
      overrides.push([props, workshop]);
      continue;
    }
    results.push(workshop);
    const zone = wall.utc ? 'UTC' : (zoneParam(start) ?? calendarZone ?? (wall.date ? 'UTC' : undefined));
    const endLine = one('DTEND');
    const endWall = endLine && wallOf(endLine.value);
    // DTEND in the same zone: the length in wall time (a 7–9 pm meeting stays 7–9 pm after a clock change).
    const exact = +(workshop.end ?? workshop.start) - +workshop.start;
    const length =
      endWall && endWall.utc === wall.utc && endLine.params.TZID === start.params.TZID
        ? endWall.wall - wall.wall
        : wall.date
          ? Math.round(exact / DAY) * DAY
          : exact;
    if (uid && (rule || props.has('RDATE') || !sources.has(uid))) {
      sources.set(uid, {
        base: workshop,
        uid,
        rule,
        start: wall.wall,
        zone,
        allDay: wall.date,
        length,
        rdates: instants(props.get('RDATE'), zone),
        exdates: new Set(instants(props.get('EXDATE'), zone)),
        overrides: new Map(),
      });
    }
  }
  for (const [props, workshop] of overrides) {
    const source = sources.get(props.get('UID')?.[0]?.value.trim() ?? '');
    const [at] = instants(props.get('RECURRENCE-ID'), source?.zone ?? calendarZone);
    if (source && Number.isFinite(at)) source.overrides.set(at, workshop);
    else results.push(workshop);
  }
  for (const source of sources.values()) {
    if (!source.rule && !source.rdates.length && !source.overrides.size) continue;
    let memo: { key: string; items: Workshop[] } | undefined;
    const expand = (now: number, when: string, limit: number) => {
      // Worked out once a minute per view: every render asks again.
      const minute = Math.floor(now / 60_000) * 60_000;
      const key = `${when} ${limit} ${minute}`;
      if (memo?.key !== key)
        memo = { key, items: expandSeries(source, minute + (when === 'past' ? 60_000 : 0), when, limit + 1).map(tag) };
      return memo.items;
    };
    Object.defineProperty(source.base as Series, 'expand', { value: expand, configurable: true });
  }
  return results;
}
