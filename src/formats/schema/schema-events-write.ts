import type { AttendanceMode, Workshop } from '../../model.js';
import { isoDay, toDate } from '../../shared/format.js';
import { offsetMs } from '../dates/zone.js';

const SCHEMA = 'https://schema.org/';

const MODES: Record<AttendanceMode, string> = { 'in-person': 'Offline', online: 'Online', hybrid: 'Mixed' };
const STATUSES = { cancelled: 'EventCancelled', postponed: 'EventPostponed' } as Record<string, string>;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the wall-clock time in `zone` with its offset (`2026-12-05T09:00:00-05:00`), as a reader
 * in that zone would write it; in UTC (`…Z`) when no zone is known, so that none is read back.
 */
export function zonedInstant(date: Date, zone: string | undefined): string {
  if (!zone) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const offset = Math.round(offsetMs(zone, date.getTime()) / 60_000);
  const wall = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${wall}${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** "$95" as 95 USD, "95 EUR" as 95 EUR, "Free" as 0: what `priceText` turns back into the same text. */
function price(text: string | undefined): { price?: number | string; priceCurrency?: string } {
  if (text === undefined) return {};
  if (text === 'Free') return { price: 0 };
  const m = /^\$(\d+(?:[.,]\d+)?)$/.exec(text) ?? /^(\d+(?:[.,]\d+)?) ([A-Z]{3})$/.exec(text);
  if (!m) return { price: text };
  const amount = String(Number(m[1])) === m[1] ? Number(m[1]) : m[1];
  return { price: amount, priceCurrency: m[2] ?? 'USD' };
}

/**
 * One workshop as a schema.org `Event` (JSON-LD), keys in a fixed order, written so that
 * `parseSchemaEvents` reads back the same workshop: times with the offset of the event's zone (named in
 * `eventSchedule`), all-day workshops as dates (schema.org's end day is inclusive, the model's end the
 * midnight after), the place's one-line address as text, the price as schema.org's number and currency
 * where it reads back as the same text.
 */
export function toSchemaEvent(workshop: Workshop): object {
  const zone = workshop.timeZone;
  const start = toDate(workshop.start)!;
  const end = toDate(workshop.end);
  const day = (date: Date) => isoDay(date, zone ?? 'UTC');
  const { place, onlineUrl, image } = workshop;
  const venue =
    place &&
    (place.address === undefined
      ? place.name
      : { '@type': 'Place', name: place.name || undefined, address: place.address || undefined });
  const online = onlineUrl ? { '@type': 'VirtualLocation', url: onlineUrl } : undefined;
  const offer = workshop.price !== undefined || workshop.registrationUrl || workshop.status === 'soldout';
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': workshop.id,
    identifier: workshop.id,
    name: workshop.title,
    url: workshop.url,
    startDate: workshop.allDay ? day(start) : zonedInstant(start, zone),
    endDate: end && (workshop.allDay ? day(new Date(end.getTime() - 1)) : zonedInstant(end, zone)),
    eventSchedule: zone ? { '@type': 'Schedule', scheduleTimezone: zone } : undefined,
    eventStatus: `${SCHEMA}${STATUSES[workshop.status ?? ''] ?? 'EventScheduled'}`,
    eventAttendanceMode: workshop.attendance && `${SCHEMA}${MODES[workshop.attendance]}EventAttendanceMode`,
    location: venue && online ? [venue, online] : (venue ?? online),
    performer: workshop.presenters?.length
      ? workshop.presenters.map((p) => ({ '@type': 'Person', name: p.name, url: p.url }))
      : undefined,
    educationalCredentialAwarded: workshop.ceCredits || undefined,
    offers: offer
      ? {
          '@type': 'Offer',
          url: workshop.registrationUrl,
          ...price(workshop.price),
          availability: `${SCHEMA}${workshop.status === 'soldout' ? 'SoldOut' : 'InStock'}`,
        }
      : undefined,
    description: workshop.summary || undefined,
    image:
      image &&
      (image.alt || image.width || image.height
        ? {
            '@type': 'ImageObject',
            url: image.src,
            caption: image.alt || undefined,
            width: image.width,
            height: image.height,
          }
        : image.src),
    keywords: workshop.categories?.length ? workshop.categories : undefined,
  };
}

/** Workshops as a list of schema.org Events, at most `limit` of them, in the given order. */
export function toSchemaEvents(
  workshops: Workshop[],
  limit = Infinity,
): { document: object[]; count: number; skipped: number } {
  const document = workshops.slice(0, limit).map(toSchemaEvent);
  return { document, count: document.length, skipped: 0 };
}
