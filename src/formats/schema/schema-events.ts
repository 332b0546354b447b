import type { AttendanceMode, Image, Parsed, Place, Presenter, Workshop, WorkshopStatus } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { collapse } from '../../shared/text.js';
import { safeUrl } from '../../shared/url.js';
import { parseIsoDate } from '../dates/dates.js';
import { formatError } from '../../shared/load-error.js';
import { isObject, jsonOf, str } from '../json/json.js';
import { finish, fromDescription, priceText } from '../../workshop.js';
import { midnight, normalizeZone, zonedTime } from '../dates/zone.js';

type Node = Record<string, unknown>;

/** A value that may be one thing or a list of them, as a list. */
function many(value: unknown): unknown[] {
  return value == null ? [] : Array.isArray(value) ? value : [value];
}

function types(node: Node): string[] {
  return many(node['@type']).map(str);
}

function isEvent(node: unknown): node is Node {
  return isObject(node) && (types(node).some((type) => /Event$/.test(type)) || (!node['@type'] && 'startDate' in node));
}

/** The nodes of a bare array, an `ItemList` (of `ListItem`s or of items) or an `@graph`. */
function nodesOf(data: unknown): { nodes: unknown[]; graph: boolean } | undefined {
  if (Array.isArray(data)) return { nodes: data, graph: false };
  if (!isObject(data)) return undefined;
  if (Array.isArray(data['@graph'])) return { nodes: data['@graph'], graph: true };
  if (Array.isArray(data.itemListElement)) {
    return {
      nodes: data.itemListElement.map((entry) => (isObject(entry) && isObject(entry.item) ? entry.item : entry)),
      graph: false,
    };
  }
  return isEvent(data) ? { nodes: [data], graph: false } : undefined;
}

function text(value: unknown): string {
  return collapse(str(isObject(value) ? (value.name ?? value['@value']) : value));
}

function address(value: unknown): string {
  if (!isObject(value)) return text(value);
  return [
    value.streetAddress,
    value.addressLocality,
    [value.addressRegion, value.postalCode].map(str).filter(Boolean).join(' '),
    value.addressCountry,
  ]
    .map(text)
    .filter(Boolean)
    .join(', ');
}

/**
 * A schema.org date: with an offset it is an instant in that offset; without one, a wall-clock time in
 * the schedule's zone (else the reader's); a date alone is an all-day date.
 */
function when(value: unknown, zone: string | undefined): { date?: Date; zone?: string; allDay: boolean; next?: Date } {
  const input = str(value).trim();
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?$/.exec(input);
  if (m && !m[4]) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return { date: midnight(y, mo, d, zone), zone, allDay: true, next: midnight(y, mo, d, zone, 1) };
  }
  if (m)
    return {
      date: zonedTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), zone),
      zone,
      allDay: false,
    };
  const offset = /([+-]\d\d:?\d\d)$/.exec(input)?.[1];
  return { date: parseIsoDate(input), zone: zone ?? normalizeZone(offset), allDay: false };
}

function status(node: Node, offer: Node | undefined): WorkshopStatus {
  const value = str(node.eventStatus);
  if (/Cancell?ed/i.test(value)) return 'cancelled';
  if (/Postponed/i.test(value)) return 'postponed';
  return /SoldOut/i.test(str(offer?.availability)) ? 'soldout' : 'scheduled';
}

function toWorkshop(node: Node, base: string, index: number): Workshop | undefined {
  const schedule = isObject(node.eventSchedule) ? node.eventSchedule : {};
  const zone = normalizeZone(str(schedule.scheduleTimezone));
  const start = when(node.startDate, zone);
  if (!start.date) return undefined;
  const end = node.endDate === undefined ? undefined : when(node.endDate, zone);
  if (end && !end.date) return undefined;
  // schema.org end dates are inclusive days; the model's end is the midnight after.
  const endDate = end?.allDay ? end.next : (end?.date ?? (start.allDay ? start.next : undefined));
  const places = many(node.location).filter((l) => !isObject(l) || !types(l).includes('VirtualLocation'));
  const virtual = many(node.location).find((l): l is Node => isObject(l) && types(l).includes('VirtualLocation'));
  const placeNode = places[0];
  const place: Place | undefined = placeNode
    ? isObject(placeNode)
      ? { name: text(placeNode.name), address: address(placeNode.address) }
      : { name: text(placeNode) }
    : undefined;
  const mode = str(node.eventAttendanceMode);
  const moved = /MovedOnline/.test(str(node.eventStatus));
  const attendance: AttendanceMode | undefined = /Mixed/.test(mode)
    ? 'hybrid'
    : /Online/.test(mode) || moved
      ? 'online'
      : /Offline/.test(mode)
        ? 'in-person'
        : virtual
          ? place
            ? 'hybrid'
            : 'online'
          : place
            ? 'in-person'
            : undefined;
  const offer = many(node.offers).find(isObject);
  const url = safeUrl(node.url, base);
  const summary = collapse(str(node.description));
  const described = fromDescription(str(node.description));
  const presenters: Presenter[] = many(node.performer)
    .map((p) => ({ name: text(p), url: isObject(p) ? safeUrl(p.url, base) : undefined }))
    .filter((p) => p.name);
  const imageNode = many(node.image)[0];
  const image = safeUrl(isObject(imageNode) ? (imageNode.url ?? imageNode.contentUrl) : imageNode, base, 'image');
  const picture: Image | undefined = image
    ? { src: image, alt: text(isObject(imageNode) ? imageNode.caption : '') }
    : undefined;
  for (const key of ['width', 'height'] as const)
    if (picture && isObject(imageNode) && Number(str(imageNode[key])) > 0) picture[key] = Number(str(imageNode[key]));
  const keywords = many(node.keywords).flatMap((k) => str(k).split(','));
  const title = text(node.name);
  return {
    id: str(node['@id']) || url || `${title}|${start.date.toISOString()}|${index}`,
    title,
    url,
    start: start.date,
    end: endDate,
    timeZone: start.zone,
    allDay: start.allDay,
    place,
    onlineUrl: safeUrl(virtual?.url, base),
    attendance,
    presenters: presenters.length ? presenters : described.presenters,
    ceCredits: text(node.educationalCredentialAwarded) || text(node.ceCredits) || described.ceCredits,
    price:
      node.isAccessibleForFree === true ? 'Free' : (priceText(offer?.price, offer?.priceCurrency) ?? described.price),
    registrationUrl: safeUrl(offer?.url, base),
    summary,
    status: status(node, offer),
    categories: keywords.map((k) => collapse(k)).filter(Boolean),
    image: picture,
  };
}

/** `format="json"` for workshops: schema.org `Event`s as JSON-LD. Strings are shown literally, as text. */
export function parseSchemaEvents(body: Body): Parsed<Workshop> {
  const found = nodesOf(jsonOf(body));
  if (!found) {
    throw formatError(
      'the JSON is not schema.org Events (an array, an ItemList or an @graph)',
      'Use schema.org Event objects as JSON-LD, e.g. made by: npx iigp-widgets snapshot <events-url> --out workshops.json',
    );
  }
  let skipped = 0;
  const candidates: (Workshop | undefined)[] = [];
  found.nodes.forEach((node, index) => {
    // A graph also holds the organisation, the page and so on: only its events are entries.
    if (!isEvent(node)) {
      if (!found.graph) skipped++;
      return;
    }
    candidates.push(toWorkshop(node, body.url, index));
  });
  return finish(candidates, skipped);
}

export default parseSchemaEvents;
