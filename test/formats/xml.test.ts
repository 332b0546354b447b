/**
 * The XML family: RSS 2.0, RSS 1.0/RDF and Atom read through parseFeed, the RSS/Atom specifics a feed
 * reader gets wrong most often (xml:base, Atom text constructs, images, authors, guids, RDF), the parts
 * loaded on demand, lazy fields, parseXml and its repairs, and category feeds read as workshops.
 */
import { expect } from '@open-wc/testing';
import { parseDate } from '../../src/formats/dates/dates.js';
import { hasError } from '../../src/formats/xml/has-error.js';
import { parseFeed } from '../../src/formats/xml/feed.js';
import { authorName } from '../../src/formats/xml/rss.js';
import { parseWorkshopFeed } from '../../src/formats/xml/workshop-feed.js';
import { parseXml } from '../../src/formats/xml/xml.js';
import type { Parsed, Post } from '../../src/model.js';
import { lazy } from '../../src/shared/lazy.js';
import { LoadError } from '../../src/shared/loader.js';
import { SITE, atom, body, formatRejectionOf, posts, rss } from './helpers.js';
import { wellFormed } from '../../src/formats/xml/well-formed.js';

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

  it('reads the first of <summary> and <description> as the excerpt, and <tags> as categories before <category>', async () => {
    const [both, reversed, plain, empty] = await posts(
      rss(`<item><title>a</title><summary>The short text</summary><description>The whole description</description>
          <tags>Groups, couples ,, Training</tags><category>News</category></item>
        <item><title>b</title><description>The description</description><summary>The summary</summary></item>
        <item><title>c</title><description>Only a description</description><category>News</category></item>
        <item><title>d</title><summary/><description>After an empty summary</description></item>`),
    );
    expect(both.excerpt).to.equal('The short text');
    expect(both.categories).to.deep.equal(['Groups', 'couples', 'Training', 'News']);
    expect(reversed.excerpt).to.equal('The description');
    expect(plain.excerpt).to.equal('Only a description');
    expect(plain.categories).to.deep.equal(['News']);
    expect(empty.excerpt).to.equal('After an empty summary');
  });

  it('reads UTF-8 that was misread as Latin-1 and re-encoded as UTF-8, and leaves Latin-1 and C1 characters alone', async () => {
    const items = await posts(
      rss(`<item><title>Caf&#195;&#169; &#226;&#128;&#147; talk</title><description>&#226;&#128;&#166;</description>
          <category>Fr&#195;&#188;h</category><dc:creator>Ren&#195;&#169;e</dc:creator></item>
        <item><title>&acirc;&#128;&brvbar;</title><description>Caf&#233; &#8211; caf&#195;&#169;</description></item>
        <item><title>It&#146;s caf&#233;</title><description>&#195;</description></item>`),
    );
    // The whole field is UTF-8 read as Latin-1: read again as UTF-8.
    expect([items[0].title, items[0].excerpt, items[0].categories, items[0].author]).to.deep.equal([
      'Caf\u00e9 \u2013 talk',
      '\u2026',
      ['Fr\u00fch'],
      'Ren\u00e9e',
    ]);
    // With the HTML entity repair too; a field with a character above U+00FF is not a misreading.
    expect([items[1].title, items[1].excerpt]).to.deep.equal(['\u2026', 'Caf\u00e9 \u2013 caf\u00c3\u00a9']);
    // Genuine Latin-1 is not valid UTF-8 and stays; a C1 character alone is read as windows-1252 (\u2019).
    expect([items[2].title, items[2].excerpt]).to.deep.equal(['It\u2019s caf\u00e9', '\u00c3']);
    const [entry] = await posts(
      atom(
        '<entry><title>&#195;&#169;t&#195;&#169;</title><summary type="html">&lt;p&gt;&#226;&#128;&#166;&lt;/p&gt;</summary></entry>',
      ),
    );
    expect([entry.title, entry.excerpt]).to.deep.equal(['\u00e9t\u00e9', '\u2026']);
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
    // HTML reads `&#X41;` as `&#x41;`; XML knows only the lower-case x.
    const [hex] = await posts(rss(`<item><title>&#X41;&#x42;&#X;</title><link>${SITE}/</link></item>`));
    expect(hex.title).to.equal('AB&#X;');
    await formatRejectionOf(() => parseFeed(body('<rss version="2.0"><channel><item><title>x</item></channel></rss>')));
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
    // The term is the category (what a widget's category attribute matches); the label only displays it.
    expect(item.categories).to.deep.equal(['groups', 'couples']);
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

  it('reads the last of several <updated>, as a later value overwrites an earlier one', async () => {
    const [item] = await posts(
      atom(
        `<entry><title>t</title><updated>2010-12-01T10:14:55Z</updated><updated>2003-12-31T10:14:55Z</updated></entry>`,
      ),
    );
    expect((item.updated as Date).toISOString()).to.equal('2003-12-31T10:14:55.000Z');
    expect((item.date as Date).toISOString()).to.equal('2003-12-31T10:14:55.000Z');
  });

  it("resolves an id that is a path against the entry's base; absolute ids and bare words stay as written", async () => {
    const items = await posts(
      atom(
        `<entry><title>a</title><id>/relative/link</id></entry>
         <entry xml:base="https://cdn.example.org/blog/"><title>b</title><id>./posts/2</id></entry>
         <entry><title>bare</title><id>post-7</id></entry>
         <entry><title>c</title><id>tag:iigp.example,2016:Post-3</id></entry>
         <entry><title>d</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id></entry>
         <entry><title>e</title><id>HTTP://IIGP.example/Post-5</id></entry>`,
      ),
      `${SITE}/feed/atom/`,
    );
    expect(items.map((p) => p.id)).to.deep.equal([
      `${SITE}/relative/link`,
      'https://cdn.example.org/blog/posts/2',
      'post-7',
      'tag:iigp.example,2016:Post-3',
      'urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6',
      'HTTP://IIGP.example/Post-5',
    ]);
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
    expect(Object.getOwnPropertyDescriptor(object, 'b')).to.deep.equal({
      value: 'B',
      writable: true,
      enumerable: true,
      configurable: true,
    });
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
    {
      id: 'Plain|1',
      title: 'Plain',
      url: undefined,
      date: undefined,
      updated: undefined,
      author: '',
      excerpt: 'Just text',
      image: undefined,
      categories: [],
    },
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
    expect(Object.getOwnPropertyDescriptor(items[0], 'excerpt')).to.include({
      value: EXPECTED[0].excerpt,
      enumerable: true,
    });
    expect(items).to.deep.equal(EXPECTED);
    expect(Object.keys(items[0])).to.deep.equal(Object.keys(EXPECTED[0]));
  });

  it('an image named by the item itself is read at once', async () => {
    const [item] = await posts(
      rss(`<item><title>e</title><enclosure url="${SITE}/e.png" type="image/png" length="9"/></item>`),
    );
    expect(Object.getOwnPropertyDescriptor(item, 'image')).to.deep.include({
      value: { src: `${SITE}/e.png`, alt: '' },
    });
  });

  it('each item is read separately: reading one computes nothing of the others', async () => {
    const items = await posts(WORDPRESS);
    expect(items[1].excerpt).to.equal('Just text');
    expect(Object.getOwnPropertyDescriptor(items[0], 'excerpt')!.get).to.be.a('function');
    expect(items[0].image).to.deep.equal(EXPECTED[0].image);
    expect(Object.getOwnPropertyDescriptor(items[0], 'excerpt')!.get).to.be.a('function');
  });

  it('RSS is read synchronously; an Atom feed still parses through parseFeed, its reader loaded on demand', async () => {
    expect(parseFeed(body(WORDPRESS)))
      .to.have.property('items')
      .with.length(2);
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
    const workshops = await parseWorkshopFeed(
      body(atom('<entry><title>Group weekend</title><updated>2030-01-05T09:00:00Z</updated></entry>')),
    );
    expect(workshops.items.map((w) => [w.title, (w.start as Date).toISOString()])).to.deep.equal([
      ['Group weekend', '2030-01-05T09:00:00.000Z'],
    ]);
  });
});

describe('parts of the RSS reader loaded on demand', () => {
  const FEED_MODULE = new URL('../../src/formats/xml/feed.ts', import.meta.url).href;

  /**
   * The feed reader in an iframe, a page with a module map of its own, so that a test sees which source
   * files reading a feed loads (each module loaded on demand is a file of its own in dist/chunks/).
   */
  async function freshReader() {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & typeof globalThis;
    // An indirect eval runs in the iframe's realm, so its import() loads the modules afresh.
    const module = (await win.eval(
      `import(${JSON.stringify(FEED_MODULE)})`,
    )) as typeof import('../../src/formats/xml/feed.js');
    return {
      parseFeed: module.parseFeed,
      isPromise: (value: unknown) => value instanceof win.Promise,
      loaded: () =>
        win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.split('/').pop()),
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
    const items = await posts(
      rss(inputs.map((date) => `<item><title>t</title><pubDate>${date}</pubDate></item>`).join('')),
    );
    expect(items.map((item) => isoOf(item.date))).to.deep.equal(inputs.map((date) => parseDate(date)?.toISOString()));
  });

  it('loads the repairs for XML that is not well-formed, and the error for XML that is not a feed, only when needed', async () => {
    const reader = await freshReader();
    try {
      const broken = reader.parseFeed(
        body(rss(`<item><title>Caf&eacute;&nbsp;Talk</title><link>${SITE}/?a=1&b=2</link></item>`)),
      );
      expect(reader.isPromise(broken)).to.equal(true);
      const [item] = (await broken).items;
      expect([item.title, item.url]).to.deep.equal(['Caf\u00e9 Talk', `${SITE}/?a=1&b=2`]);
      expect(reader.loaded()).to.include.members(['xml-repair.ts']);
      expect(reader.loaded()).not.to.include.members(['not-a-feed.ts']);
      const error = await Promise.resolve(
        reader.parseFeed(body('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')),
      ).catch((e: unknown) => e);
      expect(LoadError.is(error) && [error.kind, error.message]).to.deep.equal([
        'format',
        'the XML is a <html> document, not an RSS or Atom feed',
      ]);
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
    const walker = doc.createTreeWalker(
      doc,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        const attributes = [...node.attributes].map((a) => `${a.namespaceURI} ${a.name}=${a.value}`);
        out.push(
          `<${node.namespaceURI} ${node.localName} ${attributes.join(' ')}> ${JSON.stringify(node.textContent)}`,
        );
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
    atom(
      `<entry><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><![CDATA[<i>x</i>]]></p></div></content></entry>`,
    ),
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
      if (plain.getElementsByTagNameNS('*', 'parsererror').length || !wellFormed(text))
        await formatRejectionOf(() => parseXml(text));
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

describe('a document cut off at its end', () => {
  /** parseFeed, with every document DOMParser made checked: a refused parse would be reported to a strict CSP. */
  async function read(text: string): Promise<Post[]> {
    const parse = DOMParser.prototype.parseFromString;
    const refused: string[] = [];
    DOMParser.prototype.parseFromString = function (this: DOMParser, ...args: Parameters<typeof parse>) {
      const doc = parse.apply(this, args);
      if (args[1] === 'application/xml' && hasError(doc)) refused.push(String(args[0]));
      return doc;
    };
    try {
      return (await parseFeed(body(text))).items;
    } finally {
      DOMParser.prototype.parseFromString = parse;
      expect(refused, 'documents DOMParser refused').to.deep.equal([]);
    }
  }

  const ITEMS = `<item><title>One</title><link>${SITE}/1/</link></item><item><title>Two</title><link>${SITE}/2/</link></item>`;

  it('completes a last end tag that lacks its ">" (the name ended by a line end)', async () => {
    const cut = rss(ITEMS).replace(/<\/rss>$/, '</rss\r\n');
    expect((await read(cut)).map((p) => p.title)).to.deep.equal(['One', 'Two']);
    const entry = atom(`<entry><title>A</title></entry>`).replace(/<\/feed>$/, '</feed\n');
    expect((await read(entry)).map((p) => p.title)).to.deep.equal(['A']);
    // With the HTML entity and bare ampersand repairs too.
    const both = rss(`<item><title>Caf&eacute;</title><link>${SITE}/?a=1&b=2</link></item>`).replace(/>$/, ' ');
    expect((await read(both)).map((p) => [p.title, p.url])).to.deep.equal([['Caf\u00e9', `${SITE}/?a=1&b=2`]]);
  });

  it('closes the elements left open at the end of the input, and shows the items read so far', async () => {
    const whole = rss(ITEMS);
    expect((await read(whole.slice(0, whole.indexOf('</channel>')))).map((p) => p.title)).to.deep.equal(['One', 'Two']);
    expect((await read(whole.slice(0, whole.indexOf('Two') + 2))).map((p) => [p.title, p.url])).to.deep.equal([
      ['One', `${SITE}/1/`],
      ['Tw', undefined],
    ]);
    const cut = `<rss version="2.0"><channel><item><title><![CDATA[A & B]]></title><!-- c --><?pi x?><description>Cut off mid-`;
    expect((await read(cut)).map((p) => [p.title, p.excerpt])).to.deep.equal([['A & B', 'Cut off mid-']]);
  });

  it('refuses a document cut inside other markup, and one malformed before its end', async () => {
    const whole = rss(ITEMS);
    for (const text of [
      // An end tag cut inside its name or right after it (feedparser's own example of ill-formed XML).
      '<rss version="2.0">\n</rss',
      whole.slice(0, -2),
      // Cut inside a start tag.
      whole.slice(0, whole.indexOf('<link>') + 3),
      '<rss version="2.0"><channel><item><title a="b',
      // Malformed before the end: mismatched, stray or duplicate end tags, two roots, an end tag of another element.
      '<rss version="2.0"><channel><item><title>x</item></channel>',
      '<rss version="2.0"><channel></item>',
      '<rss version="2.0"><channel></channel></rss></rss>',
      '<rss version="2.0"></rss><rss>',
      '<rss version="2.0"><channel></item\n',
      '<rss version="2.0"><channel><title>&#0;</title>',
      'text before the root <rss version="2.0"><channel>',
    ])
      await formatRejectionOf(() => read(text));
    // Cut inside a comment, a CDATA section, a processing instruction (left to the XML parser, as before).
    for (const text of [
      '<rss version="2.0"><channel><!-- cut',
      '<rss version="2.0"><channel><item><title><![CDATA[cut',
      '<rss version="2.0"><channel><?pi cut',
    ])
      await formatRejectionOf(() => parseFeed(body(text)));
  });
});

describe('hasError', () => {
  it('tells a document the XML parser refused from one it read', () => {
    const parse = (text: string) => new DOMParser().parseFromString(text, 'application/xml');
    expect(hasError(parse('<rss><channel/></rss>'))).to.equal(false);
    expect(hasError(parse('<rss><channel></rss>'))).to.equal(true);
  });
});
