/**
 * The institute's sample posts (demo/data/posts.xml) in every wire format `<iigp-recent-posts>` reads,
 * and the variants the stories need (empty, many, long titles, no images). Nothing here is a second
 * copy of the data: every variant is derived from the one RSS file, so changing demo/data/posts.xml
 * changes every story. Plain functions over strings (they need the browser's DOMParser), so the
 * component tests can import them as well.
 */

export interface SamplePost {
  title: string;
  link: string;
  guid: string;
  author: string;
  /** ISO 8601, UTC. */
  date: string;
  categories: string[];
  /** HTML, as WordPress writes it. */
  excerptHtml: string;
  /** HTML of the full post (`content:encoded`), when the feed carries it. */
  contentHtml?: string;
  image?: { src: string; alt: string; width?: number; height?: number };
}

export interface Channel {
  title: string;
  link: string;
  description: string;
}

const DC = 'http://purl.org/dc/elements/1.1/';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';

function firstImage(html: string, base: string): SamplePost['image'] {
  const img = new DOMParser().parseFromString(html, 'text/html').querySelector('img[src]');
  if (!img) return undefined;
  return {
    src: new URL(img.getAttribute('src')!, base).href,
    alt: img.getAttribute('alt') ?? '',
    width: Number(img.getAttribute('width')) || undefined,
    height: Number(img.getAttribute('height')) || undefined,
  };
}

/**
 * Reads an RSS 2.0 feed (as WordPress writes it) into sample posts. Image addresses are resolved
 * against `base`, the URL the feed is served from, so the derived formats can link them absolutely.
 */
export function readRss(xml: string, base: string = document.baseURI): { channel: Channel; posts: SamplePost[] } {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.querySelector('parsererror')) throw new Error('stories/data: the sample RSS is not well-formed');
  const text = (parent: Element, name: string) => parent.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
  const channelEl = doc.getElementsByTagName('channel')[0];
  const channel: Channel = {
    title: text(channelEl, 'title'),
    link: text(channelEl, 'link'),
    description: text(channelEl, 'description'),
  };
  const posts = [...doc.getElementsByTagName('item')].map((item): SamplePost => {
    const contentHtml = item.getElementsByTagNameNS(CONTENT, 'encoded')[0]?.textContent ?? undefined;
    return {
      title: text(item, 'title'),
      link: text(item, 'link'),
      guid: text(item, 'guid'),
      author: item.getElementsByTagNameNS(DC, 'creator')[0]?.textContent?.trim() ?? '',
      date: new Date(text(item, 'pubDate')).toISOString(),
      categories: [...item.getElementsByTagName('category')].map((c) => c.textContent?.trim() ?? '').filter(Boolean),
      excerptHtml: text(item, 'description'),
      contentHtml,
      image: contentHtml ? firstImage(contentHtml, base) : undefined,
    };
  });
  return { channel, posts };
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cdata(value: string): string {
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function contentOf(post: SamplePost): string | undefined {
  if (post.contentHtml && (!post.image || post.contentHtml.includes(post.image.src))) return post.contentHtml;
  if (!post.image) return undefined;
  const { src, alt, width, height } = post.image;
  return `<p><img src="${esc(src)}" alt="${esc(alt)}"${width ? ` width="${width}"` : ''}${height ? ` height="${height}"` : ''} /></p>${post.excerptHtml}`;
}

/** RSS 2.0, the way WordPress's /feed/ writes it. */
export function toRss(posts: SamplePost[], channel: Channel): string {
  const items = posts
    .map((post) => {
      const content = contentOf(post);
      return `
	<item>
		<title>${esc(post.title)}</title>
		<link>${esc(post.link)}</link>
		<dc:creator>${cdata(post.author)}</dc:creator>
		<pubDate>${new Date(post.date).toUTCString().replace('GMT', '+0000')}</pubDate>
${post.categories.map((c) => `		<category>${cdata(c)}</category>\n`).join('')}		<guid isPermaLink="false">${esc(post.guid)}</guid>
		<description>${cdata(post.excerptHtml)}</description>${content ? `\n		<content:encoded>${cdata(content)}</content:encoded>` : ''}
	</item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="${CONTENT}" xmlns:dc="${DC}">
<channel>
	<title>${esc(channel.title)}</title>
	<link>${esc(channel.link)}</link>
	<description>${esc(channel.description)}</description>
	<language>en-US</language>${items}
</channel>
</rss>
`;
}

/** Atom 1.0 (WordPress /feed/atom/). */
export function toAtom(posts: SamplePost[], channel: Channel): string {
  const updated = posts[0]?.date ?? new Date(0).toISOString();
  const entries = posts
    .map(
      (post) => `
  <entry>
    <author><name>${esc(post.author)}</name></author>
    <title type="html">${esc(esc(post.title))}</title>
    <link rel="alternate" type="text/html" href="${esc(post.link)}" />
    <id>${esc(post.guid)}</id>
    <updated>${post.date}</updated>
    <published>${post.date}</published>
${post.categories.map((c) => `    <category term="${esc(c)}" />\n`).join('')}    <summary type="html">${esc(post.excerptHtml)}</summary>${
        contentOf(post) ? `\n    <content type="html">${esc(contentOf(post)!)}</content>` : ''
      }
  </entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">
  <title type="text">${esc(channel.title)}</title>
  <subtitle type="text">${esc(channel.description)}</subtitle>
  <updated>${updated}</updated>
  <link rel="alternate" type="text/html" href="${esc(channel.link)}" />
  <id>${esc(channel.link)}/feed/atom/</id>${entries}
</feed>
`;
}

/** RSS 1.0 / RDF (WordPress /feed/rdf/). */
export function toRdf(posts: SamplePost[], channel: Channel): string {
  const items = posts
    .map(
      (post) => `
<item rdf:about="${esc(post.link)}">
	<title>${esc(post.title)}</title>
	<link>${esc(post.link)}</link>
	<dc:date>${post.date}</dc:date>
	<dc:creator>${cdata(post.author)}</dc:creator>
${post.categories.map((c) => `	<dc:subject>${cdata(c)}</dc:subject>\n`).join('')}	<description>${cdata(post.excerptHtml)}</description>
</item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="${DC}" xmlns:content="${CONTENT}">
<channel rdf:about="${esc(channel.link)}/feed/rdf/">
	<title>${esc(channel.title)}</title>
	<link>${esc(channel.link)}</link>
	<description>${esc(channel.description)}</description>
	<items><rdf:Seq>${posts.map((p) => `<rdf:li rdf:resource="${esc(p.link)}"/>`).join('')}</rdf:Seq></items>
</channel>${items}
</rdf:RDF>
`;
}

function slugOf(post: SamplePost): string {
  return post.link.replace(/\/+$/, '').split('/').pop() ?? '';
}

/** WordPress REST `/wp-json/wp/v2/posts?_embed` (titles entity-encoded, as WordPress renders them). */
export function toWpPosts(posts: SamplePost[]): unknown[] {
  const encode = (text: string) =>
    esc(text)
      .replace(/\u2018/g, '&#8216;')
      .replace(/\u2019/g, '&#8217;')
      .replace(/\u201c/g, '&#8220;')
      .replace(/\u201d/g, '&#8221;');
  return posts.map((post, index) => {
    const id = Number(/[?&]p=(\d+)/.exec(post.guid)?.[1]) || index + 1;
    const date = post.date.replace(/\.\d+Z$/, '');
    return {
      id,
      date,
      date_gmt: date,
      modified: date,
      modified_gmt: date,
      slug: slugOf(post),
      status: 'publish',
      type: 'post',
      link: post.link,
      title: { rendered: encode(post.title) },
      content: { rendered: contentOf(post) ?? post.excerptHtml, protected: false },
      excerpt: { rendered: post.excerptHtml, protected: false },
      _embedded: {
        author: [{ id: 1, name: post.author, slug: post.author.toLowerCase().replace(/\W+/g, '-') }],
        ...(post.image
          ? {
              'wp:featuredmedia': [
                {
                  id: id * 10,
                  alt_text: post.image.alt,
                  source_url: post.image.src,
                  media_details: { width: post.image.width, height: post.image.height, sizes: {} },
                },
              ],
            }
          : {}),
        'wp:term': [
          post.categories.map((name, i) => ({
            id: i + 1,
            name: esc(name),
            slug: name.toLowerCase().replace(/\W+/g, '-'),
            taxonomy: 'category',
          })),
        ],
      },
    };
  });
}

/** JSON Feed 1.1. */
export function toJsonFeed(posts: SamplePost[], channel: Channel): unknown {
  const plain = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.link,
    feed_url: `${channel.link}/feed/json/`,
    description: channel.description,
    language: 'en-US',
    items: posts.map((post) => ({
      id: post.guid,
      url: post.link,
      title: post.title,
      summary: plain(post.excerptHtml.split('</p>')[0]),
      content_html: contentOf(post) ?? post.excerptHtml,
      date_published: post.date,
      authors: [{ name: post.author }],
      tags: post.categories,
      ...(post.image ? { image: post.image.src } : {}),
    })),
  };
}

/** `count` posts: the sample posts over and over, a week apart, each with its own link. */
export function manyPosts(posts: SamplePost[], count: number): SamplePost[] {
  const newest = Date.parse(posts[0]?.date ?? '2016-04-11T14:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const post = posts[i % posts.length];
    const round = Math.floor(i / posts.length);
    return {
      ...post,
      title: round ? `${post.title} (part ${round + 1})` : post.title,
      link: round ? `${post.link}part-${round + 1}/` : post.link,
      guid: `${post.guid}-${i}`,
      date: new Date(newest - i * 7 * 86_400_000).toISOString(),
    };
  });
}

/** The sample posts with titles and names far longer than anyone should write. */
export function withLongTitles(posts: SamplePost[]): SamplePost[] {
  return posts.map((post, i) => ({
    ...post,
    title:
      i === 1
        ? 'Psychotherapeutischeweiterbildungsveranstaltungsreihenankündigung: an unbroken word that must wrap'
        : `${post.title}: what decades of group psychotherapy at the Institute taught us about trust, repair, rupture, the body, feelings, facts and the long slow work of becoming oneself again`,
    author: `${post.author}, Ph.D., ABPP, CGP, DLFAGPA, Clinical Director and Senior Faculty Member`,
  }));
}

/** The sample posts without any image. */
export function withoutImages(posts: SamplePost[]): SamplePost[] {
  return posts.map(({ image: _image, contentHtml: _content, ...post }) => post);
}

/** The sample posts, each with an image (placeholders, served by the stories' mocked network). */
export function withImages(posts: SamplePost[]): SamplePost[] {
  return posts.map((post) => {
    const image = post.image ?? {
      src: `https://iigp.example/wp-content/uploads/placeholder/${slugOf(post)}.svg`,
      alt: '',
      width: 800,
      height: 500,
    };
    return { ...post, image, contentHtml: undefined };
  });
}
