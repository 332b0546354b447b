/**
 * Dates as feeds write them: ISO 8601 / W3C-DTF (Atom, JSON, WordPress) and RFC 822 (RSS), with the
 * sloppy variants real feeds carry. `Date.parse` is not used: each engine accepts different strings.
 * The common forms are read by common-dates.ts, all the RSS reader carries: it loads this module on
 * demand, for a date that one cannot read.
 */
import { MONTHS, monthIndex, parseIsoDate, utc, utcOffset } from './common-dates.js';

export { parseIsoDate };

// Offsets in minutes east of UTC for the zone names RSS feeds use (UT, UTC, GMT and Z: utcOffset).
const ZONES: Record<string, number> = {
  'etc/gmt': 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ast: -240,
  adt: -180,
  akst: -540,
  akdt: -480,
  hst: -600,
  at: -240,
  et: -300,
  ct: -360,
  mt: -420,
  pt: -480,
  met: 60,
  mest: 120,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  bst: 60,
  ist: 330,
  jst: 540,
  a: -60,
  m: -720,
  n: 60,
  y: 720,
};

function offsetMinutes(zone: string | undefined): number | undefined {
  const z = zone?.toLowerCase();
  return z && z in ZONES ? ZONES[z] : utcOffset(zone);
}

/** RFC 822 / 1123 as RSS writes it, also with 2-digit years, long month names and no seconds. */
export function parseRfc822Date(input: string): Date | undefined {
  const text = input
    .trim()
    .replace(/^[a-z]+,?\s*/i, '')
    .replace(/,/g, ' ');
  let m = /^(\d{1,2})\s+([a-z]+)\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+(\S+))?$/i.exec(text);
  let day: string, month: string, year: string;
  let time: (string | undefined)[];
  if (m) {
    [, day, month, year] = m as unknown as string[];
    time = [m[4], m[5], m[6], m[7]];
  } else {
    // "Thu Aug 30 2012 17:26:16 +0200" and asctime "Sun Jan  4 16:29:06 2004"
    m = /^([a-z]+)\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+(\S+))?$/i.exec(text);
    const asc = m ? undefined : /^([a-z]+)\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\s+(\S+))?\s+(\d{4})$/i.exec(text);
    if (m) {
      [, month, day, year] = m as unknown as string[];
      time = [m[4], m[5], m[6], m[7]];
    } else if (asc) {
      [, month, day] = asc as unknown as string[];
      year = asc[7];
      time = [asc[3], asc[4], asc[5], asc[6]];
    } else return undefined;
  }
  const mo = monthIndex(month);
  if (!mo) return undefined;
  let y = Number(year);
  if (year.length === 2) y += y < 70 ? 2000 : 1900;
  const offset = offsetMinutes(time[3]);
  if (offset === undefined) return undefined;
  return utc(y, mo, Number(day), Number(time[0] ?? 0), Number(time[1] ?? 0), Number(time[2] ?? 0), offset);
}

/** Rarer forms: ISO 8601 with 2-digit years (`031231`, `03-12-31`, `-0312`) and Korean blogs' dates (KST). */
function parseOtherDate(text: string): Date | undefined {
  let m = /^-?(\d\d)-?(\d\d)(?:-?(\d\d))?$/.exec(text);
  if (m) return utc(2000 + Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
  m = /^(\d{4})(?:-|년\s*)(\d\d?)(?:-|월\s*)(\d\d?)일?\s+(?:(오[전후])\s*)?(\d\d?):(\d\d):(\d\d)$/.exec(text);
  if (!m) return undefined;
  const hour = m[4] ? (Number(m[5]) % 12) + (m[4] === '오후' ? 12 : 0) : Number(m[5]);
  return utc(Number(m[1]), Number(m[2]), Number(m[3]), hour, Number(m[6]), Number(m[7]), 540);
}

/** Any date a feed may carry, or `undefined` when it cannot be read. */
export function parseDate(input: string | null | undefined): Date | undefined {
  const text = input?.trim();
  if (!text) return undefined;
  return (
    parseIsoDate(text) ??
    // Perforce writes "Fri, 2006/09/15 08:19:53 EDT".
    parseRfc822Date(
      text.replace(/^(?:[a-z]+,\s*)?(\d{4})\/(\d\d)\/(\d\d)/i, (_, y, mo, d) => `${d} ${MONTHS[mo - 1]} ${y}`),
    ) ??
    parseOtherDate(text)
  );
}
