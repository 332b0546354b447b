/**
 * Wall-clock times in a named zone as instants, with `Intl` (no zone database in the bundle): The
 * Events Calendar and Google Calendar write IANA names (`America/Detroit`), which every browser knows.
 * One formatter per zone, cached.
 */
const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    formats.set(zone, format);
  }
  return format;
}

/**
 * The zone as the model keeps it: an IANA name the browser knows, or a UTC offset `±hh:mm` (from
 * `-05:00`, `-0500`, `UTC-5`, `GMT+5:30`, `UTC+5.5`), or `undefined` when it is neither.
 */
export function normalizeZone(value: string | undefined | null): string | undefined {
  const zone = value?.trim().replace(/^"|"$/g, '');
  if (!zone) return undefined;
  if (/^(z|utc|gmt|etc\/utc|etc\/gmt)$/i.test(zone)) return 'UTC';
  const offset = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d\d)|\.(\d+))?$/i.exec(zone);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = offset[3] ? Number(offset[3]) : offset[4] ? Math.round(Number(`0.${offset[4]}`) * 60) : 0;
    if (hours > 14 || minutes > 59) return undefined;
    if (!hours && !minutes) return 'UTC';
    return `${offset[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  }
  if (formatFor(zone)) return zone;
  // "/citadel.org/20190914_1/America/New_York" and similar prefixed TZIDs.
  // From the start of a segment only (a pattern tried at every start of a long run is quadratic).
  const tail = /(?<![\w+-])[A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?$/.exec(zone)?.[0];
  return tail && formatFor(tail) ? tail : undefined;
}

/** Date.UTC (month 0–11) without its reading of the years 0–99 as 1900–1999: the year 0099 is 0099. */
export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return new Date(0).setUTCFullYear(y, mo, d) + ((h * 60 + mi) * 60 + s) * 1000;
}

/** Milliseconds `zone` is ahead of UTC at the instant `time`. */
export function offsetMs(zone: string, time: number): number {
  const offset = /^([+-])(\d\d):(\d\d)$/.exec(zone);
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  const format = formatFor(zone);
  if (!format) return 0;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(time)) parts[part.type] = Number(part.value);
  const wall = utcMs(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return wall - (time - (((time % 1000) + 1000) % 1000));
}

/**
 * The instant of a wall-clock time in `zone` (a normalised zone, see `normalizeZone`); without a zone
 * it is a floating time, read in the reader's zone. Impossible dates (31 February) give `undefined`.
 * In a spring-forward gap the time moves forward; in a fall-back overlap the earlier instant wins.
 */
export function zonedTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, zone?: string): Date | undefined {
  const wall = utcMs(y, mo - 1, d, h, mi, Math.min(s, 59));
  const check = new Date(wall);
  if (Number.isNaN(wall) || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 60)
    return undefined;
  if (!zone) {
    const local = new Date(y, mo - 1, d, h, mi, Math.min(s, 59));
    local.setFullYear(y);
    return local;
  }
  const first = offsetMs(zone, wall);
  let time = wall - first;
  const second = offsetMs(zone, time);
  if (second !== first) {
    const other = wall - second;
    // Overlap: both candidates read back as the wall time; take the earlier. Gap: neither does; move forward.
    // Next to a change only one may (2:00 after a fall-back exists once, as standard time): take that one.
    const fits = (t: number) => t + offsetMs(zone, t) === wall;
    const [a, b] = [fits(time), fits(other)];
    time = a && b ? Math.min(time, other) : a ? time : b ? other : Math.max(time, other);
  }
  return new Date(time);
}

/** Midnight starting the day `days` after a valid date, in `zone`, or in UTC when no zone is known. */
export function midnight(y: number, mo: number, d: number, zone?: string, days = 0): Date | undefined {
  if (!zonedTime(y, mo, d, 0, 0, 0, 'UTC')) return undefined;
  const day = new Date(utcMs(y, mo - 1, d + days));
  return zonedTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 0, 0, 0, zone ?? 'UTC');
}
