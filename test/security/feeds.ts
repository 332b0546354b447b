/**
 * Builders of hostile data in every wire format the widgets read: each puts one payload per entry into
 * every text slot (`text` mode, with good links) or every URL and date slot (`url` mode, with plain text).
 */
import { escapeText } from '../../src/workshop-list/ics-write.js';

export type Mode = 'text' | 'url';

/** A same-origin image, so no test ever dials out. */
export const IMAGE = '/__mock/demo/data/images/co-therapy.svg';
export const link = (i: number) => `https://iigp.example/post/${i}/`;
/** Distinct, increasing times, so that sorting widgets keep the payloads in order. */
const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 12) + i * 3_600_000);
export const NOW = '2026-11-26T12:00:00Z';

/** XML 1.0 cannot carry C0 controls other than tab, LF and CR, even as references: they are dropped. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- the controls XML refuses, on purpose
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function esc(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** CDATA that survives a payload containing `]]>`. */
function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

const imgTag = (src: string) => `<p>x</p><img src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" alt="a">`;

export function rss(payloads: string[], mode: Mode, dates = true): string {
  const items = payloads.map((p, i) => {
    if (mode === 'text') {
      return `<item><title>${esc(p)}</title><link>${esc(link(i))}</link><dc:creator>${cdata(p)}</dc:creator>
        <pubDate>${at(i).toUTCString()}</pubDate><category>${esc(p)}</category><guid isPermaLink="false">id-${i}</guid>
        <description>${i % 2 ? cdata(p) : esc(p)}</description><content:encoded>${cdata(p)}</content:encoded>
        <media:content url="${esc(IMAGE)}" medium="image" /></item>`;
    }
    return `<item><title>Post ${i}</title><link>${esc(p)}</link><guid isPermaLink="true">${esc(p)}</guid>
      <pubDate>${dates ? esc(p) : at(i).toUTCString()}</pubDate>${dates ? `<dc:date>${esc(p)}</dc:date>` : ''}
      <description>${cdata(imgTag(p))}</description><enclosure url="${esc(p)}" type="image/png" length="1" />
      <media:content url="${esc(p)}" medium="image" /><media:thumbnail url="${esc(p)}" /></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Attack</title><link>https://iigp.example/</link><description>x</description>${items.join('\n')}</channel></rss>`;
}

export function rdf(payloads: string[], mode: Mode): string {
  const items = payloads.map((p, i) =>
    mode === 'text'
      ? `<item rdf:about="${esc(link(i))}"><title>${esc(p)}</title><link>${esc(link(i))}</link><description>${esc(p)}</description>
          <dc:creator>${esc(p)}</dc:creator><dc:date>${at(i).toISOString()}</dc:date><dc:subject>${esc(p)}</dc:subject></item>`
      : `<item rdf:about="${esc(p)}"><title>Post ${i}</title><link>${esc(p)}</link><description>${esc(imgTag(p))}</description>
          <dc:date>${esc(p)}</dc:date></item>`,
  );
  return `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://iigp.example/"><title>Attack</title><link>https://iigp.example/</link><description>x</description></channel>
${items.join('\n')}</rdf:RDF>`;
}

export function atom(payloads: string[], mode: Mode): string {
  const entries = payloads.map((p, i) =>
    mode === 'text'
      ? `<entry><title type="${i % 2 ? 'html' : 'text'}">${esc(p)}</title><link rel="alternate" type="text/html" href="${esc(link(i))}" />
          <id>id-${i}</id><published>${at(i).toISOString()}</published><updated>${at(i).toISOString()}</updated>
          <author><name>${esc(p)}</name></author><category term="${esc(p)}" label="${esc(p)}" />
          <summary type="${i % 2 ? 'text' : 'html'}">${esc(p)}</summary><content type="html">${esc(p)}</content>
          <media:thumbnail url="${esc(IMAGE)}" /></entry>`
      : `<entry><title>Post ${i}</title><link rel="alternate" href="${esc(p)}" /><id>id-${i}</id>
          <published>${esc(p)}</published><updated>${esc(p)}</updated>
          <link rel="enclosure" type="image/png" href="${esc(p)}" /><content type="html">${esc(imgTag(p))}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Attack</title><id>urn:attack</id>
<updated>2026-11-01T00:00:00Z</updated>${entries.join('\n')}</feed>`;
}

export function jsonFeed(payloads: string[], mode: Mode): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Attack',
    items: payloads.map((p, i) =>
      mode === 'text'
        ? {
            id: `id-${i}`,
            title: p,
            url: link(i),
            ...(i % 2 ? { content_html: p } : { summary: p, content_text: p }),
            authors: [{ name: p }],
            tags: [p],
            image: IMAGE,
            date_published: at(i).toISOString(),
          }
        : {
            id: `id-${i}`,
            title: `Post ${i}`,
            url: p,
            external_url: p,
            image: p,
            banner_image: p,
            content_html: imgTag(p),
            date_published: p,
          },
    ),
  });
}

export function wpPosts(payloads: string[], mode: Mode, dates = true): string {
  return JSON.stringify(
    payloads.map((p, i) =>
      mode === 'text'
        ? {
            id: i,
            link: link(i),
            date_gmt: at(i).toISOString().slice(0, 19),
            title: { rendered: p },
            excerpt: { rendered: p },
            content: { rendered: p },
            _embedded: {
              author: [{ name: p }],
              'wp:term': [[{ taxonomy: 'category', name: p }]],
              'wp:featuredmedia': [{ source_url: IMAGE, alt_text: p }],
            },
          }
        : {
            id: i,
            link: p,
            date_gmt: dates ? p : at(i).toISOString().slice(0, 19),
            title: { rendered: `Post ${i}` },
            content: { rendered: imgTag(p) },
            _embedded: {
              'wp:featuredmedia': [{ source_url: p, media_details: { sizes: { medium: { source_url: p } } } }],
            },
          },
    ),
  );
}

export function schemaEvents(payloads: string[], mode: Mode): string {
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': payloads.map((p, i) => {
      const start = at(i);
      const end = new Date(start.getTime() + 1_800_000);
      const base = {
        '@type': 'EducationEvent',
        '@id': `urn:event:${i}`,
        startDate: start.toISOString(),
        endDate: end.toISOString(),
      };
      return mode === 'text'
        ? {
            ...base,
            name: p,
            url: link(i),
            description: `${p}\nPresenters: ${p}\nCE credits: ${p}`,
            eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
            location: [
              {
                '@type': 'Place',
                name: p,
                address: { '@type': 'PostalAddress', streetAddress: p, addressLocality: p, addressRegion: p },
              },
              { '@type': 'VirtualLocation', url: link(i) },
            ],
            performer: [
              { '@type': 'Person', name: p, url: link(i) },
              { '@type': 'Person', name: p },
            ],
            educationalCredentialAwarded: p,
            offers: { '@type': 'Offer', price: p, priceCurrency: p, url: link(i) },
            keywords: p,
            image: { '@type': 'ImageObject', url: IMAGE, caption: p },
          }
        : {
            ...base,
            name: `Workshop ${i}`,
            url: p,
            location: [{ '@type': 'VirtualLocation', url: p }],
            performer: [{ '@type': 'Person', name: 'Presenter', url: p }],
            offers: { '@type': 'Offer', price: 10, url: p },
            image: p,
          };
    }),
  });
}

/** A URI value on one line (iCalendar URI values are not escaped). */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

export function ics(payloads: string[], mode: Mode): string {
  const events = payloads.map((p, i) => {
    const start = at(i)
      .toISOString()
      .replace(/[-:]|\.\d{3}/g, '');
    const end = new Date(at(i).getTime() + 1_800_000).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const common = ['BEGIN:VEVENT', `UID:event-${i}@attack`, `DTSTAMP:${start}`, `DTSTART:${start}`, `DTEND:${end}`];
    const rest =
      mode === 'text'
        ? [
            `SUMMARY:${escapeText(p)}`,
            `DESCRIPTION:${escapeText(`${p}\nPresenters: ${p}\nCE credits: ${p}\nCost: ${p}`)}`,
            `LOCATION:${escapeText(p)}`,
            `URL:${link(i)}`,
            `CATEGORIES:${escapeText(p)}`,
            `ATTACH;FMTTYPE=image/svg+xml:${location.origin}${IMAGE}`,
          ]
        : [
            `SUMMARY:Workshop ${i}`,
            `URL:${oneLine(p)}`,
            `CONFERENCE;VALUE=URI:${oneLine(p)}`,
            `ATTACH;FMTTYPE=image/png:${oneLine(p)}`,
            `LOCATION:${escapeText(p)}`,
          ];
    return [...common, ...rest, 'END:VEVENT'].join('\r\n');
  });
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//attack//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

export function tecEvents(payloads: string[], mode: Mode): string {
  return JSON.stringify({
    events: payloads.map((p, i) => {
      const start = at(i).toISOString().slice(0, 19).replace('T', ' ');
      const end = new Date(at(i).getTime() + 1_800_000).toISOString().slice(0, 19).replace('T', ' ');
      const base = { id: i, utc_start_date: start, utc_end_date: end, timezone: 'America/Detroit', all_day: false };
      return mode === 'text'
        ? {
            ...base,
            title: p,
            description: `${p}<p>Presenters: ${p}</p><p>CE credits: ${p}</p>`,
            excerpt: p,
            url: link(i),
            website: link(i),
            venue: { venue: p, address: p, city: p, stateprovince: p, zip: p },
            image: { url: IMAGE, alt: p },
            cost: p,
            categories: [{ name: p }],
            is_virtual: true,
            virtual_url: link(i),
          }
        : {
            ...base,
            title: `Workshop ${i}`,
            url: p,
            website: p,
            image: { url: p },
            is_virtual: true,
            virtual_url: p,
            description: imgTag(p),
          };
    }),
  });
}

export function schemaPersons(payloads: string[], mode: Mode): string {
  return JSON.stringify(
    payloads.map((p, i) =>
      mode === 'text'
        ? {
            '@context': 'https://schema.org',
            '@type': 'Person',
            identifier: `p${i}`,
            name: p,
            honorificSuffix: p,
            jobTitle: p,
            url: link(i),
            description: p,
            image: { '@type': 'ImageObject', url: IMAGE, width: 10, height: 10 },
          }
        : { '@type': 'Person', identifier: `p${i}`, name: `Person ${i}`, url: p, image: p },
    ),
  );
}

export function wpPages(payloads: string[], mode: Mode): string {
  return JSON.stringify(
    payloads.map((p, i) =>
      mode === 'text'
        ? {
            id: i,
            slug: `p${i}`,
            link: link(i),
            title: { rendered: `${p}, Ph.D` },
            excerpt: { rendered: p },
            acf: { job_title: p },
            _embedded: { 'wp:featuredmedia': [{ source_url: IMAGE, alt_text: p }] },
          }
        : {
            id: i,
            slug: `p${i}`,
            link: p,
            title: { rendered: `Person ${i}` },
            _embedded: { 'wp:featuredmedia': [{ source_url: p }] },
          },
    ),
  );
}

export function publicationIssues(payloads: string[], mode: Mode): string {
  return JSON.stringify(
    payloads.map((p, i) =>
      mode === 'text'
        ? {
            '@type': 'PublicationIssue',
            '@id': `urn:issue:${i}`,
            name: p,
            url: `https://iigp.example/newsletters/${i}.pdf`,
            datePublished: at(i).toISOString().slice(0, 10),
            encodingFormat: p,
            contentSize: p,
            issueNumber: p,
            isPartOf: { '@type': 'PublicationVolume', volumeNumber: p },
          }
        : {
            '@type': 'PublicationIssue',
            '@id': `urn:issue:${i}`,
            name: `Winter 2009, Vol. 2 Issue ${i}`,
            url: p,
            encoding: { contentUrl: p },
            datePublished: p,
          },
    ),
  );
}

export function wpMedia(payloads: string[], mode: Mode): string {
  return JSON.stringify(
    payloads.map((p, i) =>
      mode === 'text'
        ? {
            id: i,
            title: { rendered: p },
            source_url: `https://iigp.example/newsletters/${i}.pdf`,
            mime_type: 'application/pdf',
            date_gmt: at(i).toISOString().slice(0, 19),
            media_details: { filesize: 1000 + i },
          }
        : {
            id: i,
            title: { rendered: `Spring 2011 Vol. 4, Issue ${i}` },
            source_url: p,
            mime_type: 'application/pdf',
            date_gmt: p,
          },
    ),
  );
}
