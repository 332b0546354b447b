/**
 * The loader's stuck and stale cases: a save time in the future, a fetch wrapper that drops the abort
 * signal, and bodies that are not UTF-8 or fold iCalendar lines inside a character. (Bodies released
 * when their last widget leaves: corners.test.ts.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/recent-posts/define.js';
import '../../src/workshop-list/define.js';
import type { RecentPostsElement } from '../../src/recent-posts/recent-posts.js';
import type { WorkshopListElement } from '../../src/workshop-list/workshop-list.js';
import { decodeBody } from '../../src/shared/loader.js';
import { captureWarnings, hits, mock, settled, texts } from '../helpers.js';

const FEED = 'demo/data/posts.xml';

/** A URL that serves these exact bytes. */
async function stashBytes(bytes: Uint8Array, type: string): Promise<string> {
  const id = await (await fetch('/__mock/stash', { method: 'POST', body: new Blob([bytes as BlobPart]) })).text();
  return mock('stash', { id, type });
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** A URL of FEED with a copy saved at `savedAt` (a JSON Feed of one item, "Saved"), as the loader saves one. */
function saveCopy(savedAt: number): string {
  const src = mock(FEED);
  const url = new URL(src, document.baseURI).href;
  const text = '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Saved"}]}';
  const body = { text, contentType: 'application/feed+json', url };
  localStorage.setItem(`iigp-widgets:v1:${url}`, JSON.stringify({ savedAt, body }));
  return src;
}

describe('hostile round two: the loader', function () {
  this.timeout(30000);
  beforeEach(() => localStorage.clear());

  it('a saved copy whose save time is in the future is stale: the widget asks the network', async () => {
    const src = saveCopy(Date.now() + 365 * 24 * 3600 * 1000);
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${src} max-age="3600"></iigp-recent-posts>`,
    );
    await settled(el);
    await new Promise((done) => setTimeout(done, 500));
    expect(await hits(src), 'requests').to.equal(1);
    expect(texts(el, '[part~="title"]')[0]).to.equal('The Value of Co-Therapy');
  });

  it('a saved copy from the past within max-age is still fresh (no request)', async () => {
    const src = saveCopy(Date.now() - 1000);
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${src} max-age="3600"></iigp-recent-posts>`,
    );
    await settled(el);
    expect(await hits(src)).to.equal(0);
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Saved']);
  });

  it('the time limit holds when a fetch wrapper drops the abort signal: error by the limit, one warning', async () => {
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL) => original(input); // A wrapper that forgets init.signal.
    const warnings = captureWarnings();
    try {
      const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
      el.timeout = 600;
      el.setAttribute('src', mock(FEED, { hang: 1 }));
      const start = performance.now();
      document.body.append(el);
      await settled(el, 8000);
      const took = performance.now() - start;
      expect(el.state).to.equal('error');
      expect(took, 'ended by the limit, not by the test server').to.be.below(5000);
      const ours = warnings.messages.filter((m) => /iigp/i.test(m));
      expect(ours.length, ours.join('\n')).to.equal(1);
      expect(ours[0]).to.match(/no complete answer within 0\.6 s/);
      el.remove();
    } finally {
      warnings.restore();
      window.fetch = original;
    }
  });

  it('an undeclared body that is not UTF-8 is read as windows-1252', async () => {
    const xml =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><item><title>Cora\xe7\xe3o \x93quoted\x94</title><link>https://iigp.example/1</link></item></channel></rss>';
    expect(await decodeBody(latin1(xml), 'application/rss+xml')).to.contain('Cora\u00e7\u00e3o \u201cquoted\u201d');
    // Declared charsets still win, and UTF-8 stays UTF-8.
    expect(await decodeBody(latin1('caf\xe9'), 'text/plain; charset=iso-8859-1')).to.equal('caf\u00e9');
    expect(await decodeBody(new TextEncoder().encode('caf\u00e9'), 'text/plain')).to.equal('caf\u00e9');
    // Declared UTF-8 that is not: replacement characters, as before.
    expect(await decodeBody(latin1('caf\xe9'), 'text/plain; charset=utf-8')).to.equal('caf\ufffd');
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${await stashBytes(latin1(xml), 'application/rss+xml')}></iigp-recent-posts>`,
    );
    await settled(el);
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Cora\u00e7\u00e3o \u201cquoted\u201d']);
  });

  it('an iCalendar line folded inside a UTF-8 character shows the character', async () => {
    const utf8 = new TextEncoder().encode('Atelier: la s\u00e9ance d\u2019\u00e9t\u00e9');
    // Fold in the middle of "é" (0xC3 0xA9) and of "’" (0xE2 0x80 0x99).
    const e = utf8.indexOf(0xc3);
    const q = utf8.indexOf(0xe2);
    const fold = [13, 10, 32];
    const summary = [
      ...utf8.subarray(0, e + 1),
      ...fold,
      ...utf8.subarray(e + 1, q + 2),
      ...fold,
      ...utf8.subarray(q + 2),
    ];
    const head = new TextEncoder().encode(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20270105T150000Z\r\nSUMMARY:',
    );
    const tail = new TextEncoder().encode('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const bytes = Uint8Array.from([...head, ...summary, ...tail]);
    expect(await decodeBody(bytes, 'text/calendar')).to.contain('SUMMARY:Atelier: la s\u00e9ance d\u2019\u00e9t\u00e9');
    const el = await fixture<WorkshopListElement>(
      html`<iigp-workshop-list when="all" src=${await stashBytes(bytes, 'text/calendar')}></iigp-workshop-list>`,
    );
    await settled(el);
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Atelier: la s\u00e9ance d\u2019\u00e9t\u00e9']);
  });
});
