/**
 * Unit tests of the post parsers and the helpers every widget relies on: WordPress REST posts, JSON
 * Feed, format detection, URL safety, HTML-to-text, dates, and the RSS/Atom specifics a feed reader
 * gets wrong most often (xml:base, Atom text constructs, images, authors, guids, RDF).
 */
import { expect } from '@open-wc/testing';
import { parseDate } from '../src/formats/dates.js';
import { detectFormat } from '../src/formats/detect.js';
import { parseFeed } from '../src/formats/feed.js';
import { lazy } from '../src/formats/lazy.js';
import { parseJsonFeed } from '../src/formats/json-feed.js';
import { authorName } from '../src/formats/rss.js';
import { parseWorkshopFeed } from '../src/formats/workshop-feed.js';
import { parseWpPosts } from '../src/formats/wp.js';
import { parseXml, wellFormed } from '../src/formats/xml.js';
import type { Parsed, Post } from '../src/model.js';
import { LoadError, type Body } from '../src/shared/loader.js';
import { htmlToText } from '../src/shared/text.js';
import { safeUrl } from '../src/shared/url.js';

const SITE = 'https://iigp.example';

function body(text: string, contentType = '', url = `${SITE}/feed/`): Body {
  return { text, contentType, url };
}

function json(value: unknown, url = `${SITE}/wp-json/wp/v2/posts`): Body {
  return body(JSON.stringify(value), 'application/json; charset=UTF-8', url);
}

async function posts(xml: string, url?: string): Promise<Post[]> {
  return (await parseFeed(body(xml, 'application/rss+xml', url))).items;
}

function formatErrorOf(fn: () => unknown): LoadError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(LoadError);
    expect((error as LoadError).kind).to.equal('format');
    return error as LoadError;
  }
  throw new Error('expected a format error');
}

/** The same for a parser that may report the error as a rejected promise (parts of it load on demand). */
async function formatRejectionOf(fn: () => unknown): Promise<LoadError> {
  try {
    await fn();
  } catch (error) {
    expect(error).to.be.instanceOf(LoadError);
    expect((error as LoadError).kind).to.equal('format');
    return error as LoadError;
  }
  throw new Error('expected a format error');
}

function rss(items: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:media="http://search.yahoo.com/mrss/" ${extra}><channel><title>IIGP</title><link>${SITE}/</link>${items}</channel></rss>`;
}

function atom(entries: string, attributes = ''): string {
  return `<feed xmlns="http://www.w3.org/2005/Atom" ${attributes}><title>IIGP</title>${entries}</feed>`;
}

describe('parseWpPosts (WordPress REST /wp/v2/posts)', () => {
  const post = {
    id: 212,
    date: '2016-04-11T10:00:00',
    date_gmt: '2016-04-11T14:00:00',
    modified_gmt: '2016-05-01T09:30:00',
    link: `${SITE}/2016/03/damage/`,
    title: { rendered: '&#8216;DAMAGE&#8217; That a Psychotherapist Treats' },
    excerpt: { rendered: '<p>Groups &#038; couples: what <em>damage</em> means [&hellip;]</p>\n<script>alert(1)</script>' },
    content: { rendered: '<p><img src="/wp-content/uploads/inline.jpg" alt="inline"></p>' },
    _embedded: {
      author: [{ id: 3, name: 'Leora Bar-Levav, M.D.' }],
      'wp:featuredmedia': [
        {
          source_url: `${SITE}/wp-content/uploads/2016/03/damage.jpg`,
          alt_text: 'A cracked vase',
          media_details: {
            width: 2000,
            height: 1200,
            sizes: { medium: { source_url: `${SITE}/wp-content/uploads/2016/03/damage-300x180.jpg`, width: 300, height: 180 } },
          },
        },
      ],
      'wp:term': [
        [
          { taxonomy: 'category', name: 'Group &amp; Couples Therapy' },
          { taxonomy: 'category', name: 'Psychotherapy' },
        ],
        [{ taxonomy: 'post_tag', name: 'damage' }],
      ],
    },
  };

  it('reads titles and excerpts as text, entities decoded exactly once', () => {
    const [item] = parseWpPosts(json([post])).items;
    expect(item.title).to.equal('\u2018DAMAGE\u2019 That a Psychotherapist Treats');
    expect(item.excerpt).to.equal('Groups & couples: what damage means [\u2026]');
    const [twice] = parseWpPosts(json([{ ...post, title: { rendered: 'Tom &amp;amp; Jerry &#038; friends' } }])).items;
    expect(twice.title).to.equal('Tom &amp; Jerry & friends');
  });

  it('takes the featured image, author and categories from _embed', () => {
    const [item] = parseWpPosts(json([post])).items;
    expect(item.image).to.deep.equal({
      src: `${SITE}/wp-content/uploads/2016/03/damage-300x180.jpg`,
      alt: 'A cracked vase',
      width: 300,
      height: 180,
    });
    expect(item.author).to.equal('Leora Bar-Levav, M.D.');
    expect(item.categories).to.deep.equal(['Group & Couples Therapy', 'Psychotherapy']);
    expect(item.id).to.equal('212');
    expect(item.url).to.equal(`${SITE}/2016/03/damage/`);
  });

  it('reads date_gmt as UTC and falls back to the first image of the content without _embed', () => {
    const { _embedded: _, ...plain } = post;
    const [item] = parseWpPosts(json([plain])).items;
    expect((item.date as Date).toISOString()).to.equal('2016-04-11T14:00:00.000Z');
    expect((item.updated as Date).toISOString()).to.equal('2016-05-01T09:30:00.000Z');
    expect(item.image).to.deep.equal({ src: `${SITE}/wp-content/uploads/inline.jpg`, alt: 'inline' });
    expect(item.author).to.equal('');
    expect(item.categories).to.deep.equal([]);
  });

  it('drops unsafe links and images, and skips entries that are not posts', () => {
    const result = parseWpPosts(
      json([
        { ...post, link: 'javascript:alert(1)', _embedded: { 'wp:featuredmedia': [{ source_url: 'data:image/png;base64,AAAA' }] }, content: {} },
        42,
        { unrelated: true },
      ]),
    );
    expect(result.items).to.have.length(1);
    expect(result.skipped).to.equal(2);
    expect(result.items[0].url).to.equal(undefined);
    expect(result.items[0].image).to.equal(undefined);
  });

  it('names the WordPress error code of an error body', () => {
    const error = formatErrorOf(() => parseWpPosts(json({ code: 'rest_no_route', message: 'No route was found', data: { status: 404 } })));
    expect(error.message).to.contain('rest_no_route');
    expect(error.hint).to.contain('/wp-json/wp/v2/posts');
  });

  it('refuses a body that is not JSON', () => {
    expect(formatErrorOf(() => parseWpPosts(body('<html></html>', 'text/html'))).message).to.contain('not valid JSON');
  });
});

describe('parseJsonFeed (JSON Feed 1.1)', () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'IIGP',
    feed_url: `${SITE}/feed.json`,
    authors: [{ name: 'The Institute' }],
    items: [
      {
        id: 'post-1',
        url: '/2016/04/11/the-value-of-co-therapy/',
        title: '<b>bold</b> &amp; literal',
        summary: 'Two   therapists <i>lead</i>',
        date_published: '2016-04-11T10:00:00-04:00',
        date_modified: '2016-04-12T10:00:00Z',
        image: '/images/co-therapy.jpg',
        tags: ['Groups', 7, null],
        authors: [{ name: 'Leora Bar-Levav' }, { name: 'Jane Roe' }],
      },
      { id: 'post-2', content_html: '<p>Only <script>x()</script>HTML</p>', url: 'javascript:alert(1)', image: 'data:image/gif;base64,R0lG' },
      { nothing: true },
    ],
  };

  it('shows strings literally: HTML in a title stays that text', () => {
    const [item] = parseJsonFeed(json(feed, `${SITE}/feed.json`)).items;
    expect(item.title).to.equal('<b>bold</b> &amp; literal');
    expect(item.excerpt).to.equal('Two therapists <i>lead</i>');
  });

  it('resolves URLs against feed_url, reads dates, tags and authors', () => {
    const result = parseJsonFeed(json(feed, `${SITE}/data/posts.json`));
    const [item] = result.items;
    expect(item.url).to.equal(`${SITE}/2016/04/11/the-value-of-co-therapy/`);
    expect(item.image).to.deep.equal({ src: `${SITE}/images/co-therapy.jpg`, alt: '' });
    expect((item.date as Date).toISOString()).to.equal('2016-04-11T14:00:00.000Z');
    expect((item.updated as Date).toISOString()).to.equal('2016-04-12T10:00:00.000Z');
    expect(item.categories).to.deep.equal(['Groups', '7']);
    expect(item.author).to.equal('Leora Bar-Levav, Jane Roe');
    expect(result.skipped).to.equal(1);
  });

  it('reduces content_html to text when there is no summary, and drops unsafe URLs', () => {
    const item = parseJsonFeed(json(feed, `${SITE}/feed.json`)).items[1];
    expect(item.excerpt).to.equal('Only HTML');
    expect(item.url).to.equal(undefined);
    expect(item.image).to.equal(undefined);
    expect(item.author).to.equal('The Institute');
  });

  it('refuses JSON that is not a JSON Feed', () => {
    formatErrorOf(() => parseJsonFeed(json({ items: [] })));
    formatErrorOf(() => parseJsonFeed(json([{ title: { rendered: 'x' } }])));
  });
});

describe('detectFormat', () => {
  const cases: [string, Body, string][] = [
    ['RSS 2.0', body(rss('<item><title>x</title></item>'), 'application/rss+xml'), 'rss'],
    ['Atom served as text/xml', body(atom('<entry><title>x</title></entry>'), 'text/xml'), 'rss'],
    [
      'RSS 1.0 (RDF) after a comment',
      body('<?xml version="1.0"?><!-- hi --><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'application/rdf+xml'),
      'rss',
    ],
    ['WordPress feed wrongly served as text/html', body(rss(''), 'text/html; charset=UTF-8'), 'rss'],
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

describe('safeUrl', () => {
  const base = `${SITE}/blog/feed/`;
  const blocked = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '  javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    'ftp://example.org/',
  ];
  for (const value of blocked) {
    it(`drops ${JSON.stringify(value)}`, () => {
      expect(safeUrl(value, base)).to.equal(undefined);
      expect(safeUrl(value, base, 'image')).to.equal(undefined);
    });
  }

  it('keeps entity- and percent-encoded forms only as harmless relative paths on the site', () => {
    for (const value of ['&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)', '%6Aavascript:alert(1)', 'javascript%3Aalert(1)']) {
      const url = safeUrl(value, base);
      expect(url, value).to.be.a('string');
      expect(new URL(url!).origin, value).to.equal(SITE);
    }
  });

  it('drops javascript: once a feed parser has decoded its entities', async () => {
    const [item] = await posts(rss('<item><title>x</title><link>&#106;ava&#x73;cript:alert(1)</link></item>'));
    expect(item.url).to.equal(undefined);
  });

  it('resolves relative URLs against the base and keeps web, mail and phone links', () => {
    expect(safeUrl('../2016/post/', base)).to.equal(`${SITE}/blog/2016/post/`);
    expect(safeUrl('/about/', base)).to.equal(`${SITE}/about/`);
    expect(safeUrl('//cdn.example.org/a.jpg', base, 'image')).to.equal('https://cdn.example.org/a.jpg');
    expect(safeUrl(' HTTPS://IIGP.example/x ', base)).to.equal(`${SITE}/x`);
    expect(safeUrl('mailto:info@iigp.example', base)).to.equal('mailto:info@iigp.example');
    expect(safeUrl('tel:+1-248-555-0100', base)).to.equal('tel:+1-248-555-0100');
  });

  it('allows only web URLs for images, and nothing but strings', () => {
    expect(safeUrl('mailto:info@iigp.example', base, 'image')).to.equal(undefined);
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', base, 'image')).to.equal(undefined);
    expect(safeUrl(undefined, base)).to.equal(undefined);
    expect(safeUrl({ href: 'https://x.example/' }, base)).to.equal(undefined);
    expect(safeUrl('   ', base)).to.equal(undefined);
    expect(safeUrl('http://[bad', base)).to.equal(undefined);
  });
});

describe('htmlToText', () => {
  it('drops script, style and other never-shown content', () => {
    expect(htmlToText('<style>p{color:red}</style>Safe<script>alert(1)</script> text<template><b>t</b></template>')).to.equal('Safe text');
    expect(htmlToText('a<iframe src="https://x.example/">inner</iframe>b<noscript>n</noscript>')).to.equal('ab');
  });

  it('decodes entities exactly once', () => {
    expect(htmlToText('&#8216;DAMAGE&#8217; &amp; more')).to.equal('\u2018DAMAGE\u2019 & more');
    expect(htmlToText('Tom &amp;amp; Jerry &amp;lt;b&amp;gt;')).to.equal('Tom &amp; Jerry &lt;b&gt;');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).to.equal('<script>alert(1)</script>');
  });

  it('separates block elements and collapses whitespace', () => {
    expect(htmlToText('<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul><h2>H</h2>line<br>break')).to.equal('One Two a b H line break');
    expect(htmlToText('  many\n\n   spaces\t here ')).to.equal('many spaces here');
    expect(htmlToText('in<b>line</b> <i>words</i>')).to.equal('inline words');
  });

  it('reads C1 control characters as the windows-1252 characters they stand for', async () => {
    expect(htmlToText('don\u0092t &#147;quote&#148;')).to.equal('don\u2019t \u201cquote\u201d');
    const [item] = await posts(rss('<item><title>don&#146;t \u0080 5</title></item>'));
    expect(item.title).to.equal('don\u2019t \u20ac 5');
  });

  it('returns empty text for nothing', () => {
    expect(htmlToText('')).to.equal('');
    expect(htmlToText(null)).to.equal('');
    expect(htmlToText(undefined)).to.equal('');
  });
});

describe('parseDate', () => {
  const cases: [string, string | undefined][] = [
    ['Mon, 11 Apr 2016 14:00:00 +0000', '2016-04-11T14:00:00.000Z'],
    ['Mon, 11 Apr 2016 10:00:00 EDT', '2016-04-11T14:00:00.000Z'],
    ['11 Apr 16 10:00 -0400', '2016-04-11T14:00:00.000Z'],
    ['Monday, 11 April 2016 10:00:00 GMT', '2016-04-11T10:00:00.000Z'],
    ['2016-04-11T10:00:00-04:00', '2016-04-11T14:00:00.000Z'],
    ['2016-04-11', '2016-04-11T00:00:00.000Z'],
    ['Fri, 2006/09/15 08:19:53 EDT', '2006-09-15T12:19:53.000Z'],
    ['2004-05-25 오후 11:23:17', '2004-05-25T14:23:17.000Z'],
    ['31 Feb 2016 10:00:00 GMT', undefined],
    ['not a date', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parseDate(input)?.toISOString()).to.equal(expected);
    });
  }
});

describe('RSS specifics', () => {
  it('decodes titles once, and a title whose text is markup reads as what it displays', async () => {
    const items = await posts(
      rss(`<item><title>&#8216;DAMAGE&#8217; That a Psychotherapist Treats</title></item>
        <item><title>Groups &amp;amp; Couples</title></item>
        <item><title><![CDATA[<b>Bold</b> &amp; plain]]></title></item>
        <item><title>Caf&eacute;&nbsp;Talk</title></item>`),
    );
    expect(items.map((p) => p.title)).to.deep.equal([
      '\u2018DAMAGE\u2019 That a Psychotherapist Treats',
      'Groups & Couples',
      'Bold & plain',
      'Caf\u00e9 Talk',
    ]);
  });

  it('uses a permalink guid as the link, never one with isPermaLink="false"', async () => {
    const [first, second, third] = await posts(
      rss(`<item><guid>${SITE}/?p=1</guid><title>a</title></item>
        <item><guid isPermaLink="false">${SITE}/?p=2</guid><title>b</title></item>
        <item><guid isPermaLink="true">${SITE}/?p=3</guid><link>${SITE}/three/</link></item>`),
    );
    expect([first.url, first.id]).to.deep.equal([`${SITE}/?p=1`, `${SITE}/?p=1`]);
    expect([second.url, second.id]).to.deep.equal([undefined, `${SITE}/?p=2`]);
    expect([third.url, third.id]).to.deep.equal([`${SITE}/three/`, `${SITE}/?p=3`]);
  });

  it('resolves links and images against xml:base chains, then the feed URL', async () => {
    const items = await posts(
      rss(
        `<item xml:base="sub/"><title>a</title><link>post-a/</link><enclosure url="a.jpg" type="image/jpeg" length="1"/></item>
         <item><title>b</title><link>/post-b/</link></item>`,
        'xml:base="https://cdn.example.org/blog/"',
      ),
      `${SITE}/feed/`,
    );
    expect(items[0].url).to.equal('https://cdn.example.org/blog/sub/post-a/');
    expect(items[0].image).to.deep.equal({ src: 'https://cdn.example.org/blog/sub/a.jpg', alt: '' });
    expect(items[1].url).to.equal('https://cdn.example.org/post-b/');
    const [plain] = await posts(rss('<item><title>c</title><link>../c/</link></item>'), `${SITE}/blog/feed/`);
    expect(plain.url).to.equal(`${SITE}/blog/c/`);
  });

  it('finds images in media:content, media:thumbnail, image enclosures, then the content', async () => {
    const items = await posts(
      rss(`<item><title>m</title><media:content url="${SITE}/m.jpg" medium="image" width="640" height="360"/></item>
        <item><title>v</title><media:content url="${SITE}/v.mp4" medium="video"/><media:thumbnail url="${SITE}/t.jpg"/></item>
        <item><title>e</title><enclosure url="${SITE}/talk.mp3" type="audio/mpeg" length="9"/><enclosure url="${SITE}/e.png" type="image/png" length="9"/></item>
        <item><title>c</title><content:encoded><![CDATA[<p>x <img src="/c.jpg" alt="Group room"></p>]]></content:encoded></item>
        <item><title>bad</title><media:content url="javascript:alert(1)" medium="image"/></item>`),
    );
    expect(items.map((p) => p.image)).to.deep.equal([
      { src: `${SITE}/m.jpg`, alt: '', width: 640, height: 360 },
      { src: `${SITE}/t.jpg`, alt: '', width: undefined, height: undefined },
      { src: `${SITE}/e.png`, alt: '' },
      { src: `${SITE}/c.jpg`, alt: 'Group room' },
      undefined,
    ]);
  });

  it('reads authors from dc:creator and <author>, names only', async () => {
    const items = await posts(
      rss(`<item><title>a</title><dc:creator>Leora Bar-Levav</dc:creator><dc:creator>Jane Roe</dc:creator></item>
        <item><title>b</title><author>editor@iigp.example (Jane Roe)</author></item>`),
    );
    expect(items.map((p) => p.author)).to.deep.equal(['Leora Bar-Levav, Jane Roe', 'Jane Roe']);
    expect(authorName('Jane Roe <jane@iigp.example>')).to.equal('Jane Roe');
    expect(authorName('Jane Roe (jane@iigp.example)')).to.equal('Jane Roe');
    expect(authorName('jane@iigp.example')).to.equal('jane@iigp.example');
  });

  it('reads excerpts as text, dates, and categories', async () => {
    const [item] = await posts(
      rss(`<item><title>t</title><description><![CDATA[<p>Hello <script>x()</script>&amp; welcome</p>]]></description>
        <pubDate>Mon, 11 Apr 2016 14:00:00 +0000</pubDate><category>Groups</category><dc:subject>Couples</dc:subject></item>`),
    );
    expect(item.excerpt).to.equal('Hello & welcome');
    expect((item.date as Date).toISOString()).to.equal('2016-04-11T14:00:00.000Z');
    expect(item.categories).to.deep.equal(['Groups', 'Couples']);
  });

  it('reads RSS 1.0 (RDF) items beside the channel, with rdf:about and dc:date', async () => {
    const items = await posts(`<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="${SITE}/"><title>IIGP</title><items><rdf:Seq><rdf:li rdf:resource="${SITE}/1"/></rdf:Seq></items></channel>
        <item rdf:about="${SITE}/1"><title>One</title><dc:date>2016-04-11T10:00:00-04:00</dc:date><dc:creator>Jane</dc:creator></item>
        <item rdf:about="${SITE}/2"><title>Two</title><link>${SITE}/two/</link></item>
      </rdf:RDF>`);
    expect(items.map((p) => [p.title, p.url, p.id])).to.deep.equal([
      ['One', `${SITE}/1`, `${SITE}/1`],
      ['Two', `${SITE}/two/`, `${SITE}/2`],
    ]);
    expect((items[0].date as Date).toISOString()).to.equal('2016-04-11T14:00:00.000Z');
    expect(items[0].author).to.equal('Jane');
  });

  it('repairs bare ampersands and HTML entities, and refuses anything else that is malformed', async () => {
    const [item] = await posts(rss(`<item><title>Q&amp;A &mdash; live</title><link>${SITE}/?a=1&b=2</link></item>`));
    expect(item.title).to.equal('Q&A \u2014 live');
    expect(item.url).to.equal(`${SITE}/?a=1&b=2`);
    await formatRejectionOf(() => parseFeed(body('<rss version="2.0"><channel><item><title>x</title></item></channel>')));
    await formatRejectionOf(() => parseFeed(body('<!DOCTYPE html><html><body><p>Not a feed</body></html>')));
    await formatRejectionOf(() => parseFeed(body('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')));
  });
});

describe('Atom specifics', () => {
  it('reduces html and xhtml text constructs to text, and keeps type="text" literal', async () => {
    const items = await posts(
      atom(`<entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; &lt;script&gt;x()&lt;/script&gt;more</title></entry>
        <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>B</b><script>x()</script> &amp; C</div></title></entry>
        <entry><title type="text">&lt;b&gt;not bold&lt;/b&gt;</title></entry>
        <entry><title>Plain</title><summary type="html">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</summary></entry>`),
    );
    expect(items.map((p) => p.title)).to.deep.equal(['Bold & more', 'A B & C', '<b>not bold</b>', 'Plain']);
    expect(items[3].excerpt).to.equal('One Two');
  });

  it('resolves links and content images against nested xml:base', async () => {
    const [item] = await posts(
      atom(
        `<entry xml:base="2016/"><title>t</title><link rel="alternate" type="text/html" href="co-therapy/"/>
          <link rel="self" href="/self"/><content type="html" xml:base="https://media.example.org/">&lt;img src="a.png" alt="A"&gt;</content></entry>`,
        `xml:base="${SITE}/blog/"`,
      ),
      'https://elsewhere.example/feed.atom',
    );
    expect(item.url).to.equal(`${SITE}/blog/2016/co-therapy/`);
    expect(item.image).to.deep.equal({ src: `${SITE}/blog/2016/a.png`, alt: 'A' });
  });

  it('prefers the html alternate link, reads dates, authors and categories', async () => {
    const [item] = await posts(
      atom(
        `<entry><title>t</title><id>tag:iigp.example,2016:1</id>
          <link rel="alternate" type="application/pdf" href="/t.pdf"/><link href="/t/"/>
          <published>2016-04-11T10:00:00-04:00</published><updated>2016-04-12T00:00:00Z</updated>
          <category term="groups" label="Group therapy"/><category term="couples"/>
          <link rel="enclosure" type="image/jpeg" href="/t.jpg"/></entry>`,
        '',
      ).replace('<title>IIGP</title>', '<title>IIGP</title><author><name>The Institute</name></author>'),
    );
    expect(item.url).to.equal(`${SITE}/t/`);
    expect(item.id).to.equal('tag:iigp.example,2016:1');
    expect((item.date as Date).toISOString()).to.equal('2016-04-11T14:00:00.000Z');
    expect((item.updated as Date).toISOString()).to.equal('2016-04-12T00:00:00.000Z');
    expect(item.author).to.equal('The Institute');
    expect(item.categories).to.deep.equal(['Group therapy', 'couples']);
    expect(item.image).to.deep.equal({ src: `${SITE}/t.jpg`, alt: '' });
  });

  it('reads Atom 0.3: issued/modified, escaped and base64 content, links written as text', async () => {
    const [item] = await posts(`<feed version="0.3" xmlns="http://purl.org/atom/ns#">
      <entry><title mode="escaped" type="text/html">&lt;i&gt;Old&lt;/i&gt; feed</title>
        <link rel="alternate" type="text/html">${SITE}/old/</link>
        <issued>2004-01-01T12:00:00Z</issued><modified>2004-01-02T12:00:00Z</modified>
        <summary mode="base64" type="text/html">${btoa('<p>Hello <b>there</b></p>')}</summary></entry></feed>`);
    expect(item.title).to.equal('Old feed');
    expect(item.url).to.equal(`${SITE}/old/`);
    expect((item.date as Date).toISOString()).to.equal('2004-01-01T12:00:00.000Z');
    expect((item.updated as Date).toISOString()).to.equal('2004-01-02T12:00:00.000Z');
    expect(item.excerpt).to.equal('Hello there');
  });

  it('drops unsafe links and keeps entries without a title', async () => {
    const result = await parseFeed(
      body(atom(`<entry><link href="javascript:alert(1)"/><updated>2016-01-01T00:00:00Z</updated></entry><entry/>`)),
    );
    expect(result.items).to.have.length(1);
    expect(result.skipped).to.equal(1);
    expect(result.items[0].url).to.equal(undefined);
    expect(result.items[0].title).to.equal('');
  });
});

describe('lazy fields', () => {
  it('lazy() computes once, on first read, and the value is an ordinary enumerable property', () => {
    let calls = 0;
    const object = lazy({ a: 1 } as { a: number; b?: string }, 'b', (x: string) => (calls++, x.toUpperCase()), 'b');
    expect(calls).to.equal(0);
    expect(Object.keys(object)).to.deep.equal(['a', 'b']);
    expect(JSON.stringify(object)).to.equal('{"a":1,"b":"B"}');
    expect(object).to.deep.equal({ a: 1, b: 'B' });
    expect({ ...object }).to.deep.equal({ a: 1, b: 'B' });
    expect(calls).to.equal(1);
    expect(Object.getOwnPropertyDescriptor(object, 'b')).to.deep.equal({ value: 'B', writable: true, enumerable: true, configurable: true });
    const other = lazy({} as { b?: string }, 'b', () => 'never');
    other.b = 'set';
    expect(other.b).to.equal('set');
    // Frozen before the first read (say by a page script handed the items of an iigp-load event): still read.
    expect(Object.freeze(lazy({} as { b?: string }, 'b', () => 'frozen')).b).to.equal('frozen');
  });

  // A WordPress item: an excerpt in <description>, the post in content:encoded with a block-editor image.
  const WORDPRESS = rss(`<item><title>Repair &#8211; part 1</title><link>${SITE}/2016/04/11/repair/</link>
    <dc:creator><![CDATA[Leora Bar-Levav]]></dc:creator><pubDate>Mon, 11 Apr 2016 14:00:00 +0000</pubDate>
    <category><![CDATA[Blog]]></category><guid isPermaLink="false">${SITE}/?p=1000</guid>
    <description><![CDATA[<p>Groups <em>repair</em> [&#8230;]</p>
<p>The post <a href="${SITE}/2016/04/11/repair/">Repair</a> appeared first on <a href="${SITE}">IIGP</a>.</p>]]></description>
    <content:encoded><![CDATA[<figure class="wp-block-image"><img decoding="async" width="1024" height="640" src="/uploads/repair.jpg" alt="A circle of chairs" srcset="/uploads/repair-300.jpg 300w" /></figure>
<p>Groups <em>repair</em> what was torn.</p>]]></content:encoded></item>
    <item><title>Plain</title><description>Just text</description></item>`);
  const EXPECTED: Post[] = [
    {
      id: `${SITE}/?p=1000`,
      title: 'Repair \u2013 part 1',
      url: `${SITE}/2016/04/11/repair/`,
      date: new Date('2016-04-11T14:00:00Z'),
      updated: undefined,
      author: 'Leora Bar-Levav',
      excerpt: 'Groups repair [\u2026] The post Repair appeared first on IIGP.',
      image: { src: `${SITE}/uploads/repair.jpg`, alt: 'A circle of chairs' },
      categories: ['Blog'],
    },
    { id: 'Plain|1', title: 'Plain', url: undefined, date: undefined, updated: undefined, author: '', excerpt: 'Just text', image: undefined, categories: [] },
  ];

  it('RSS excerpts and content images are computed when read, with the same values, and enumerable', async () => {
    const items = await posts(WORDPRESS);
    for (const item of items) {
      for (const key of ['excerpt', 'image']) {
        const descriptor = Object.getOwnPropertyDescriptor(item, key)!;
        expect(descriptor.get, `${key} is not computed yet`).to.be.a('function');
        expect(descriptor.enumerable).to.equal(true);
      }
    }
    // JSON.stringify sees them (and computes them).
    expect(JSON.parse(JSON.stringify(items))).to.deep.equal(JSON.parse(JSON.stringify(EXPECTED)));
    expect(Object.getOwnPropertyDescriptor(items[0], 'excerpt')).to.include({ value: EXPECTED[0].excerpt, enumerable: true });
    expect(items).to.deep.equal(EXPECTED);
    expect(Object.keys(items[0])).to.deep.equal(Object.keys(EXPECTED[0]));
  });

  it('an image named by the item itself is read at once', async () => {
    const [item] = await posts(rss(`<item><title>e</title><enclosure url="${SITE}/e.png" type="image/png" length="9"/></item>`));
    expect(Object.getOwnPropertyDescriptor(item, 'image')).to.deep.include({ value: { src: `${SITE}/e.png`, alt: '' } });
  });

  it('each item is read separately: reading one computes nothing of the others', async () => {
    const items = await posts(WORDPRESS);
    expect(items[1].excerpt).to.equal('Just text');
    expect(Object.getOwnPropertyDescriptor(items[0], 'excerpt')!.get).to.be.a('function');
    expect(items[0].image).to.deep.equal(EXPECTED[0].image);
    expect(Object.getOwnPropertyDescriptor(items[0], 'excerpt')!.get).to.be.a('function');
  });

  it('RSS is read synchronously; an Atom feed still parses through parseFeed, its reader loaded on demand', async () => {
    expect(parseFeed(body(WORDPRESS))).to.have.property('items').with.length(2);
    const pending = parseFeed(
      body(
        atom(`<entry><title type="html">&lt;b&gt;Repair&lt;/b&gt;</title><id>urn:1</id><link href="/repair/"/>
          <updated>2016-04-11T14:00:00Z</updated><author><name>Jane Roe</name></author><category term="Blog"/>
          <summary type="html">&lt;p&gt;Groups &lt;em&gt;repair&lt;/em&gt;&lt;/p&gt;</summary>
          <content type="html">&lt;img src="/a.png" alt="A"&gt;&lt;p&gt;More&lt;/p&gt;</content></entry>`),
        'application/atom+xml',
      ),
    );
    expect(pending).to.be.an.instanceOf(Promise);
    const { items, skipped } = await pending;
    expect(skipped).to.equal(0);
    expect(JSON.parse(JSON.stringify(items))).to.deep.equal([
      {
        id: 'urn:1',
        title: 'Repair',
        url: `${SITE}/repair/`,
        date: '2016-04-11T14:00:00.000Z',
        updated: '2016-04-11T14:00:00.000Z',
        author: 'Jane Roe',
        excerpt: 'Groups repair',
        image: { src: `${SITE}/a.png`, alt: 'A' },
        categories: ['Blog'],
      },
    ]);
    const workshops = await parseWorkshopFeed(body(atom('<entry><title>Group weekend</title><updated>2030-01-05T09:00:00Z</updated></entry>')));
    expect(workshops.items.map((w) => [w.title, (w.start as Date).toISOString()])).to.deep.equal([['Group weekend', '2030-01-05T09:00:00.000Z']]);
  });
});

describe('parts of the RSS reader loaded on demand', () => {
  const FEED_MODULE = new URL('../src/formats/feed.ts', import.meta.url).href;

  /**
   * The feed reader in an iframe, a page with a module map of its own, so that a test sees which source
   * files reading a feed loads (each module loaded on demand is a file of its own in dist/chunks/).
   */
  async function freshReader() {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & typeof globalThis;
    // An indirect eval runs in the iframe's realm, so its import() loads the modules afresh.
    const module = (await win.eval(`import(${JSON.stringify(FEED_MODULE)})`)) as typeof import('../src/formats/feed.js');
    return {
      parseFeed: module.parseFeed,
      isPromise: (value: unknown) => value instanceof win.Promise,
      loaded: () => win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.replace('/src/formats/', '')),
      remove: () => frame.remove(),
    };
  }

  const isoOf = (date: Post['date']) => (date as Date | undefined)?.toISOString();
  const iso = (items: Post[]) => items.map((item) => [isoOf(item.date), isoOf(item.updated)]);

  it('reads a feed with only common dates at once, without loading the full date reader', async () => {
    const reader = await freshReader();
    try {
      const result = reader.parseFeed(
        body(
          rss(`<item><title>a</title><pubDate>Wed, 05 Mar 2026 12:00:00 +0000</pubDate></item>
            <item><title>b</title><pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate></item>
            <item><title>c</title><dc:date>2016-04-11T10:00:00-04:00</dc:date><dc:modified>2016-04-12T00:00:00Z</dc:modified></item>
            <item><title>d</title><pubDate> </pubDate></item>`),
        ),
      );
      expect(reader.isPromise(result)).to.equal(false);
      expect(iso((result as Parsed<Post>).items)).to.deep.equal([
        ['2026-03-05T12:00:00.000Z', undefined],
        ['2004-01-01T19:48:21.000Z', undefined],
        ['2016-04-11T14:00:00.000Z', '2016-04-12T00:00:00.000Z'],
        [undefined, undefined],
      ]);
      // A module import() had started would have arrived by now.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const loaded = reader.loaded();
      expect(loaded).to.include.members(['feed.ts', 'rss.ts', 'common-dates.ts']);
      expect(loaded).not.to.include.members(['dates.ts']);
      expect(loaded).not.to.include.members(['xml-repair.ts']);
      expect(loaded).not.to.include.members(['atom.ts']);
    } finally {
      reader.remove();
    }
  });

  it('loads the full date reader for a rarer date form, with the same dates as before', async () => {
    const reader = await freshReader();
    try {
      const result = reader.parseFeed(
        body(
          rss(`<item><title>common</title><pubDate>Mon, 11 Apr 2016 14:00:00 +0000</pubDate></item>
            <item><title>zone</title><pubDate>Mon, 11 Apr 2016 10:00:00 EDT</pubDate></item>
            <item><title>modified</title><dc:date>2016-04-11</dc:date><dc:modified>11 Apr 16 10:00 -0400</dc:modified></item>
            <item><title>asctime</title><pubDate>Sun Jan  4 16:29:06 2004</pubDate></item>
            <item><title>unreadable</title><pubDate>not a date</pubDate></item>`),
        ),
      );
      expect(reader.isPromise(result)).to.equal(true);
      const { items } = await result;
      expect(reader.loaded()).to.include.members(['dates.ts']);
      expect(iso(items)).to.deep.equal([
        ['2016-04-11T14:00:00.000Z', undefined],
        ['2016-04-11T14:00:00.000Z', undefined],
        ['2016-04-11T00:00:00.000Z', '2016-04-11T14:00:00.000Z'],
        ['2004-01-04T16:29:06.000Z', undefined],
        [undefined, undefined],
      ]);
      // An item without guid or link is known by its title and date.
      expect(items.map((item) => item.id)).to.deep.equal([
        'common|2016-04-11T14:00:00.000Z',
        'zone|2016-04-11T14:00:00.000Z',
        'modified|2016-04-11T00:00:00.000Z',
        'asctime|2004-01-04T16:29:06.000Z',
        'unreadable|4',
      ]);
    } finally {
      reader.remove();
    }
  });

  it('reads every date of an RSS item as parseDate does, common or not', async () => {
    const inputs = [
      'Mon, 11 Apr 2016 14:00:00 +0000',
      'Mon, 11 Apr 2016 14:00 GMT',
      'Mon, 11 Apr 2016',
      '11 April 2016 14:00:00 UT',
      'Mon,11 Apr 2016 14:00:00 -0000',
      'Mon, 11 Apr, 2016 14:00:00 UTC',
      'Mon, 11 Apr 2016 14:00:00 GMT-01:01',
      'Mon, 11 Apr 2016 14:00:00 +05:30',
      'Mon, 11 Apr 2016 14:00:00 +1500',
      'Mon, 31 Feb 2016 14:00:00 GMT',
      'Mon, 11 Apr 2016 14:00:00 EDT',
      'Mon, 11 Apr 2016 14:00:00 Etc/GMT',
      'Mon, 11 Apr 2016 14:00:00 Z',
      'Mon, 11 Apr 2016 14:00:00 M',
      'Mon, 11 Apr 16 14:00:00 GMT',
      'Thu Aug 30 2012 17:26:16 +0200',
      'Sun Jul 15 01:16:00 +0000 2012',
      'Fri, 2006/09/15 08:19:53 EDT',
      '2004-05-25 오후 11:23:17',
      '2004년 05월 28일  01:31:15',
      '031231',
      '2016-04-11T10:00:00-04:00',
      '2016-04-11T10:00:00.123+0000',
      '2016-04-11 10:00:00',
      '2003-012-31T10:14:55Z',
      '2016-04',
      '2016-04-11T10:00:00 EST',
      'not a date',
    ];
    const items = await posts(rss(inputs.map((date) => `<item><title>t</title><pubDate>${date}</pubDate></item>`).join('')));
    expect(items.map((item) => isoOf(item.date))).to.deep.equal(inputs.map((date) => parseDate(date)?.toISOString()));
  });

  it('loads the repairs for XML that is not well-formed, and the error for XML that is not a feed, only when needed', async () => {
    const reader = await freshReader();
    try {
      const broken = reader.parseFeed(body(rss(`<item><title>Caf&eacute;&nbsp;Talk</title><link>${SITE}/?a=1&b=2</link></item>`)));
      expect(reader.isPromise(broken)).to.equal(true);
      const [item] = (await broken).items;
      expect([item.title, item.url]).to.deep.equal(['Caf\u00e9 Talk', `${SITE}/?a=1&b=2`]);
      expect(reader.loaded()).to.include.members(['xml-repair.ts']);
      expect(reader.loaded()).not.to.include.members(['not-a-feed.ts']);
      const error = await Promise.resolve(reader.parseFeed(body('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'))).catch((e: unknown) => e);
      expect(LoadError.is(error) && [error.kind, error.message]).to.deep.equal(['format', 'the XML is a <html> document, not an RSS or Atom feed']);
      expect(reader.loaded()).to.include.members(['not-a-feed.ts']);
    } finally {
      reader.remove();
    }
  });
});

describe('parseXml', () => {
  /** A well-formed document is parsed at once, not as a promise. */
  function parsedNow(text: string): Document {
    const doc = parseXml(text);
    expect(doc, text).to.be.an.instanceOf(Document);
    return doc as Document;
  }

  /** Every element as its name, attributes and text, and every comment and processing instruction, in order. */
  function outline(doc: Document): string[] {
    const out: string[] = [];
    const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        const attributes = [...node.attributes].map((a) => `${a.namespaceURI} ${a.name}=${a.value}`);
        out.push(`<${node.namespaceURI} ${node.localName} ${attributes.join(' ')}> ${JSON.stringify(node.textContent)}`);
      } else out.push(`${node.nodeName} ${JSON.stringify(node.nodeValue)}`);
    }
    return out;
  }

  const TRICKY = [
    // A CDATA opener in a comment or a processing instruction opens no section; sections may hold markup openers.
    `<?xml version="1.0"?><?xml-stylesheet href="a.xsl" note="<![CDATA["?><!-- <![CDATA[ not a section -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<item><title><![CDATA[A & <b>B</b>]]></title><!-- ]]> <![CDATA[ -->
<description>x<![CDATA[<p>1 <!-- 2 --> <?php 3 ?> <![CDATA[ 4</p>]]>y<![CDATA[]]><![CDATA[z]]></description>
<content:encoded><![CDATA[${'<p>Long post. </p>'.repeat(300)}]]></content:encoded></item>
<item><title>No CDATA &amp; entities &#8217;</title><category><![CDATA[Blog]]></category></item></channel></rss>`,
    atom(`<entry><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><![CDATA[<i>x</i>]]></p></div></content></entry>`),
    // Openers in attribute values (which Chromium's parser accepts, Firefox's and WebKit's refuse).
    '<rss><channel><title a="<![CDATA[x]]>">t</title><description><![CDATA[d]]></description></channel></rss>',
    '<rss><channel><title a="<!--">t</title><description><![CDATA[0]]></description><!-- --><x><![CDATA[1]]></x></channel></rss>',
    // Not well-formed: an XML parser refuses these, and so must parseXml.
    '<rss><channel><title><![CDATA[a \u0001 b]]></title></channel></rss>',
    '<rss><channel><title><![CDATA[left open</title></channel></rss>',
    '<rss><channel><title><![CDATA[x]]></title></channel></rss><![CDATA[after the root]]>',
    '<![CDATA[before the root]]><rss><channel><title>t</title></channel></rss>',
    '<rss><channel><title><![CDATA[x]]></title><!-- left open </channel></rss>',
  ];

  it('accepts and refuses what the XML parser alone does, and reads the same document', async () => {
    for (const text of TRICKY) {
      const plain = new DOMParser().parseFromString(text, 'application/xml');
      // Refused by the engine's XML parser, as a document or as content (Chromium's document parser alone
      // lets a `<` in an attribute value through; parseXml checks as content first, see wellFormed).
      if (plain.getElementsByTagNameNS('*', 'parsererror').length || !wellFormed(text)) await formatRejectionOf(() => parseXml(text));
      else expect(outline(parsedNow(text)), text).to.deep.equal(outline(plain));
    }
  });

  it('keeps long CDATA sections out of the XML parser and puts them back', () => {
    const parse = DOMParser.prototype.parseFromString;
    const inputs: string[] = [];
    DOMParser.prototype.parseFromString = function (this: DOMParser, text: string, type: DOMParserSupportedType) {
      inputs.push(String(text));
      return parse.call(this, text, type);
    };
    let doc: Document;
    try {
      doc = parsedNow(TRICKY[0]);
    } finally {
      DOMParser.prototype.parseFromString = parse;
    }
    expect(inputs).to.have.length(1);
    expect(inputs[0]).not.to.contain('Long post');
    expect(doc.getElementsByTagName('content:encoded')[0].textContent).to.equal('<p>Long post. </p>'.repeat(300));
  });

  it('normalises line ends in CDATA sections as the XML parser does', () => {
    const doc = parsedNow('<rss><channel><item><title><![CDATA[a\r\nb\rc]]></title></item></channel></rss>');
    expect(doc.getElementsByTagName('title')[0].textContent).to.equal('a\nb\nc');
  });
});
