/** The JSON family: JSON Feed 1.1, and the helpers every JSON format reads its body with. */
import { expect } from '@open-wc/testing';
import { parseJsonFeed } from '../../src/formats/json/json-feed.js';
import { isObject, jsonOf, str } from '../../src/formats/json/json.js';
import { SITE, body, formatErrorOf, json } from './helpers.js';

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
      {
        id: 'post-2',
        content_html: '<p>Only <script>x()</script>HTML</p>',
        url: 'javascript:alert(1)',
        image: 'data:image/gif;base64,R0lG',
      },
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

describe('the JSON helpers', () => {
  it('jsonOf parses a body once (a byte order mark allowed), and refuses what is not JSON', () => {
    const source = body('\uFEFF{"a":[1]}', 'application/json');
    const value = jsonOf(source);
    expect(value).to.deep.equal({ a: [1] });
    expect(jsonOf(source)).to.equal(value);
    expect(formatErrorOf(() => jsonOf(body('<html></html>', 'text/html'))).message).to.contain('not valid JSON');
  });

  it('isObject and str trust no type the data claims', () => {
    expect([isObject({}), isObject([]), isObject(null), isObject('x')]).to.deep.equal([true, false, false, false]);
    expect([str('a'), str(5), str(null), str({ rendered: 'x' }), str(['a'])]).to.deep.equal(['a', '5', '', '', '']);
  });
});

describe('toJsonFeed (the snapshot writer), read back by parseJsonFeed', () => {
  it('a written feed reads back as the posts it was written from', async () => {
    const { toJsonFeed } = await import('../../src/formats/json/json-feed-write.js');
    const { parseFeed } = await import('../../src/formats/xml/feed.js');
    const response = await fetch('/demo/data/posts.xml');
    const source = await parseFeed(body(await response.text(), 'application/rss+xml', `${SITE}/feed/`));
    const { document, count } = toJsonFeed(source.items, { title: 'IIGP', home: `${SITE}/` });
    expect(count).to.equal(source.items.length);
    const back = parseJsonFeed(body(JSON.stringify(document), 'application/feed+json', `${SITE}/posts.json`));
    const fields = (p: (typeof back.items)[number]) => [
      p.id,
      p.title,
      p.url,
      p.date && new Date(p.date).toISOString(),
      p.author,
      p.excerpt,
    ];
    expect(back.items.map(fields)).to.deep.equal(source.items.map(fields));
  });
});
