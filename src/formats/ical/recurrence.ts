import type { Workshop } from '../../model.js';
import { markChecked } from '../../shared/url.js';
import { normalizeZone, utcMs, zonedTime } from '../dates/zone.js';

/**
 * Recurring iCalendar events (RFC 5545 `RRULE`, `RDATE`, `EXDATE`, `RECURRENCE-ID`), expanded in the
 * event's own zone: occurrences are wall-clock times (a 7 pm group stays at 7 pm across a daylight-saving
 * change), turned into instants one by one.
 *
 * A recurring event parses to one workshop (its first occurrence) that carries `expand`: the widget asks it
 * for the occurrences it can show (`when`, `limit`, now), never for the whole series, so a rule without end,
 * or one repeating every second, costs what a list of `limit` workshops costs. `MAX_PERIODS` bounds the
 * work of rules that rarely or never match (`BYMONTH=2;BYMONTHDAY=30`).
 */

/** The occurrences a widget can show, from a recurring event; see `Series`. */
export type Expand = (now: number, when: string, limit: number) => Workshop[];

/** A workshop from iCalendar: `expand` when it recurs, `calendar` (a `webcal:` address) to subscribe to its feed. */
export type Series = Workshop & { expand?: Expand; calendar?: string };

/** A content line as the iCalendar reader hands it over. */
export interface IcsLine {
  name: string;
  params: Record<string, string>;
  value: string;
}
export type IcsProps = Map<string, IcsLine[]>;

const DAY = 86_400_000;
/** Periods (years, months, weeks, days…) looked at per expansion at most. */
const MAX_PERIODS = 5000;
const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const [YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY] = [0, 1, 2, 3, 4];
const HOUR = 3_600_000;
const UNIT = [0, 0, 0, 0, HOUR, 60_000, 1000];
/** About how long each period is, for margins. */
const PERIOD = [365 * DAY, 28 * DAY, 7 * DAY, DAY, HOUR, 60_000, 1000];

/** A parsed `RRULE`. Times are "wall" milliseconds: the wall-clock time read as if it were UTC. */
interface Rule {
  freq: number;
  interval: number;
  count?: number;
  /** Wall time (`untilUtc` false) or instant of the last possible occurrence. */
  until?: number;
  untilUtc?: boolean;
  byday: [number, number][];
  bymonthday: number[];
  bymonth: number[];
  byyearday: number[];
  bysetpos: number[];
  byhour: number[];
  byminute: number[];
  bysecond: number[];
  wkst: number;
}

/** A DATE or DATE-TIME value as wall milliseconds, with whether it is a date and whether it is UTC. */
export function wallOf(value: string): { wall: number; date: boolean; utc: boolean } | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)(Z)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((n) => Number(n ?? 0));
  const wall = utcMs(y, mo - 1, d, h, mi, Math.min(s, 59));
  const check = new Date(wall);
  if (Number.isNaN(wall) || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 60) return undefined;
  return { wall, date: !m[4], utc: Boolean(m[7]) };
}

/** The instant of a wall time in `zone` (undefined zone: floating, read in the reader's zone). */
export function instant(wall: number, zone: string | undefined): number {
  const t = new Date(wall);
  const date = zonedTime(
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
    zone,
  );
  return date ? date.getTime() : NaN;
}

function numbers(value: string | undefined, min: number, max: number, zero = false): number[] | string {
  const list = value ? value.split(',').map(Number) : [];
  const bad = list.find((n) => !Number.isInteger(n) || n < min || n > max || (!zero && n === 0));
  return bad === undefined ? list : `${value} is out of range`;
}

/** Reads an `RRULE`; a string says what is wrong with it. */
export function parseRule(text: string, date: boolean): Rule | string {
  const parts: Record<string, string> = {};
  for (const part of text.trim().split(';')) {
    const [key, value = ''] = part.split('=');
    if (key) parts[key.trim().toUpperCase()] = value.trim().toUpperCase();
  }
  const freq = FREQS.indexOf(parts.FREQ);
  if (freq < 0) return `FREQ=${parts.FREQ ?? ''} is not a frequency`;
  if (parts.BYWEEKNO) return 'BYWEEKNO is not supported';
  const interval = parts.INTERVAL ? Number(parts.INTERVAL) : 1;
  const count = parts.COUNT ? Number(parts.COUNT) : undefined;
  if (!(Number.isInteger(interval) && interval > 0) || (count !== undefined && !(Number.isInteger(count) && count > 0)))
    return 'INTERVAL or COUNT is not a positive number';
  const byday: [number, number][] = [];
  for (const entry of parts.BYDAY ? parts.BYDAY.split(',') : []) {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(entry);
    const day = m ? WEEKDAYS.indexOf(m[2]) : -1;
    const ordinal = Number(m?.[1] ?? 0);
    // An ordinal counts within a month (at most 5), or within a year (53); daily and weekly rules have none.
    const most = freq === MONTHLY || (freq === YEARLY && parts.BYMONTH) ? 5 : freq === YEARLY ? 53 : 0;
    if (day < 0 || (m?.[1] && (ordinal === 0 || Math.abs(ordinal) > most)))
      return `BYDAY=${parts.BYDAY} names no possible day`;
    byday.push([ordinal, day]);
  }
  const lists = {
    bymonthday: numbers(parts.BYMONTHDAY, -31, 31),
    bymonth: numbers(parts.BYMONTH, 1, 12),
    byyearday: numbers(parts.BYYEARDAY, -366, 366),
    bysetpos: numbers(parts.BYSETPOS, -366, 366),
    byhour: numbers(parts.BYHOUR, 0, 23, true),
    byminute: numbers(parts.BYMINUTE, 0, 59, true),
    bysecond: numbers(parts.BYSECOND, 0, 60, true),
  };
  for (const [name, list] of Object.entries(lists))
    if (typeof list === 'string') return `${name.toUpperCase()}=${list}`;
  const wkst = parts.WKST ? WEEKDAYS.indexOf(parts.WKST) : 1;
  if (wkst < 0) return `WKST=${parts.WKST} is not a weekday`;
  let until: number | undefined;
  let untilUtc = false;
  if (parts.UNTIL) {
    const value = wallOf(parts.UNTIL);
    if (!value) return `UNTIL=${parts.UNTIL} is not a date`;
    // A DATE-only UNTIL on a timed event includes that whole day.
    until = value.date && !date ? value.wall + DAY - 1000 : value.wall;
    untilUtc = value.utc;
  }
  return { freq, interval, count, until, untilUtc, byday, wkst, ...(lists as Record<keyof typeof lists, number[]>) };
}

const dayNumber = (wall: number) => Math.floor(wall / DAY);
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7; // 1 January 1970 was a Thursday.
const ymd = (day: number) => {
  const d = new Date(day * DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};
const dayOf = (y: number, m: number, d: number) => utcMs(y, m - 1, d) / DAY;

/** Days of `[first, last]` that match BYDAY, ordinals counted within that range. */
function byDayIn(rule: Rule, first: number, last: number): number[] {
  const days: number[] = [];
  for (const [ordinal, wd] of rule.byday) {
    const firstMatch = first + ((wd - weekday(first) + 7) % 7);
    const lastMatch = last - ((weekday(last) - wd + 7) % 7);
    if (!ordinal) for (let d = firstMatch; d <= last; d += 7) days.push(d);
    else {
      const d = ordinal > 0 ? firstMatch + (ordinal - 1) * 7 : lastMatch + (ordinal + 1) * 7;
      if (d >= first && d <= last) days.push(d);
    }
  }
  return days;
}

function monthDays(rule: Rule, y: number, m: number): number[] {
  const first = dayOf(y, m, 1);
  const last = dayOf(y, m + 1, 0);
  const length = last - first + 1;
  return rule.bymonthday
    .map((n) => (n > 0 ? first + n - 1 : last + n + 1))
    .filter((d) => d >= first && d <= first + length - 1);
}

/** Whether a day passes the BY* parts that only limit at this frequency. */
function keeps(rule: Rule, day: number, checkMonthDay: boolean, checkWeekday: boolean): boolean {
  const [, m, d] = ymd(day);
  if (rule.bymonth.length && !rule.bymonth.includes(m)) return false;
  if (checkMonthDay && rule.bymonthday.length) {
    const length = ymd(dayOf(ymd(day)[0], m + 1, 0))[2];
    if (!rule.bymonthday.some((n) => (n > 0 ? n : length + n + 1) === d)) return false;
  }
  return !checkWeekday || !rule.byday.length || rule.byday.some(([, wd]) => wd === weekday(day));
}

/** The days of period `k` (the k-th year, month, week or day counted from the first), before times. */
function periodDays(rule: Rule, k: number, start: number): number[] {
  const day0 = dayNumber(start);
  const [y0, m0, d0] = ymd(day0);
  const step = k * rule.interval;
  if (rule.freq === YEARLY) {
    const y = y0 + step;
    const months = rule.bymonth.length ? rule.bymonth : undefined;
    let days: number[];
    if (rule.byyearday.length) {
      const first = dayOf(y, 1, 1);
      const next = dayOf(y + 1, 1, 1);
      days = rule.byyearday
        .map((n) => (n > 0 ? first + n - 1 : next + n))
        .filter((d) => d >= first && d < next && keeps(rule, d, true, true));
    } else if (rule.bymonthday.length) {
      days = (months ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        .flatMap((m) => monthDays(rule, y, m))
        .filter((d) => keeps(rule, d, false, true));
    } else if (rule.byday.length) {
      days = months
        ? months.flatMap((m) => byDayIn(rule, dayOf(y, m, 1), dayOf(y, m + 1, 0)))
        : byDayIn(rule, dayOf(y, 1, 1), dayOf(y, 12, 31));
    } else {
      days = (months ?? [m0]).map((m) => dayOf(y, m, d0)).filter((d) => ymd(d)[2] === d0);
    }
    return days;
  }
  if (rule.freq === MONTHLY) {
    const index = m0 - 1 + step;
    const y = y0 + Math.floor(index / 12);
    const m = (index % 12) + 1;
    if (rule.bymonth.length && !rule.bymonth.includes(m)) return [];
    if (rule.bymonthday.length) {
      const days = monthDays(rule, y, m);
      if (!rule.byday.length) return days;
      const allowed = byDayIn(rule, dayOf(y, m, 1), dayOf(y, m + 1, 0));
      return days.filter((d) => allowed.includes(d));
    }
    if (rule.byday.length) return byDayIn(rule, dayOf(y, m, 1), dayOf(y, m + 1, 0));
    const d = dayOf(y, m, d0);
    return ymd(d)[2] === d0 ? [d] : [];
  }
  if (rule.freq === WEEKLY) {
    const weekStart = day0 - ((weekday(day0) - rule.wkst + 7) % 7) + step * 7;
    const weekdays = rule.byday.length ? rule.byday.map(([, wd]) => wd) : [weekday(day0)];
    return weekdays.map((wd) => weekStart + ((wd - rule.wkst + 7) % 7)).filter((d) => keeps(rule, d, false, false));
  }
  const d = day0 + step;
  return keeps(rule, d, true, true) ? [d] : [];
}

/** The wall times of period `k`, sorted, BYSETPOS applied. */
function periodTimes(rule: Rule, k: number, start: number): number[] {
  let times: number[];
  if (rule.freq >= HOURLY) {
    const wall = start + k * rule.interval * UNIT[rule.freq];
    const t = new Date(wall);
    const ok =
      keeps(rule, dayNumber(wall), true, true) &&
      (!rule.byhour.length || rule.byhour.includes(t.getUTCHours())) &&
      (!rule.byminute.length || rule.byminute.includes(t.getUTCMinutes())) &&
      (!rule.bysecond.length || rule.bysecond.includes(t.getUTCSeconds()));
    times = ok ? [wall] : [];
  } else {
    const t = new Date(start);
    const clock: number[] = [];
    for (const h of rule.byhour.length ? rule.byhour : [t.getUTCHours()])
      for (const mi of rule.byminute.length ? rule.byminute : [t.getUTCMinutes()])
        for (const s of rule.bysecond.length ? rule.bysecond : [t.getUTCSeconds()])
          clock.push(((h * 60 + mi) * 60 + s) * 1000);
    times = periodDays(rule, k, start).flatMap((d) => clock.map((c) => d * DAY + c));
  }
  times = [...new Set(times)].sort((a, b) => a - b);
  if (rule.bysetpos.length)
    times = rule.bysetpos
      .map((n) => times[n > 0 ? n - 1 : times.length + n])
      .filter((t) => t !== undefined)
      .sort((a, b) => a - b);
  return times;
}

/** The period index holding wall time `wall` (floored; may be negative). */
function periodOf(rule: Rule, wall: number, start: number): number {
  const [y, m] = ymd(dayNumber(wall));
  const [y0, m0] = ymd(dayNumber(start));
  const day0 = dayNumber(start);
  const span =
    rule.freq === YEARLY
      ? y - y0
      : rule.freq === MONTHLY
        ? (y - y0) * 12 + m - m0
        : rule.freq === WEEKLY
          ? Math.floor((dayNumber(wall) - (day0 - ((weekday(day0) - rule.wkst + 7) % 7))) / 7)
          : rule.freq === DAILY
            ? dayNumber(wall) - day0
            : Math.floor((wall - start) / UNIT[rule.freq]);
  return Math.floor(span / rule.interval);
}

/**
 * Wall start times of the rule, in order, from period `from` on: `visit` returns false to
 * stop. COUNT is counted from the first period, so a rule with COUNT is always walked from there.
 */
function walk(
  rule: Rule,
  start: number,
  zone: string | undefined,
  from: number,
  visit: (wall: number) => boolean,
): void {
  let counted = 0;
  const k0 = rule.count ? 0 : Math.max(0, from);
  // UNTIL in UTC as a wall time, once (compared per occurrence, the zone would be asked every time).
  const last = rule.until === undefined ? Infinity : rule.untilUtc ? toWall(rule.until, zone) : rule.until;
  for (let k = k0; k < k0 + MAX_PERIODS; k++) {
    // A DTSTART the rule does not match is no occurrence (RFC 5545 leaves it undefined; ical.js agrees).
    // Wall times past the range of Date are NaN and fail the comparison: the walk runs out at MAX_PERIODS.
    for (const wall of periodTimes(rule, k, start).filter((t) => t >= start)) {
      if (wall > last || (rule.count && ++counted > rule.count) || !visit(wall)) return;
    }
  }
}

/** The wall time of an instant in `zone` (the inverse of `instant`, exact away from a clock change). */
function toWall(at: number, zone: string | undefined): number {
  return at + (at - instant(at, zone));
}

/** What a recurring event needs to list its occurrences. */
export interface SeriesSource {
  /** The first occurrence, as parsed; occurrences copy it. */
  base: Workshop;
  uid: string;
  rule?: Rule;
  /** DTSTART as wall time, and the zone it is read in (undefined: floating). */
  start: number;
  zone: string | undefined;
  allDay: boolean;
  /** DTEND − DTSTART in wall time (for all-day events, whole days). */
  length: number;
  /** Extra start instants (`RDATE`), removed ones (`EXDATE`), and moved or cancelled ones by original start. */
  rdates: number[];
  exdates: Set<number>;
  overrides: Map<number, Workshop>;
}

/** The occurrence of the series originally starting at instant `at`: a copy of the first, or its override; none when cancelled. */
function occurrence(source: SeriesSource, at: number): Workshop | undefined {
  const { base, uid, overrides } = source;
  const id = `${uid}|${new Date(at).toISOString()}`;
  const moved = overrides.get(at);
  if (moved) return moved.status === 'cancelled' ? undefined : { ...moved, id };
  return { ...base, id, start: new Date(at) };
}

/**
 * The occurrences to offer for `when` at `now`: the first `limit` not yet ended (`upcoming`), the last
 * `limit` ended (`past`), or the first `limit` (`all`), plus every RDATE and override (explicit entries,
 * as a plain list costs). EXDATEs and cancelled overrides are left out; moved ones are at their new time.
 */
export function expandSeries(source: SeriesSource, now: number, when: string, limit: number): Workshop[] {
  const { rule, start, zone, length, exdates, overrides } = source;
  const want = Math.min(Math.max(0, limit), MAX_PERIODS) + exdates.size + overrides.size + 1;
  const end = (wall: number) => instant(wall + length, zone);
  // Compared in wall time. The zone is asked again only when a clock change is within three hours of now
  // (then wall time and instants disagree by up to an hour there), so a walk costs no Intl call per step.
  const nowWall = toWall(now, zone);
  const steady = [now - 3 * HOUR, now + 3 * HOUR].every((at) => toWall(at, zone) - at === nowWall - now);
  const ended = (wall: number) => {
    const finish = wall + length;
    return Math.abs(finish - nowWall) > 2 * HOUR || steady ? finish <= nowWall : end(wall) <= now;
  };
  const walls: number[] = [];
  if (rule) {
    // Periods to step back from now: a margin for the zone's offset (two days; for sub-daily rules an
    // hour, when a clock change is near).
    const slack = rule.freq < HOURLY ? 2 * DAY : steady ? 0 : HOUR;
    const margin = Math.ceil(slack / (PERIOD[rule.freq] * rule.interval)) + 1;
    if (when === 'past') {
      // The last `want` that ended: look back from now, further each time too few are found. Starts and
      // ends grow together: the walk stops at the first occurrence not yet ended.
      const nowPeriod = periodOf(rule, nowWall, start) + margin;
      for (let back = 2 * want + margin; ; back = Math.min(4 * back, MAX_PERIODS - 1)) {
        const ring: number[] = [];
        walk(rule, start, zone, nowPeriod - back, (wall) => {
          if (!ended(wall)) return false;
          ring.push(wall);
          if (ring.length > want) ring.shift();
          return true;
        });
        if (ring.length >= want || nowPeriod - back <= 0 || back >= MAX_PERIODS - 1 || rule.count) {
          walls.push(...ring);
          break;
        }
      }
    } else {
      const from = when === 'all' ? 0 : periodOf(rule, nowWall - length, start) - margin;
      walk(rule, start, zone, from, (wall) => {
        if (when === 'all' || !ended(wall)) walls.push(wall);
        return walls.length < want;
      });
    }
  } else walls.push(start);
  const items: Workshop[] = [];
  const seen = new Set<number>();
  const add = (at: number, finish: number) => {
    if (seen.has(at) || exdates.has(at) || !Number.isFinite(at)) return;
    seen.add(at);
    const made = occurrence(source, at);
    // A start moved forward out of a spring-forward gap keeps its length.
    if (made && !overrides.has(at)) made.end = new Date(finish < at ? at + length : finish);
    if (made) items.push(made);
  };
  for (const wall of walls) add(instant(wall, zone), end(wall));
  for (const at of source.rdates) add(at, at + (end(start) - instant(start, zone)));
  // Overrides whose original start the window did not reach are occurrences all the same.
  for (const at of overrides.keys()) add(at, 0);
  return markChecked(items);
}

/** A zone the event names: undefined when it names none; null when it names one no browser knows. */
export function zoneParam(line: IcsLine | undefined): string | null | undefined {
  const tzid = line?.params.TZID;
  return tzid === undefined ? undefined : (normalizeZone(tzid) ?? null);
}
