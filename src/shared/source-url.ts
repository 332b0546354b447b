/**
 * The address actually requested for `src`: WordPress and The Events Calendar answer with less than a
 * widget may show unless asked (WordPress pages its REST answers at 10; The Events Calendar returns
 * only events that have not ended), so the widget asks for what it shows. A parameter the webmaster
 * wrote is never changed; any other address comes back as it is.
 *
 * - WordPress REST collections (`/wp-json/wp/v2/posts`, `/wp-json/wp/v2/pages` …) without `per_page`:
 *   `per_page` = `limit`, at most 100 (WordPress refuses more). (`?rest_route=` addresses are left as written:
 *   the bytes this would cost are not there.)
 * - The Events Calendar (`/wp-json/tribe/events/v1/events`) without `start_date` or `end_date`, for
 *   `when="past"` or `"all"`: `start_date=1970-01-01`, and for past ones `end_date=now`.
 */
export function sourceUrl(address: string, limit: number, when?: string): string {
  // `limit` is a whole number above 0, or Infinity (all).
  // `address` is absolute (resolved against the page): it parses, and its href is itself when nothing is added.
  const url = new URL(address);
  const query = url.searchParams;
  const route = url.pathname.split('/wp-json')[1];
  if (/^\/wp\/v2\/[\w-]+\/?$/.test(route) && !query.has('per_page')) query.set('per_page', `${Math.min(100, limit)}`);
  if (
    /^\/tribe\/events\/v1\/events\/?$/.test(route) &&
    (when == 'past' || when == 'all') &&
    !/_date=/.test(url.search)
  ) {
    query.set('start_date', '1970-01-01');
    if (when == 'past') query.set('end_date', 'now');
  }
  return url.href;
}
