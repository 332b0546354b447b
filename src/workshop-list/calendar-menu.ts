import type { Workshop } from '../model.js';
import type { Series } from '../formats/ical/recurrence.js';
import { isoDay } from '../shared/format.js';
import { fill } from '../shared/strings.js';
import { fileName, toIcs } from './ics-write.js';

/** The widget's words in the reader's language (its `term`): the key itself when it has none. */
export type Term = (key: string, values?: Record<string, unknown>) => string;

/**
 * The list's own words in English, here rather than in the widget's `defaultStrings` so that a page
 * downloads them with the list; the `strings` attribute and the languages reword them as any other.
 */
export const menuStrings: Record<string, string> = {
  googleCalendar: 'Google Calendar',
  outlook: 'Outlook.com',
  icsFile: 'Download .ics file',
  icsFileFor: 'for {title} (Apple Calendar, Outlook)',
  subscribe: 'Subscribe to all these workshops',
  subscribeHint: 'in your calendar app',
  newTab: '(opens in a new tab)',
};

/** One entry of the "Add to calendar" list: visible text, the rest of its name for screen readers, its address, and a file name for a download. */
export type CalendarEntry = [text: string, hint: string, href: string, download?: string];

// One list per workshop object, made when it first opens: re-rendering keeps the same nodes (and focus),
// and the workshop's .ics is one Blob URL (no `data:` URL in any href).
const menus = new WeakMap<Workshop, HTMLUListElement>();

/** A Google Calendar "add event" link: UTC times (dates for all-day workshops) and the event's zone. */
function googleUrl(w: Workshop, start: Date, end: Date, place: string): string {
  // 20261205 for a day, 20261205T150000Z for a time.
  const stamp = (date: Date) =>
    (w.allDay ? isoDay(date, w.timeZone ?? 'UTC') : date.toISOString()).replace(/[-:]|\.\d{3}/g, '');
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: w.title,
    dates: `${stamp(start)}/${stamp(end)}`,
    details: [w.summary?.slice(0, 800), w.url].filter(Boolean).join('\n\n'),
    location: place,
  });
  if (w.timeZone?.includes('/')) params.set('ctz', w.timeZone);
  return `https://calendar.google.com/calendar/render?${params}`;
}

/**
 * An Outlook on the web (Outlook.com) "new event" link: `subject`, `startdt` and `enddt` in UTC (dates, with
 * `allday`, for all-day workshops; the end date is inclusive there), `location` and `body`.
 */
function outlookUrl(w: Workshop, start: Date, end: Date, place: string): string {
  const day = (date: Date) => isoDay(date, w.timeZone ?? 'UTC');
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: w.title,
    startdt: w.allDay ? day(start) : start.toISOString().replace(/\.\d{3}/, ''),
    enddt: w.allDay ? day(new Date(Math.max(+start, +end - 1))) : end.toISOString().replace(/\.\d{3}/, ''),
    allday: String(Boolean(w.allDay)),
    location: place,
    body: [w.summary?.slice(0, 800), w.url].filter(Boolean).join('\n\n'),
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}

/**
 * What "Add to calendar" offers for a workshop: Google Calendar, Outlook on the web, the .ics file (Apple
 * Calendar, Outlook for Windows and others), and, when the workshops come from an iCalendar feed on the web,
 * a subscription to that feed (`webcal:`, built by the iCalendar parser from the feed's own address).
 */
export function calendarEntries(w: Workshop, start: Date, end: Date, place: string, words: Term): CalendarEntry[] {
  const title = w.title;
  const term: Term = (key, values) => {
    const text = words(key, values);
    return text === key && Object.hasOwn(menuStrings, key) ? fill(menuStrings[key], values) : text;
  };
  const web = `: ${title} ${term('newTab')}`;
  const entries: CalendarEntry[] = [
    [term('googleCalendar'), web, googleUrl(w, start, end, place)],
    [term('outlook'), web, outlookUrl(w, start, end, place)],
  ];
  const file = URL.createObjectURL(new Blob([toIcs(w)], { type: 'text/calendar;charset=utf-8' }));
  entries.push([term('icsFile'), ` ${term('icsFileFor', { title })}`, file, fileName(w)]);
  const feed = (w as Series).calendar;
  if (feed?.startsWith('webcal://')) entries.push([term('subscribe'), ` ${term('subscribeHint')}`, feed]);
  return entries;
}

/**
 * The list itself, built with the DOM (this file carries no template library): `<ul part="calendar-menu">`
 * of links `part="link calendar"`, each named in full for screen readers; web links open in a new tab.
 */
export function calendarMenu(
  w: Workshop,
  start: Date,
  end: Date | undefined,
  place: string,
  term: Term,
): HTMLUListElement {
  let list = menus.get(w);
  if (list) return list;
  const make = <K extends keyof HTMLElementTagNameMap>(name: K, parent: Element, text = '') => {
    const element = parent.appendChild(document.createElement(name));
    element.textContent = text;
    return element;
  };
  list = document.createElement('ul');
  list.setAttribute('part', 'calendar-menu');
  list.setAttribute('role', 'list');
  for (const [text, hint, href, download] of calendarEntries(w, start, end ?? start, place, term)) {
    const link = make('a', make('li', list), text);
    link.setAttribute('part', 'link calendar');
    link.href = href;
    if (download) link.download = download;
    else if (href.startsWith('https:')) link.target = '_blank';
    make('span', link, hint).className = 'visually-hidden';
  }
  menus.set(w, list);
  return list;
}
