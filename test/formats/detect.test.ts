/** format="auto": what a body is, from its Content-Type and first bytes. */
import { expect } from '@open-wc/testing';
import { detectFormat, formatOfUrl } from '../../src/formats/detect.js';
import type { Body } from '../../src/shared/loader.js';
import { SITE, atom, body, json, rss } from './helpers.js';

describe('detectFormat', () => {
  const cases: [string, Body, string][] = [
    ['RSS 2.0', body(rss('<item><title>x</title></item>'), 'application/rss+xml'), 'rss'],
    ['Atom served as text/xml', body(atom('<entry><title>x</title></entry>'), 'text/xml'), 'rss'],
    [
      'RSS 1.0 (RDF) after a comment',
      body(
        '<?xml version="1.0"?><!-- hi --><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
        'application/rdf+xml',
      ),
      'rss',
    ],
    ['WordPress feed wrongly served as text/html', body(rss(''), 'text/html; charset=UTF-8'), 'rss'],
    [
      'RSS 0.91 with its DOCTYPE',
      body(
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"/>',
        'text/xml',
      ),
      'rss',
    ],
    [
      'RSS with a DOCTYPE declaring an entity',
      body('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY eacute "&#233;">\n]>\n<rss version="2.0"/>', 'text/xml'),
      'rss',
    ],
    ['JSON Feed', json({ version: 'https://jsonfeed.org/version/1.1', items: [] }), 'json'],
    ['WordPress posts array', json([{ id: 1, title: { rendered: 'x' }, slug: 'x' }]), 'wp'],
    ['The Events Calendar object', json({ events: [], rest_url: `${SITE}/wp-json/tribe/events/v1/events` }), 'wp'],
    ['schema.org Events', json({ '@context': 'https://schema.org', '@graph': [] }), 'json'],
    ['an HTML page', body('<!DOCTYPE html><html><head><title>Not found</title></head></html>', 'text/html'), 'html'],
    ['an HTML page served as XML', body('\uFEFF  <html><body>oops</body></html>', 'application/xml'), 'html'],
    ['iCalendar', body('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'text/calendar'), 'ics'],
    ['garbage', body('\u0000\u0001 not a feed at all', 'application/octet-stream'), 'unknown'],
    ['broken JSON', body('{"items": [', 'application/json'), 'unknown'],
  ];
  for (const [name, input, expected] of cases) {
    it(`detects ${name} as ${expected}`, () => {
      expect(detectFormat(input)).to.equal(expected);
    });
  }
});

describe('formatOfUrl', () => {
  it('guesses the format from the URL alone, so its parser loads alongside the data', () => {
    expect(formatOfUrl(`${SITE}/wp-json/wp/v2/posts?_embed=1`)).to.equal('wp');
    expect(formatOfUrl('/data/workshops.ICS?v=2')).to.equal('ics');
    expect(formatOfUrl('/data/faculty.json#top')).to.equal('json');
    expect([formatOfUrl(`${SITE}/feed/`), formatOfUrl('/data/json-notes.xml')]).to.deep.equal([undefined, undefined]);
  });
});
