/**
 * Zero CSP reports under the README's strict policy for the paths the first round missed: a feed that
 * needs the entity repair (HTML entities XML leaves undefined), content with inline event handlers, and
 * documents that are not well-formed in the ways fragment parsing does not see (malformed-xml.ts).
 * The widgets run in test/security/pages/csp.html (served with the policy), the feeds are added to it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { stash } from '../helpers.js';
import { SHAPES } from './malformed-xml.js';

const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html iigp 'allow-duplicates'";

type Widget = HTMLElement & { state: string; items?: unknown[] };
interface Frame {
  win: Window & { __violations: string[]; __ready?: boolean; __failed?: string };
  doc: Document;
  frame: HTMLIFrameElement;
}

async function open(): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  frame.src = `/__mock/test/security/pages/csp.html?${new URLSearchParams({ csp: STRICT, page: 'hostile' })}`;
  document.body.append(frame);
  await new Promise((done) => frame.addEventListener('load', done, { once: true }));
  const win = frame.contentWindow as Frame['win'];
  await waitUntil(() => win.__ready || win.__failed, 'the widgets never loaded', { timeout: 10000 });
  const doc = frame.contentDocument!;
  const all = [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('iigp-')) as Widget[];
  await waitUntil(() => all.every((el) => el.state && el.state !== 'loading'), 'a page widget is still loading', {
    timeout: 12000,
  });
  return { win, doc, frame };
}

/** Adds a widget to the strict page, waits for it to settle, and reads every lazy field of its items. */
async function add(doc: Document, tag: string, attrs: Record<string, string>): Promise<Widget> {
  const el = doc.createElement(tag) as Widget;
  const loaded = new Promise<unknown[]>((done) =>
    el.addEventListener('iigp-load', (e) => done((e as CustomEvent).detail.items), { once: true }),
  );
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  doc.body.append(el);
  await waitUntil(() => el.state && el.state !== 'loading', `${tag} still loading`, { timeout: 12000 });
  if (el.state === 'ready') {
    // Excerpts and images are reduced from markup when first read: read them all.
    for (const item of (await loaded) as Record<string, unknown>[]) void [item.excerpt, item.image, item.summary];
  }
  await new Promise((done) => setTimeout(done, 200));
  return el;
}

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://iigp.example/</link>${items}</channel></rss>`;

describe('hostile round two: no CSP report', function () {
  this.timeout(60000);
  let frame: Frame;
  before(async () => {
    localStorage.clear();
    frame = await open();
  });
  after(() => frame.frame.remove());
  beforeEach(() => frame.win.__violations.splice(0));

  it('a feed that needs the entity repair (&eacute; &nbsp; and a bare &) renders with no report', async () => {
    const src = await stash(
      rss(
        `<item><title>Caf&eacute;&nbsp;talk &amp; more</title><link>https://iigp.example/a?x=1&y=2</link><description>Hi&nbsp;there</description></item>`,
      ),
      'application/rss+xml',
    );
    const el = await add(frame.doc, 'iigp-recent-posts', { src, 'show-excerpt': '' });
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.match(/Café\stalk & more/);
    expect(frame.win.__violations).to.deep.equal([]);
  });

  it('an Atom feed with HTML entities and a DOCTYPE-free body renders with no report', async () => {
    const src = await stash(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>R&eacute;sum&eacute;</title><id>1</id><link href="https://iigp.example/1"/><updated>2026-01-01T00:00:00Z</updated></entry></feed>`,
      'application/atom+xml',
    );
    const el = await add(frame.doc, 'iigp-recent-posts', { src });
    expect(el.state).to.equal('ready');
    expect(frame.win.__violations).to.deep.equal([]);
  });

  it('a feed that needs the entity repair and is malformed besides ends in error with no report', async () => {
    // Repaired, it is still not well-formed (an element left open): refused before any parse that would fail.
    const src = await stash(
      rss(`<item><title>Caf&eacute;&nbsp;talk</title><link>https://iigp.example/1</link><description>Open</item>`),
      'application/rss+xml',
    );
    const el = await add(frame.doc, 'iigp-recent-posts', { src });
    expect(el.state).to.equal('error');
    expect(frame.win.__violations).to.deep.equal([]);
  });

  const handlers = `<style>p { color: red }</style><p style="color: blue" onclick="alert(1)" onmouseover="alert(2)">Body</p><img src="${location.origin}/__mock/demo/data/photos/portrait-placeholder.png" onload="alert(3)" onerror="alert(4)"><a href="https://iigp.example/" onfocus="alert(5)">x</a>`;

  it('WordPress posts whose content has inline handlers raise no script-src-attr report (excerpts shown or not)', async () => {
    const posts = [
      {
        id: 1,
        link: 'https://iigp.example/1/',
        title: { rendered: 'One <b onclick="x()">bold</b>' },
        excerpt: { rendered: handlers },
        content: { rendered: handlers },
      },
    ];
    for (const attrs of [{}, { 'show-excerpt': '', 'show-image': '' }] as Record<string, string>[]) {
      const src = await stash(JSON.stringify(posts), 'application/json');
      const el = await add(frame.doc, 'iigp-recent-posts', { src, format: 'wp', ...attrs });
      expect(el.state).to.equal('ready');
    }
    expect(frame.win.__violations).to.deep.equal([]);
  });

  it('RSS items whose description and content have inline handlers raise no report', async () => {
    const src = await stash(
      rss(
        `<item><title>T</title><link>https://iigp.example/1/</link><description><![CDATA[${handlers}]]></description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[${handlers}]]></content:encoded></item>`,
      ),
      'application/rss+xml',
    );
    const el = await add(frame.doc, 'iigp-recent-posts', { src, 'show-excerpt': '', 'show-image': '' });
    expect(el.state).to.equal('ready');
    expect(frame.win.__violations).to.deep.equal([]);
  });

  describe('XML that is not well-formed ends in a format error (or is repaired) with no report', () => {
    for (const format of ['rss', 'auto'])
      for (const { name, text, ends } of SHAPES)
        it(`${name} (format="${format}"): ${ends}, ${ends === 'error' ? 'one warning, ' : ''}no report`, async () => {
          const warnings: string[] = [];
          const { console } = frame.win as unknown as typeof globalThis;
          const warn = console.warn;
          console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
          try {
            const src = await stash(text, format === 'rss' ? 'application/rss+xml' : 'application/xml');
            const el = await add(frame.doc, 'iigp-recent-posts', { src, format });
            expect(el.state).to.equal(ends);
            if (ends === 'error') {
              expect(warnings).to.have.length(1);
              expect(warnings[0]).to.match(/not well-formed XML/);
            }
          } finally {
            console.warn = warn;
          }
          expect(frame.win.__violations).to.deep.equal([]);
        });
  });
});
