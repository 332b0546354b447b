// Generated WordPress-style RSS 2.0 feeds (the shape `/feed/` returns: dc:creator, categories,
// an excerpt in <description>, the full post in content:encoded, an image in every other post),
// deterministic so runs compare.

const WORDS = (
  'group psychotherapy co-therapy training supervision patients therapist institute Southfield ' +
  'workshop continuing education repair disagreement relationship feelings anxiety transference ' +
  'countertransference members leader session boundaries empathy attachment development practice ' +
  'the a of and to in is that for it with as was on be by this are or at from not but have an they ' +
  'which one you were all we when there can more if will about up out them so what into time only ' +
  'Michigan clinician trust silence conflict grief shame anger safety process here-and-now dynamics ' +
  'interpretation resistance cohesion feedback mirroring defenses intimacy consultation certificate'
).split(' ');

const AUTHORS = ['Leora Bar-Levav', 'Natan HarPaz', 'Reuven Bar-Levav', 'Jane Doe'];
const CATEGORIES = ['Blog', 'Group psychotherapy', 'Training', 'Workshops', 'Newsletter'];

/** A deterministic pseudo-random word sequence (mulberry32), about as compressible as prose. */
function words(seed, count) {
  let state = (seed * 2654435761) >>> 0;
  const out = [];
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push(WORDS[((t ^ (t >>> 14)) >>> 0) % WORDS.length]);
  }
  return out.join(' ');
}

function rfc822(date) {
  return date.toUTCString().replace('GMT', '+0000');
}

function item(i) {
  const date = new Date(Date.UTC(2016, 3, 11, 14, 0, 0) - i * 86_400_000 * 3);
  const slug = `post-${i}`;
  const title = `${words(i, 4)} &#8211; part ${i}`.replace(/^./, (c) => c.toUpperCase());
  const paragraphs = [0, 1, 2, 3, 4, 5].map((p) => `<p>${words(i * 7 + p, 60)}.</p>`).join('\n');
  // Every other post opens with an image block, as WordPress's block editor writes it.
  const image =
    i % 2 === 0
      ? `<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="640" src="https://iigp.example/wp-content/uploads/2016/04/${slug}-1024x640.jpg" alt="${words(i, 3)}" class="wp-image-${2000 + i}" srcset="https://iigp.example/wp-content/uploads/2016/04/${slug}-1024x640.jpg 1024w, https://iigp.example/wp-content/uploads/2016/04/${slug}-300x188.jpg 300w, https://iigp.example/wp-content/uploads/2016/04/${slug}-768x480.jpg 768w" sizes="(max-width: 1024px) 100vw, 1024px" /></figure>\n`
      : '';
  return `
	<item>
		<title>${title}</title>
		<link>https://iigp.example/2016/04/11/${slug}/</link>
		<comments>https://iigp.example/2016/04/11/${slug}/#respond</comments>
		<dc:creator><![CDATA[${AUTHORS[i % AUTHORS.length]}]]></dc:creator>
		<pubDate>${rfc822(date)}</pubDate>
		<category><![CDATA[${CATEGORIES[i % CATEGORIES.length]}]]></category>
		<category><![CDATA[${CATEGORIES[(i + 2) % CATEGORIES.length]}]]></category>
		<guid isPermaLink="false">https://iigp.example/?p=${1000 + i}</guid>
		<description><![CDATA[<p>${words(i, 40)} [&#8230;]</p>
<p>The post <a rel="nofollow" href="https://iigp.example/2016/04/11/${slug}/">${title}</a> appeared first on <a rel="nofollow" href="https://iigp.example">Institute for Individual and Group Psychotherapy</a>.</p>
]]></description>
		<content:encoded><![CDATA[${image}${paragraphs}
<p>The post <a rel="nofollow" href="https://iigp.example/2016/04/11/${slug}/">${title}</a> appeared first on <a rel="nofollow" href="https://iigp.example">Institute for Individual and Group Psychotherapy</a>.</p>
]]></content:encoded>
		<wfw:commentRss>https://iigp.example/2016/04/11/${slug}/feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>`;
}

/** An RSS 2.0 feed of `count` items, as WordPress 6 writes it. */
export function wordpressFeed(count) {
  let items = '';
  for (let i = 0; i < count; i++) items += item(i);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>Institute for Individual and Group Psychotherapy</title>
	<atom:link href="https://iigp.example/feed/" rel="self" type="application/rss+xml" />
	<link>https://iigp.example</link>
	<description>Psychotherapy training and treatment in Southfield, Michigan</description>
	<lastBuildDate>Mon, 11 Apr 2016 18:02:11 +0000</lastBuildDate>
	<language>en-US</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.1</generator>${items}
</channel>
</rss>
`;
}
