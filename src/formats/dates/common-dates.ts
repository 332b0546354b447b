/**
 * The dates most feeds carry, read exactly as dates.ts reads them: ISO 8601 / W3C-DTF (Atom, JSON,
 * WordPress, `dc:date`) and RFC 822 as WordPress's `/feed/` writes it (`Wed, 05 Mar 2026 12:00:00 +0000`),
 * in UT, GMT, Z or a numeric offset. Small, for the RSS reader: dates.ts, the full reader (named zones,
 * 2-digit years, asctime, Perforce, Korean blogs …), loads only for a date this one cannot read.
 * `Date.parse` is not used: each engine accepts different strings.
 */

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The date of these UTC fields moved by `offset` minutes east of UTC, or `undefined` for an impossible one. */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offset = 0, ms = 0): Date | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  if (h === 24 && (mi || s)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi - offset, Math.min(s, 59), ms);
  if (date.getUTCFullYear() > 9999 || Number.isNaN(date.getTime())) return undefined;
  // Reject 31 February and the like rather than rolling over into the next month.
  const check = new Date(0);
  check.setUTCFullYear(y, mo - 1, d);
  return check.getUTCDate() === d ? date : undefined;
}

/** Minutes east of UTC of no zone, UT, UTC, GMT, Z or a numeric offset (`+0000`, `-04:00`, `GMT-01:01`). */
export function utcOffset(zone: string | undefined): number | undefined {
  if (!zone || /^(?:gmt|utc?|z)$/i.test(zone)) return 0;
  const m = /^(?:gmt|utc)?([+-])(\d\d):?(\d\d)?$/i.exec(zone);
  if (!m || Number(m[2]) > 14) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * ISO 8601 / W3C-DTF: `2016-04-11`, `2016-04-11T14:00:00-04:00`, `2004-07-08 23:56:58`, `2003-12`, and
 * Google's 3-digit months (`2003-012-31`).
 */
export function parseIsoDate(input: string): Date | undefined {
  const m =
    /^(\d{4})(?:-(\d{2,3})(?:-(\d{2}))?)?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      input.trim(),
    );
  const offset = utcOffset(m?.[8]);
  if (!m || offset === undefined) return undefined;
  // Fractional seconds are kept (to the millisecond): `…:00.250-04:00`.
  const ms = Math.round(Number(`0.${m[7] ?? 0}`) * 1000);
  return utc(
    Number(m[1]),
    Number(m[2] ?? 1),
    Number(m[3] ?? 1),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    offset,
    ms,
  );
}

/** The number (1–12) of a month named in English, by its first three letters; 0 for none. */
export function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A date in the forms above, or `undefined`: then the full reader (`parseDate` of dates.ts) may still
 * read it. What this reads, that one reads the same.
 */
export function parseCommonDate(input: string): Date | undefined {
  const text = input.trim();
  const iso = parseIsoDate(text);
  if (iso) return iso;
  // RFC 822 as dates.ts's reader sees it (day name and commas dropped), with a 4-digit year.
  const m = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+(\S+))?$/i.exec(
    text.replace(/^[a-z]+,?\s*/i, '').replace(/,/g, ' '),
  );
  const offset = utcOffset(m?.[7]);
  if (!m || offset === undefined) return undefined;
  return utc(
    Number(m[3]),
    monthIndex(m[2]),
    Number(m[1]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    offset,
  );
}
