/**
 * Strict pages: every widget runs on a page served with
 *   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
 *   trusted-types lit-html iigp 'allow-duplicates'
 * (test/security/pages/csp.html, in an iframe: the test runner's own page cannot take a header), renders
 * its items, and reports no `securitypolicyviolation`.
 */
import { expect, waitUntil } from '@open-wc/testing';

const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html iigp 'allow-duplicates'";

interface Frame {
  win: Window & { __violations: string[]; __ready?: boolean; __failed?: string };
  doc: Document;
  frame: HTMLIFrameElement;
}

async function open(csp: string, query: Record<string, string> = {}): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 800px';
  frame.src = `/__mock/test/security/pages/csp.html?${new URLSearchParams({ csp, ...query })}`;
  document.body.append(frame);
  await new Promise((done) => frame.addEventListener('load', done, { once: true }));
  const win = frame.contentWindow as Frame['win'];
  await waitUntil(() => win.__ready || win.__failed, 'the widgets never loaded', { timeout: 10000 });
  expect(win.__failed, 'loading the library').to.equal(undefined);
  const doc = frame.contentDocument!;
  const widgets = [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('iigp-')) as (Element & {
    state: string;
  })[];
  await waitUntil(() => widgets.every((el) => el.state && el.state !== 'loading'), 'a widget is still loading', {
    timeout: 12000,
  });
  await new Promise((done) => setTimeout(done, 300)); // Images and late parser chunks.
  return { win, doc, frame };
}

function widgets(doc: Document): (Element & { state: string })[] {
  return [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('iigp-')) as (Element & {
    state: string;
  })[];
}

describe('Content-Security-Policy and Trusted Types', function () {
  this.timeout(40000);
  const frames: HTMLIFrameElement[] = [];
  beforeEach(() => localStorage.clear());
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  it('every widget renders under the strict policy with no violation', async () => {
    const { win, doc, frame } = await open(STRICT);
    frames.push(frame);
    expect(win.__violations).to.deep.equal([]);
    const all = widgets(doc);
    expect(all.map((el) => el.localName).sort()).to.include.members([
      'iigp-recent-posts',
      'iigp-workshop-list',
      'iigp-faculty-card',
      'iigp-newsletter-archive',
    ]);
    for (const el of all) {
      expect(el.state, `${el.localName} ${el.getAttribute('src') ?? ''}`).to.equal('ready');
      expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length, `${el.localName} items`).to.be.greaterThan(0);
    }
    // The styles applied (constructable stylesheets are allowed by style-src 'self').
    const item = doc.querySelector('iigp-recent-posts')!.shadowRoot!.querySelector('ul')!;
    expect(win.getComputedStyle(item).listStyleType).to.equal('none');
  });

  it('"Add to calendar" works under the strict policy (its chunk loads, the .ics is a blob: download, no violation)', async () => {
    const { win, doc, frame } = await open(STRICT);
    frames.push(frame);
    const list = doc.querySelector('iigp-workshop-list') as Element & {
      now?: string;
      updateComplete: Promise<unknown>;
    };
    list.now = '2026-11-26T12:00:00Z'; // The demo's workshops are upcoming then, so they have the button.
    await list.updateComplete;
    const button = list.shadowRoot!.querySelector('button[part~="calendar"]') as HTMLButtonElement;
    expect(button, 'an Add to calendar button').to.exist;
    // The list's chunk loads; its .ics entry is a blob: download (the download itself is not started: a
    // test browser may prompt).
    button.click();
    const menu = () => list.shadowRoot!.querySelector('[part="calendar-menu"]');
    await waitUntil(menu, 'the calendar list did not open', { timeout: 5000 });
    const file = menu()!.querySelector('a[download]') as HTMLAnchorElement;
    expect(`${file.download} ${file.href}`).to.match(/^\S+\.ics blob:/);
    await new Promise((done) => setTimeout(done, 200));
    expect(win.__violations).to.deep.equal([]);
  });

  it('reads cross-origin data when connect-src names the data host', async () => {
    const host = `${location.protocol}//127.0.0.1:${location.port}`;
    const { win, doc, frame } = await open(`${STRICT}; connect-src 'self' ${host}`, { data: host });
    frames.push(frame);
    expect(win.__violations).to.deep.equal([]);
    const cross = doc.querySelector('.cross-origin') as Element & { state: string };
    expect(cross.state).to.equal('ready');
  });

  it('the harness sees violations: without connect-src for the data host, the cross-origin widget is blocked and says so', async () => {
    const host = `${location.protocol}//127.0.0.1:${location.port}`;
    const { win, doc, frame } = await open(STRICT, { data: host });
    frames.push(frame);
    expect(win.__violations.some((v) => /connect-src/.test(v))).to.equal(true);
    expect((doc.querySelector('.cross-origin') as Element & { state: string }).state).to.equal('error');
    // Everything else still renders.
    expect(
      widgets(doc)
        .filter((el) => !el.classList.contains('cross-origin'))
        .every((el) => el.state === 'ready'),
    ).to.equal(true);
  });

  it('a policy list without `iigp` is reported, and feeds that need markup parsing fail clearly instead of breaking the page', async () => {
    const { win, doc, frame } = await open(STRICT.replace(' iigp', ''));
    frames.push(frame);
    expect(win.__violations.some((v) => /trusted-types/.test(v))).to.equal(true);
    // JSON sources need no markup parsing and still render.
    const json = doc.querySelector('iigp-newsletter-archive[src]') as Element & { state: string };
    expect(json.state).to.equal('ready');
  });
});
