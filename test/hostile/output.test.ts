/**
 * Misleading output corrected: years 0–99, fractional seconds, RSS titles that are markup, text cut
 * before the DOM (a 1 MB title), and long words that wrap instead of widening the page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/faculty-card/define.js';
import '../../src/newsletter-archive/define.js';
import '../../src/recent-posts/define.js';
import '../../src/workshop-list/define.js';
import { parseIsoDate } from '../../src/formats/dates/common-dates.js';
import { parseDate } from '../../src/formats/dates/dates.js';
import { parseIcs } from '../../src/formats/ical/ics.js';
import { parseRss } from '../../src/formats/xml/rss.js';
import { parseSchemaEvents } from '../../src/formats/schema/schema-events.js';
import { parseXml } from '../../src/formats/xml/xml.js';
import type { FacultyCardElement } from '../../src/faculty-card/faculty-card.js';
import type { NewsletterArchiveElement } from '../../src/newsletter-archive/newsletter-archive.js';
import type { NewsletterIssue, Person, Post, Workshop } from '../../src/model.js';
import type { RecentPostsElement } from '../../src/recent-posts/recent-posts.js';
import type { WorkshopListElement } from '../../src/workshop-list/workshop-list.js';
import type { Series } from '../../src/formats/ical/recurrence.js';
import { settled } from '../helpers.js';

const BASE = 'https://iigp.example/';
const body = (text: string, contentType = 'application/json') => ({ text, contentType, url: BASE });

async function rssTitles(items: string): Promise<string[]> {
  const doc = await parseXml(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>${items}</channel></rss>`,
  );
  return (await parseRss(doc, BASE)).items.map((p) => p.title);
}

describe('hostile round two: output that misled', function () {
  this.timeout(30000);

  it('the year 0099 in iCalendar is 0099, not 1999 (UTC, zoned, floating and all-day)', () => {
    const ics = (line: string) =>
      parseIcs(
        body(
          `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Old\r\n${line}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
          'text/calendar',
        ),
      ).items[0];
    expect((ics('DTSTART:00990105T150000Z').start as Date).toISOString()).to.equal('0099-01-05T15:00:00.000Z');
    expect((ics('DTSTART;TZID=America/Detroit:00990705T100000').start as Date).getUTCFullYear()).to.equal(99);
    expect((ics('DTSTART:00990705T100000').start as Date).getFullYear()).to.equal(99);
    expect((ics('DTSTART;VALUE=DATE:00990705').start as Date).getUTCFullYear()).to.equal(99);
  });

  it('a weekly event from the year 0099 repeats in 0099, not 1999', () => {
    const series = parseIcs(
      body(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Old\r\nDTSTART:00990105T150000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        'text/calendar',
      ),
    ).items[0] as Series;
    const meetings = series.expand!(Date.UTC(2030, 0, 1), 'all', 10);
    expect(meetings.map((w) => (w.start as Date).toISOString())).to.deep.equal([
      '0099-01-05T15:00:00.000Z',
      '0099-01-12T15:00:00.000Z',
      '0099-01-19T15:00:00.000Z',
    ]);
  });

  it('the year 0099 in schema.org is 0099 (offset, floating in a zone, all-day)', () => {
    const events = (startDate: string, zone?: string) =>
      parseSchemaEvents(
        body(
          JSON.stringify([
            { '@type': 'Event', name: 'Old', startDate, eventSchedule: zone ? { scheduleTimezone: zone } : undefined },
          ]),
        ),
      ).items[0] as Workshop;
    expect((events('0099-07-05T10:00:00-04:00').start as Date).toISOString()).to.equal('0099-07-05T14:00:00.000Z');
    expect((events('0099-07-05T10:00:00', 'America/New_York').start as Date).getUTCFullYear()).to.equal(99);
    expect((events('0099-07-05').start as Date).getUTCFullYear()).to.equal(99);
    // Only RFC 822 has two-digit years.
    expect(parseDate('Mon, 05 Jul 99 10:00:00 GMT')!.getUTCFullYear()).to.equal(1999);
  });

  it('ISO 8601 keeps fractional seconds', () => {
    expect(parseIsoDate('2026-03-05T10:00:00.250-04:00')!.toISOString()).to.equal('2026-03-05T14:00:00.250Z');
    expect(parseDate('2026-03-05T10:00:00,5Z')!.toISOString()).to.equal('2026-03-05T10:00:00.500Z');
    expect(parseDate('2026-03-05T10:00:00.123456Z')!.toISOString()).to.equal('2026-03-05T10:00:00.123Z');
  });

  it('an RSS title whose text is HTML reads as what it displays; a lone "<" in prose stays', async () => {
    expect(
      await rssTitles(`<item><title><![CDATA[1930ft<sup>2</sup> &amp; parking]]></title><link>${BASE}1</link></item>
        <item><title>a &lt; b and c &gt; d</title><link>${BASE}2</link></item>
        <item><title><![CDATA[5 < 6 & 7 > 3]]></title><link>${BASE}3</link></item>
        <item><title>&lt;em&gt;Group&lt;/em&gt; work</title><link>${BASE}4</link></item>
        <item><title>if x&lt;y then</title><link>${BASE}5</link></item>`),
    ).to.deep.equal(['1930ft2 & parking', 'a < b and c > d', '5 < 6 & 7 > 3', 'Group work', 'if x<y then']);
  });

  it('a 1 MB title reaches the DOM cut to about 1,000 characters; the full text stays in items', async () => {
    const title = 'x'.repeat(1_000_000);
    const post: Post = {
      id: '1',
      title,
      url: `${BASE}1`,
      author: 'A'.repeat(100_000),
      excerpt: 'e'.repeat(100_000),
    } as Post;
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts show-author show-excerpt .items=${[post]}></iigp-recent-posts>`,
    );
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('[part~="title"]')!.textContent!;
    expect(shown.length).to.be.within(900, 1001);
    expect(el.shadowRoot!.querySelector('[part~="author"]')!.textContent!.length).to.be.below(1100);
    expect(el.shadowRoot!.querySelector('[part~="excerpt"]')!.textContent!.length).to.be.at.most(5001);
    expect((el.items![0] as Post).title.length).to.equal(1_000_000);
    const workshop: Workshop = {
      id: 'w',
      title,
      // A linked title: its text goes through the link, not through the plain parts.
      url: `${BASE}w`,
      start: new Date('2027-01-05T15:00:00Z'),
      place: { name: 'P'.repeat(50_000) },
      summary: 's'.repeat(100_000),
    } as Workshop;
    const list = await fixture<WorkshopListElement>(
      html`<iigp-workshop-list when="all" show-description .items=${[workshop]}></iigp-workshop-list>`,
    );
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('[part~="title"]')!.textContent!.length).to.be.at.most(1001);
    expect(list.shadowRoot!.querySelector('[part~="place"]')!.textContent!.length).to.be.at.most(1001);
    expect(list.shadowRoot!.querySelector('[part~="description"]')!.textContent!.length).to.be.within(4900, 5001);
  });

  it('a faculty name, job title and bio and a newsletter label reach the DOM cut too; the full text stays in items', async () => {
    const name = 'N'.repeat(1_000_000);
    const card = await fixture<FacultyCardElement>(html`<iigp-faculty-card></iigp-faculty-card>`);
    card.items = [{ id: 'p', name, jobTitle: 'J'.repeat(100_000), bio: 'b'.repeat(100_000) } as Person];
    await settled(card);
    expect(card.state).to.equal('ready');
    const part = (el: HTMLElement, partName: string) =>
      el.shadowRoot!.querySelector(`[part~="${partName}"]`)!.textContent!;
    expect(part(card, 'title').length).to.be.within(900, 1001);
    expect(part(card, 'job-title').length).to.be.within(900, 1001);
    expect(part(card, 'bio').length).to.be.within(4000, 5002);
    expect((card.items![0] as Person).name.length).to.equal(1_000_000);
    const archive = await fixture<NewsletterArchiveElement>(html`<iigp-newsletter-archive></iigp-newsletter-archive>`);
    archive.items = [{ id: 'n', title: 'L'.repeat(1_000_000) } as NewsletterIssue];
    // Its list code loads on demand: 'loading' until then, with items already set.
    await waitUntil(() => archive.state === 'ready', `the archive ended ${archive.state}`);
    await archive.updateComplete;
    expect(part(archive, 'title').length).to.be.within(900, 1001);
    expect((archive.items![0] as NewsletterIssue).title.length).to.equal(1_000_000);
  });

  it('a 182-character link in an excerpt, a long author and a long venue wrap inside the container', async () => {
    const url = `https://iigp.example/${'a'.repeat(160)}/index.html`;
    expect(url.length).to.be.at.least(182);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px">
      <iigp-recent-posts show-author show-excerpt excerpt-words="40"></iigp-recent-posts>
      <iigp-workshop-list when="all"></iigp-workshop-list>
    </div>`);
    const posts = wrapper.querySelector('iigp-recent-posts') as RecentPostsElement;
    posts.items = [
      {
        id: '1',
        title: 'T',
        url: `${BASE}1`,
        author: 'B'.repeat(120),
        excerpt: `See ${url} for details`,
        date: new Date(),
      } as Post,
    ];
    const list = wrapper.querySelector('iigp-workshop-list') as WorkshopListElement;
    list.items = [
      { id: 'w', title: 'W', start: new Date('2027-01-05T15:00:00Z'), place: { name: 'V'.repeat(150) } } as Workshop,
    ];
    await posts.updateComplete;
    await list.updateComplete;
    for (const el of [posts, list]) {
      expect(el.getBoundingClientRect().width).to.be.at.most(300);
      for (const part of el.shadowRoot!.querySelectorAll<HTMLElement>(
        '[part~="excerpt"], [part~="author"], [part~="place"], [part~="item"]',
      )) {
        expect(part.scrollWidth, `${el.localName} ${part.getAttribute('part')}`).to.be.at.most(300);
      }
    }
    expect(wrapper.scrollWidth).to.be.at.most(300);
  });
});
