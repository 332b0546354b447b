import type { Parsed, Workshop } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { htmlToText } from '../../shared/text.js';
import { safeUrl } from '../../shared/url.js';
import { isObject, jsonOf, str } from '../json/json.js';
import { parseWpPosts, wpDate } from './wp.js';
import { finish, fromDescription, fromPost, priceText } from '../../workshop.js';
import { midnight, normalizeZone, zonedTime } from '../dates/zone.js';

type Node = Record<string, unknown>;

/** "2026-12-03 19:00:00" as the wall-clock parts The Events Calendar writes. */
function parts(value: unknown): number[] | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?$/.exec(str(value).trim());
  return m ? m.slice(1).map((n) => Number(n ?? 0)) : undefined;
}

function local(value: unknown, zone: string | undefined): Date | undefined {
  const p = parts(value);
  return p && zonedTime(p[0], p[1], p[2], p[3], p[4], p[5], zone);
}

/** The description's lines as text, so "Presenter: …" and "CE credits: …" lines can be found. */
function lines(html: string): string {
  return html
    .split(/<br\s*\/?>|<\/(?:p|div|li|h\d)>|\n/i)
    .map((line) => htmlToText(line))
    .filter(Boolean)
    .join('\n');
}

function toWorkshop(event: Node, base: string): Workshop | undefined {
  const zone = normalizeZone(str(event.timezone));
  const allDay = event.all_day === true || event.all_day === 'yes';
  let start: Date | undefined;
  let end: Date | undefined;
  if (allDay) {
    const first = parts(event.start_date);
    const last = parts(event.end_date);
    start = first && midnight(first[0], first[1], first[2], zone);
    end = last && midnight(last[0], last[1], last[2], zone, 1);
  } else {
    start = wpDate(event.utc_start_date) ?? local(event.start_date, zone);
    end =
      event.utc_end_date || event.end_date ? (wpDate(event.utc_end_date) ?? local(event.end_date, zone)) : undefined;
  }
  if (!start || ((event.utc_end_date || event.end_date) && !end)) return undefined;
  const venue = isObject(event.venue) ? event.venue : {};
  const venueName = htmlToText(str(venue.venue));
  const address = [
    venue.address,
    venue.city,
    [venue.stateprovince || venue.state || venue.province, venue.zip].map(str).filter(Boolean).join(' '),
  ]
    .map((part) => htmlToText(str(part)))
    .filter(Boolean)
    .join(', ');
  const online = event.is_virtual ? (safeUrl(event.virtual_url, base) ?? '') : undefined;
  const image = isObject(event.image) ? event.image : {};
  const imageUrl = safeUrl(image.url, base, 'image');
  const costDetails = isObject(event.cost_details) ? event.cost_details : {};
  const values = Array.isArray(costDetails.values) ? costDetails.values : [];
  const description = str(event.description);
  const described = fromDescription(lines(description));
  const url = safeUrl(event.url, base);
  const status = str(event.event_status ?? event.status_event);
  const place = venueName || address ? { name: venueName, address } : undefined;
  return {
    id: str(event.global_id) || str(event.id) || url || `${str(event.title)}|${start.toISOString()}`,
    title: htmlToText(str(event.title)),
    url,
    start,
    end,
    timeZone: zone,
    allDay,
    place,
    onlineUrl: online || undefined,
    attendance: online !== undefined ? (place ? 'hybrid' : 'online') : place ? 'in-person' : undefined,
    presenters: described.presenters,
    ceCredits: described.ceCredits,
    price: priceText(event.cost) ?? priceText(values[0], costDetails.currency_symbol) ?? described.price,
    registrationUrl: safeUrl(event.website, base),
    summary: htmlToText(str(event.excerpt)) || htmlToText(description),
    status: /cancel/i.test(status) ? 'cancelled' : /postpone/i.test(status) ? 'postponed' : 'scheduled',
    categories: (Array.isArray(event.categories) ? event.categories : [])
      .map((c) => htmlToText(str(isObject(c) ? c.name : c)))
      .filter(Boolean),
    image: imageUrl
      ? {
          src: imageUrl,
          alt: str(image.alt),
          width: Number(image.width) || undefined,
          height: Number(image.height) || undefined,
        }
      : undefined,
  };
}

/**
 * `format="wp"` for workshops: The Events Calendar's REST API (`/wp-json/tribe/events/v1/events`,
 * `{ "events": [...] }`), or WordPress posts of a workshop category (`/wp-json/wp/v2/posts?categories=…`).
 */
export function parseTecEvents(body: Body): Parsed<Workshop> {
  const data = jsonOf(body);
  if (isObject(data) && Array.isArray(data.events)) {
    let skipped = 0;
    const candidates = data.events.map((event) => {
      if (isObject(event)) return toWorkshop(event, body.url);
      skipped++;
      return null;
    });
    return finish(candidates.filter((c) => c !== null) as (Workshop | undefined)[], skipped);
  }
  const { items, skipped } = parseWpPosts(body);
  return finish(items.map(fromPost), skipped);
}

export default parseTecEvents;
