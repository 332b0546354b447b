/** The WordPress family: REST posts, pages (faculty), media (newsletters) and The Events Calendar. */
import { expect } from '@open-wc/testing';
import { parseTecEvents } from '../../src/formats/wordpress/tec.js';
import { parseWpMedia } from '../../src/formats/wordpress/wp-media.js';
import { parseWpPages } from '../../src/formats/wordpress/wp-pages.js';
import { parseWpPosts } from '../../src/formats/wordpress/wp.js';
import { SITE, body, formatErrorOf, json } from './helpers.js';

describe('parseWpPosts (WordPress REST /wp/v2/posts)', () => {
  const post = {
    id: 212,
    date: '2016-04-11T10:00:00',
    date_gmt: '2016-04-11T14:00:00',
    modified_gmt: '2016-05-01T09:30:00',
    link: `${SITE}/2016/03/damage/`,
    title: { rendered: '&#8216;DAMAGE&#8217; That a Psychotherapist Treats' },
    excerpt: {
      rendered: '<p>Groups &#038; couples: what <em>damage</em> means [&hellip;]</p>\n<script>alert(1)</script>',
    },
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
            sizes: {
              medium: { source_url: `${SITE}/wp-content/uploads/2016/03/damage-300x180.jpg`, width: 300, height: 180 },
            },
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
        {
          ...post,
          link: 'javascript:alert(1)',
          _embedded: { 'wp:featuredmedia': [{ source_url: 'data:image/png;base64,AAAA' }] },
          content: {},
        },
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
    const error = formatErrorOf(() =>
      parseWpPosts(json({ code: 'rest_no_route', message: 'No route was found', data: { status: 404 } })),
    );
    expect(error.message).to.contain('rest_no_route');
    expect(error.hint).to.contain('/wp-json/wp/v2/posts');
  });

  it('refuses a body that is not JSON', () => {
    expect(formatErrorOf(() => parseWpPosts(body('<html></html>', 'text/html'))).message).to.contain('not valid JSON');
  });
});

/** A JSON file of the demo site, as the loader would hand it over. */
async function demo(name: string, path: string) {
  const response = await fetch(`/demo/data/${name}`);
  return body(await response.text(), response.headers.get('content-type') ?? 'application/json', `${SITE}${path}`);
}

describe('parseWpPages (WordPress pages, for faculty)', () => {
  it('splits the name from the credentials in the title, and reads the slug, link and excerpt', async () => {
    const { items, skipped } = parseWpPages(await demo('faculty-pages.json', '/wp-json/wp/v2/pages'));
    expect(skipped).to.equal(0);
    expect(items.length).to.equal(5);
    const [first] = items;
    expect([first.id, first.name, first.credentials]).to.deep.equal([
      'natan-harpaz',
      'Natan HarPaz',
      ['Ph.D', 'M.S.W', 'CGP', 'FAGPA'],
    ]);
    expect(first.url).to.match(/^https:\/\//);
    expect(first.bio).to.be.a('string').and.not.contain('<');
  });

  it('refuses pages without titles', () => {
    expect(formatErrorOf(() => parseWpPages(json([{ id: 1 }], `${SITE}/wp-json/wp/v2/pages`))).kind).to.equal('format');
  });
});

describe('parseWpMedia (WordPress media, for newsletters)', () => {
  it('keeps PDFs, linking to the file itself, with their size', async () => {
    const { items } = parseWpMedia(await demo('newsletter-media.json', '/wp-json/wp/v2/media'));
    expect(items.length).to.be.greaterThan(5);
    expect(items[0]).to.include({
      title: 'Winter 2012',
      url: 'https://iigp.example/wp-content/uploads/newsletters/winter-2012.pdf',
      type: 'application/pdf',
    });
    expect(items.every((issue) => issue.url?.endsWith('.pdf'))).to.equal(true);
  });

  it('drops images and entries without a safe source_url', () => {
    const { items, skipped } = parseWpMedia(
      json([
        { id: 1, title: { rendered: 'Photo' }, source_url: `${SITE}/a.jpg`, mime_type: 'image/jpeg' },
        { id: 2, title: { rendered: 'Bad' }, source_url: 'javascript:alert(1)', mime_type: 'application/pdf' },
        { id: 3, title: { rendered: 'Fall 2013' }, source_url: '/f.pdf', media_details: { filesize: 1000 } },
      ]),
    );
    expect(items.map((issue) => [issue.title, issue.url, issue.size])).to.deep.equal([
      ['Fall 2013', `${SITE}/f.pdf`, 1000],
    ]);
    expect(skipped).to.equal(1);
  });
});

describe('parseTecEvents (The Events Calendar REST)', () => {
  it('reads the events with their UTC times, zone, venue, cost and registration link', async () => {
    const { items } = parseTecEvents(await demo('workshops-tec.json', '/wp-json/tribe/events/v1/events'));
    expect(items.length).to.equal(5);
    const [first] = items;
    expect([first.title, (first.start as Date).toISOString(), first.timeZone]).to.deep.equal([
      'Culture and Race in Psychotherapy',
      '2026-10-16T23:00:00.000Z',
      'America/Detroit',
    ]);
    expect(first.url).to.match(/^https:\/\/iigp\.example\/event\//);
  });

  it('refuses JSON that is not The Events Calendar', () => {
    expect(formatErrorOf(() => parseTecEvents(json({ nothing: true }))).kind).to.equal('format');
  });
});
