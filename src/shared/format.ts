/**
 * Cached `Intl` formatters: the first `Intl.DateTimeFormat` costs more than evaluating Lit, so each
 * combination of locale, zone and style is built once per page and reused by every widget.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, options]);
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown locale or time zone from an attribute falls back to the browser's own.
      const { timeZone: _ignored, ...rest } = options;
      format = new Intl.DateTimeFormat(undefined, rest);
    }
    formatters.set(key, format);
  }
  return format;
}

/** A `Date` from a model field that may be a `Date` or an ISO string (items set from script). */
export function toDate(value: Date | string | undefined | null): Date | undefined {
  // Nothing ('', null, undefined) is no date, not the epoch that new Date(null) would give.
  const date = value instanceof Date ? value : new Date(value || NaN);
  return Number.isNaN(+date) ? undefined : date;
}
