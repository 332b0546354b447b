/**
 * Cached `Intl` formatters: the first `Intl.DateTimeFormat` costs more than evaluating Lit, so each
 * combination of locale, zone and style is built once per page and reused by every widget.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
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

/** Numbers as the reader writes them ("1,2" in Spanish); the browser's own locale when `locale` is not one. */
export function numberFormat(locale: string | undefined): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale);
  } catch {
    return new Intl.NumberFormat();
  }
}

let warming: ReturnType<typeof setTimeout> | undefined;

/**
 * The first `Intl.DateTimeFormat` of a page loads the engine's date data: 25–50 ms on a desktop, four
 * times that on a phone. Widgets that show dates call this when they are defined, so that the cost is
 * paid in a task of its own while the data is on its way, not in the task that renders the items.
 */
export function warmDateFormats(): void {
  warming ??= setTimeout(() => dateTimeFormat(undefined, { dateStyle: 'long' }));
}

/** A `Date` from a model field that may be a `Date` or an ISO string (items set from script). */
export function toDate(value: Date | string | undefined | null): Date | undefined {
  // Nothing ('', null, undefined) is no date, not the epoch that new Date(null) would give.
  const date = value instanceof Date ? value : new Date(value || NaN);
  return Number.isNaN(+date) ? undefined : date;
}

/**
 * "2027-03-05": the calendar date of `date` in `timeZone` (the browser's zone when undefined), for
 * machine-readable output (`datetime` attributes, iCalendar, calendar links). Rearranged from en-US
 * "03/05/2027": which locale writes y-m-d depends on the engine's ICU data (WebKitGTK's `en-CA` writes
 * 03/05/2027), while en-US writes m/d/y everywhere.
 */
export function isoDay(date: Date, timeZone?: string): string {
  const [month, day, year] = dateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date)
    .split('/');
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
