/// <reference types="vite/client" />
/**
 * The sample files of demo/data/, imported as text (Vite `?raw`), and the derived variants the stories
 * serve over the mocked network (see ./handlers.ts). Import these in stories; tests that cannot use `?raw`
 * fetch demo/data/ themselves and use the functions of ./posts.ts, ./workshops.ts, ./faculty.ts and
 * ./newsletters.ts.
 */
import postsXml from '../../demo/data/posts.xml?raw';
import workshopsJson from '../../demo/data/workshops.json?raw';
import workshopsIcs from '../../demo/data/workshops.ics?raw';
import workshopsTecJson from '../../demo/data/workshops-tec.json?raw';
import facultyJson from '../../demo/data/faculty.json?raw';
import facultyPagesJson from '../../demo/data/faculty-pages.json?raw';
import newslettersJson from '../../demo/data/newsletters.json?raw';
import newsletterMediaJson from '../../demo/data/newsletter-media.json?raw';
import * as faculty from './faculty.js';
import * as newsletters from './newsletters.js';
import {
  manyPosts,
  readRss,
  toAtom,
  toJsonFeed,
  toRdf,
  toRss,
  toWpPosts,
  withImages,
  withLongTitles,
  withoutImages,
} from './posts.js';
import * as workshops from './workshops.js';

export {
  postsXml,
  workshopsJson,
  workshopsIcs,
  workshopsTecJson,
  facultyJson,
  facultyPagesJson,
  newslettersJson,
  newsletterMediaJson,
};

export interface Source {
  body: string;
  type: string;
}

/**
 * Where the stories serve the sample files. demo/data/ itself is served there too (see .storybook/main.ts),
 * so pictures the data links relatively (images/…, photos/…) load.
 */
export const MOCK_BASE = new URL('/mock/', location.href).href;

const RSS = 'application/rss+xml; charset=UTF-8';
const JSON_TYPE = 'application/json; charset=UTF-8';
const json = (value: unknown): Source => ({ body: JSON.stringify(value, null, 2), type: JSON_TYPE });

// ── Posts ────────────────────────────────────────────────────────────────────────────────────────────
const sample = readRss(postsXml, new URL('posts.xml', MOCK_BASE).href);
export const samplePosts = sample.posts;
export const sampleChannel = sample.channel;

/** Every body the recent-posts stories fetch, by path under /mock/. */
export const postSources: Record<string, Source> = {
  /** demo/data/posts.xml exactly as it is. */
  'posts.xml': { body: postsXml, type: RSS },
  'posts.atom': { body: toAtom(samplePosts, sampleChannel), type: 'application/atom+xml; charset=UTF-8' },
  'posts.rdf': { body: toRdf(samplePosts, sampleChannel), type: 'application/rdf+xml; charset=UTF-8' },
  'wp-json/wp/v2/posts': json(toWpPosts(withImages(samplePosts))),
  'feed.json': {
    body: JSON.stringify(toJsonFeed(samplePosts, sampleChannel)),
    type: 'application/feed+json; charset=UTF-8',
  },
  'posts-empty.xml': { body: toRss([], sampleChannel), type: RSS },
  'posts-many.xml': { body: toRss(manyPosts(withImages(samplePosts), 24), sampleChannel), type: RSS },
  'posts-long.xml': { body: toRss(withLongTitles(samplePosts), sampleChannel), type: RSS },
  'posts-images.xml': { body: toRss(withImages(samplePosts), sampleChannel), type: RSS },
  'posts-no-images.xml': { body: toRss(withoutImages(samplePosts), sampleChannel), type: RSS },
  /** A feed cut off mid-way. */
  'posts-malformed.xml': { body: postsXml.slice(0, Math.floor(postsXml.length / 2)), type: RSS },
};

// ── Workshops ────────────────────────────────────────────────────────────────────────────────────────
const workshopGraph = JSON.parse(workshopsJson) as workshops.Graph;

/**
 * The clock the workshop stories run on (the `now` property): the sample schedule stays "upcoming" in
 * the stories whatever today's date is. The first sample workshop is then already over.
 */
export const WORKSHOP_NOW = '2026-11-01T12:00:00-04:00';
/** A clock after the whole sample schedule: every workshop is past. */
export const WORKSHOP_LATER = '2027-06-01T12:00:00-04:00';

export const workshopSources: Record<string, Source> = {
  /** demo/data/workshops.json as it is (schema.org Events in an @graph). */
  'workshops.json': { body: workshopsJson, type: 'application/ld+json; charset=UTF-8' },
  /** demo/data/workshops.ics (iCalendar). */
  'workshops.ics': { body: workshopsIcs, type: 'text/calendar; charset=UTF-8' },
  /** demo/data/workshops-tec.json (The Events Calendar REST). */
  'wp-json/tribe/events/v1/events': { body: workshopsTecJson, type: JSON_TYPE },
  'workshops-empty.json': json(workshops.noEvents(workshopGraph)),
  'workshops-many.json': json(workshops.manyEvents(workshopGraph, 20)),
  'workshops-long.json': json(workshops.withLongText(workshopGraph)),
  'workshops-no-images.json': json(workshops.withoutImages(workshopGraph)),
  /** A weekly group in iCalendar: six Thursday meetings (RRULE), one moved to Friday, one cancelled (RECURRENCE-ID). */
  'workshops-weekly.ics': { body: weeklyGroupIcs(), type: 'text/calendar; charset=UTF-8' },
};

function weeklyGroupIcs(): string {
  const event = (lines: string[]) => [
    'BEGIN:VEVENT',
    'UID:thursday-group@iigp.example',
    'SUMMARY:Thursday process group',
    ...lines,
    'END:VEVENT',
  ];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//iigp-widgets stories//EN',
    ...event([
      'DTSTART;TZID=America/Detroit:20261015T190000',
      'DTEND;TZID=America/Detroit:20261015T210000',
      'RRULE:FREQ=WEEKLY;COUNT=6',
      'LOCATION:Institute for Individual and Group Psychotherapy\\, 24400 Northwestern Hwy\\, Southfield\\, MI',
    ]),
    ...event([
      'RECURRENCE-ID;TZID=America/Detroit:20261022T190000',
      'DTSTART;TZID=America/Detroit:20261023T180000',
      'DTEND;TZID=America/Detroit:20261023T200000',
    ]),
    ...event([
      'RECURRENCE-ID;TZID=America/Detroit:20261105T190000',
      'DTSTART;TZID=America/Detroit:20261105T190000',
      'STATUS:CANCELLED',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

// ── Faculty ──────────────────────────────────────────────────────────────────────────────────────────
const people = JSON.parse(facultyJson) as Record<string, unknown>[];
export const samplePeople = people;

export const facultySources: Record<string, Source> = {
  /** demo/data/faculty.json (schema.org Persons), its photos served by the mocked network. */
  'faculty.json': json(faculty.withServedPhotos(people)),
  /** demo/data/faculty-pages.json (WordPress pages, with _embed). */
  'wp-json/wp/v2/pages': { body: facultyPagesJson, type: JSON_TYPE },
  'faculty-empty.json': json([]),
  'faculty-no-photos.json': json(faculty.withoutPhotos(people)),
  'faculty-long.json': json(faculty.withLongText(faculty.withServedPhotos(people))),
};

// ── Newsletters ──────────────────────────────────────────────────────────────────────────────────────
const issues = JSON.parse(newslettersJson) as Record<string, unknown>[];
/** The site's own list of links, which `<iigp-newsletter-archive>` without `src` enhances. */
export const newsletterList = newsletters.issueList(issues);

export const newsletterSources: Record<string, Source> = {
  /** demo/data/newsletters.json as it is (schema.org PublicationIssues). */
  'newsletters.json': { body: newslettersJson, type: JSON_TYPE },
  /** demo/data/newsletter-media.json (WordPress media). */
  'wp-json/wp/v2/media': { body: newsletterMediaJson, type: JSON_TYPE },
  'newsletters-empty.json': json([]),
  'newsletters-many.json': json(newsletters.manyIssues(60)),
  'newsletters-long.json': json(newsletters.withLongTitles(issues)),
};

// ── Failures shared by every widget ──────────────────────────────────────────────────────────────────
export const failureSources: Record<string, Source> = {
  /** Not data: the HTML page a wrong `src` (the blog's page instead of its /feed/) returns. */
  'blog.html': {
    body: '<!doctype html><html lang="en"><head><title>Blog</title></head><body><h1>Blog</h1></body></html>',
    type: 'text/html; charset=UTF-8',
  },
  /** JSON of the wrong shape. */
  'wrong-shape.json': json({ message: 'Not found', code: 'rest_no_route' }),
};
