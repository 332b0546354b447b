/**
 * The address actually requested for `src`: WordPress and The Events Calendar answer with less than a
 * widget may show unless asked (WordPress pages its REST answers at 10; The Events Calendar returns
 * only events that have not ended), so the widget asks for what it shows. A parameter the webmaster
 * wrote is never changed; any other address comes back as it is.
 *
 * - WordPress REST collections (`/wp-json/wp/v2/posts`, or `?rest_route=/wp/v2/posts` without pretty
 *   permalinks) without `per_page`: `per_page` = `limit`, 1–100 (WordPress refuses more than 100).
 * - The Events Calendar (`/wp-json/tribe/events/v1/events`) without `start_date` and `end_date`, for
 *   `when="past"` or `"all"`: `start_date=1970-01-01`, and for past ones `end_date=now`.
 */
export function sourceUrl(address: string, limit: number, when?: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  const query = url.searchParams;
  const route = /\/wp-json(\/.*)$/.exec(url.pathname)?.[1] ?? query.get('rest_route') ?? '';
  if (/^\/wp\/v2\/[\w-]+\/?$/.test(route) && !query.has('per_page')) {
    query.set('per_page', String(Math.min(100, Math.max(1, Math.floor(limit) || 100))));
  } else if (/^\/tribe\/events\/v1\/events\/?$/.test(route) && (when === 'past' || when === 'all') && !query.has('start_date') && !query.has('end_date')) {
    query.set('start_date', '1970-01-01');
    if (when === 'past') query.set('end_date', 'now');
  } else return address;
  return url.href;
}
