// Workshops from The Events Calendar REST API (/wp-json/tribe/events/v1/events), written out as an
// array of schema.org Event objects (JSON-LD) with local times and their UTC offsets.
import { clip, collapse, decodeHTML, htmlToText, isObject, safeUrl, str, unique } from './text.mjs';

const SCHEMA = 'https://schema.org/';
const LOCAL = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?$/;

/** "2026-01-15 19:00:00" as milliseconds, read as if it were UTC; undefined when not a real date. */
function wallClock(text) {
  const m = LOCAL.exec(collapse(str(text)));
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => Number(v ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? ms : undefined;
}

/** Minutes east of UTC in `zone` (IANA name or "UTC-5"/"UTC+5:30") at a local wall-clock time. */
function zoneOffset(zone, local) {
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d\d))?$/i.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  if (/^(?:UTC|GMT|Z)$/i.test(zone)) return 0;
  let format;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch {
    return undefined;
  }
  const at = (ms) => {
    const name = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  const guess = at(local);
  return at(local - guess * 60_000);
}

const pad = (n) => String(n).padStart(2, '0');
function withOffset(localMs, offset) {
  const iso = new Date(localMs).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${iso}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Start or end of a TEC event: local time with its offset (from the UTC twin or the zone). */
function eventTime(local, utc, zone, allDay) {
  const wall = wallClock(local);
  const universal = wallClock(utc);
  if (allDay && (wall ?? universal) !== undefined) return new Date(wall ?? universal).toISOString().slice(0, 10);
  const twin = wall !== undefined && universal !== undefined ? Math.round((wall - universal) / 60_000) : undefined;
  if (twin !== undefined && Math.abs(twin) <= 14 * 60) return withOffset(wall, twin);
  if (wall !== undefined && zone) {
    const offset = zoneOffset(zone, wall);
    if (offset !== undefined) return withOffset(wall, offset);
  }
  return universal !== undefined ? `${new Date(universal).toISOString().slice(0, 19)}Z` : undefined;
}

/** eventStatus from TEC's Event Status field, read as the browser's TEC parser reads it. */
function statusOf(event) {
  const value = str(event.event_status ?? event.status_event);
  if (/cancel/i.test(value)) return 'EventCancelled';
  if (/postpone/i.test(value)) return 'EventPostponed';
  if (/reschedul/i.test(value)) return 'EventRescheduled';
  if (/online/i.test(value)) return 'EventMovedOnline';
  return 'EventScheduled';
}

/** An IANA zone name Intl knows, for eventSchedule.scheduleTimezone (offsets alone say less). */
function ianaZone(zone) {
  if (!/^[A-Za-z]+(?:\/[\w+-]+)+$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * "Presenters: A; B" and "CE credits: 6 hours, …" lines of the description, found line by line as
 * the browser's parsers find them, so they survive as performer and educationalCredentialAwarded.
 */
function fromDescription(html) {
  const text = html.split(/<br\s*\/?>|<\/(?:p|div|li|h\d)>|\n/i).map(htmlToText).filter(Boolean).join('\n');
  const line = (label) => new RegExp(`^[ \\t*•-]*(?:${label})[ \\t]*:[ \\t]*(.+)$`, 'im').exec(text)?.[1];
  const presenters = line('presenters?|presented by|facilitators?')
    ?.split(/;|(?<!\s)\s+(?:and|&)\s+/)
    .map(collapse)
    .filter(Boolean);
  return { presenters: presenters ?? [], credits: collapse(line('CEs?|CE credits?|CE hours|CEUs?|continuing education(?: credits?)?') ?? '') };
}

const CURRENCY = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', 'C$': 'CAD', CA$: 'CAD', A$: 'AUD' };

function place(venue, base) {
  if (!isObject(venue) || !collapse(str(venue.venue) || str(venue.address))) return undefined;
  const address = {
    '@type': 'PostalAddress',
    streetAddress: htmlToText(str(venue.address)) || undefined,
    addressLocality: htmlToText(str(venue.city)) || undefined,
    addressRegion: htmlToText(str(venue.stateprovince) || str(venue.state) || str(venue.province)) || undefined,
    postalCode: collapse(str(venue.zip)) || undefined,
    addressCountry: htmlToText(str(venue.country)) || undefined,
  };
  return {
    '@type': 'Place',
    name: htmlToText(str(venue.venue)) || undefined,
    address: Object.values(address).filter(Boolean).length > 1 ? address : undefined,
    url: safeUrl(str(venue.website), base),
  };
}

/** An Offer: one price as a number with its currency, 0 for free, else the cost as TEC writes it. */
function offers(event, base) {
  const cost = htmlToText(str(event.cost));
  const details = isObject(event.cost_details) ? event.cost_details : {};
  const values = (Array.isArray(details.values) ? details.values : []).map(Number).filter((n) => Number.isFinite(n) && n >= 0);
  const url = safeUrl(str(event.website), base);
  if (!url && !cost && !values.length) return undefined;
  const free = /^free\b/i.test(cost) || (values.length > 0 && Math.max(...values) === 0);
  const single = values.length === 1 || (values.length > 1 && Math.min(...values) === Math.max(...values));
  const currency = collapse(str(details.currency_code)).toUpperCase() || CURRENCY[collapse(str(details.currency_symbol))];
  const soldOut = /sold\s*out/i.test(cost) || /sold.?out/i.test(str(event.event_status ?? event.status_event));
  return {
    '@type': 'Offer',
    url,
    price: free ? 0 : single ? values[0] : /\d/.test(cost) ? cost : undefined,
    priceCurrency: single && !free ? currency : undefined,
    availability: `${SCHEMA}${soldOut ? 'SoldOut' : 'InStock'}`,
  };
}

/** One TEC event as a schema.org Event, or undefined when it has no name or no usable start. */
function toEvent(event, base) {
  if (!isObject(event)) return undefined;
  const allDay = event.all_day === true || event.all_day === 'yes' || event.all_day === 'true';
  const zone = collapse(str(event.timezone));
  const startDate = eventTime(event.start_date, event.utc_start_date, zone, allDay);
  const hasEnd = Boolean(str(event.end_date) || str(event.utc_end_date));
  const endDate = hasEnd ? eventTime(event.end_date, event.utc_end_date, zone, allDay) : undefined;
  const name = htmlToText(str(event.title));
  if (!startDate || !name || (hasEnd && !endDate)) return undefined;
  if (endDate && Date.parse(endDate) < Date.parse(startDate)) return undefined;
  const url = safeUrl(str(event.url), base);
  const venue = place(event.venue, base);
  const online = Boolean(event.is_virtual) || Boolean(safeUrl(str(event.virtual_url), base));
  const virtual = online ? { '@type': 'VirtualLocation', url: safeUrl(str(event.virtual_url), base) ?? url } : undefined;
  const mode = venue && online ? 'MixedEventAttendanceMode' : online ? 'OnlineEventAttendanceMode' : venue ? 'OfflineEventAttendanceMode' : undefined;
  const iana = ianaZone(zone);
  const description = str(event.description);
  const { presenters, credits } = fromDescription(description);
  const image = isObject(event.image) ? safeUrl(str(event.image.url), base, 'image') : undefined;
  const categories = unique((Array.isArray(event.categories) ? event.categories : []).map((c) => htmlToText(isObject(c) ? str(c.name) : str(c))));
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    identifier: decodeHTML(str(event.global_id)) || str(event.id) || url,
    name,
    url,
    startDate,
    endDate,
    eventSchedule: iana ? { '@type': 'Schedule', scheduleTimezone: iana } : undefined,
    eventStatus: `${SCHEMA}${statusOf(event)}`,
    eventAttendanceMode: mode ? `${SCHEMA}${mode}` : undefined,
    location: venue && virtual ? [venue, virtual] : venue ?? virtual,
    performer: presenters.length ? presenters.map((p) => ({ '@type': 'Person', name: p })) : undefined,
    educationalCredentialAwarded: credits || undefined,
    offers: offers(event, base),
    description: clip(htmlToText(str(event.excerpt)) || htmlToText(description)) || undefined,
    image,
    keywords: categories.length ? categories : undefined,
  };
}

/** `{ events: [...] }` from TEC to Events; bad and repeated entries are skipped and counted. */
export function fromTecEvents(response, sourceUrl, remote, limit) {
  const base = remote ? sourceUrl : safeUrl(str(response.rest_url)) ?? undefined;
  const seen = new Set();
  const events = [];
  let skipped = 0;
  for (const raw of response.events) {
    const event = toEvent(raw, base);
    const key = event && (event.identifier || `${event.name}|${event.startDate}`);
    if (!event || seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    if (events.length < limit) events.push(event);
  }
  return { document: events, count: events.length, skipped };
}
