/**
 * The mocked network every story uses (msw): the widgets really fetch and parse. Each story gets its own
 * URL (`/mock/<path>?story=<id>`, added by ../support/widget.ts), because the loader makes one request per
 * URL per page; msw matches on the path alone.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  facultySources,
  failureSources,
  newsletterSources,
  postSources,
  workshopSources,
  type Source,
} from './sources.js';

/** Serves `sources` under `/mock/<path>`. */
export function serve(sources: Record<string, Source>): HttpHandler[] {
  return Object.entries(sources).map(([path, { body, type }]) =>
    http.get(`/mock/${path}`, () => new HttpResponse(body, { headers: { 'Content-Type': type } })),
  );
}

/** A soft placeholder picture for every image on the sample site, so stories need no network. */
function placeholder(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  // Faculty photos are portraits: a head and shoulders on a square.
  if (name.includes('/faculty/')) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300">
<rect width="300" height="300" fill="hsl(${hue} 30% 85%)"/>
<circle cx="150" cy="120" r="60" fill="hsl(${hue} 25% 60%)"/>
<ellipse cx="150" cy="300" rx="110" ry="90" fill="hsl(${hue} 25% 60%)"/>
</svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500">
<rect width="800" height="500" fill="hsl(${hue} 35% 82%)"/>
<circle cx="${250 + (hash % 300)}" cy="250" r="150" fill="hsl(${(hue + 40) % 360} 40% 68%)"/>
<rect y="380" width="800" height="120" fill="hsl(${(hue + 200) % 360} 30% 58%)"/>
</svg>`;
}

export const imageHandlers: HttpHandler[] = [
  http.get(
    'https://iigp.example/wp-content/uploads/*',
    ({ request }) =>
      new HttpResponse(placeholder(new URL(request.url).pathname), { headers: { 'Content-Type': 'image/svg+xml' } }),
  ),
];

/** Failures and holds, for the loading and error stories. */
export const failureHandlers: HttpHandler[] = [
  // Held pending for ever: the loading state stays on screen.
  http.get('/mock/pending/*', async () => {
    await delay('infinite');
    return new HttpResponse(null);
  }),
  http.get(
    '/mock/status/:code',
    ({ params }) =>
      new HttpResponse('Server error', { status: Number(params.code), headers: { 'Content-Type': 'text/plain' } }),
  ),
  http.get('/mock/offline', () => HttpResponse.error()),
];

/** All handlers, grouped so a story can replace one group (parameters.msw.handlers.<group>). */
export const handlers = {
  posts: serve(postSources),
  workshops: serve(workshopSources),
  faculty: serve(facultySources),
  newsletters: serve(newsletterSources),
  images: imageHandlers,
  failures: [...serve(failureSources), ...failureHandlers],
};
