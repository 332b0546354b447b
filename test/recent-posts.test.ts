import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/recent-posts/define.js';
import { parseFeed } from '../src/formats/xml/feed.js';
import type { Post } from '../src/model.js';
import type { RecentPostsElement } from '../src/recent-posts/recent-posts.js';
import { captureWarnings, hits, mock, mountSettled, settled, texts } from './helpers.js';

const FEED = 'demo/data/posts.xml';

describe('<iigp-recent-posts> over RSS', () => {
  beforeEach(() => localStorage.clear());

  it('shows the latest five posts with titles decoded exactly once, in the source order', async () => {
    const el = await fixture<RecentPostsElement>(html`<iigp-recent-posts src=${mock(FEED)}></iigp-recent-posts>`);
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(el.getAttribute('state')).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal([
      'The Value of Co-Therapy',
      '\u2018DAMAGE\u2019 That a Psychotherapist Treats',
      'The Central Place of the \u201cBody\u201d in Psychotherapy',
      'Why Group Psychotherapy Works',
      'Feelings Are Not Facts',
    ]);
    const link = el.shadowRoot!.querySelector('a[part~="link"]') as HTMLAnchorElement;
    expect(link.href).to.equal('https://iigp.example/2016/04/11/the-value-of-co-therapy/');
    expect(el.shadowRoot!.querySelector('ul > li[part="item"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows each date as a <time> with a machine-readable datetime in the page locale', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} limit="1" locale="en-US" time-zone="UTC"></iigp-recent-posts>`,
    );
    await settled(el);
    const time = el.shadowRoot!.querySelector('time[part="date"]')!;
    expect(time.getAttribute('datetime')).to.equal('2016-04-11T14:00:00.000Z');
    expect(time.textContent).to.equal('April 11, 2016');
  });

  it('hides dates with show-date="false" and honours limit', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} limit="2" show-date="false"></iigp-recent-posts>`,
    );
    await settled(el);
    expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('time')).to.equal(null);
  });

  it('shows a text excerpt cut to excerpt-words, author and a read-more link that names the post', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} limit="1" show-excerpt excerpt-words="6" show-author read-more="Continue"></iigp-recent-posts>`,
    );
    await settled(el);
    expect(texts(el, '[part="excerpt"]')).to.deep.equal(['When two therapists lead a group…']);
    expect(texts(el, '[part="author"]')).to.deep.equal(['by Leora Bar-Levav']);
    expect(texts(el, '[part~="read-more"]')).to.deep.equal(['Continue: The Value of Co-Therapy']);
    expect(el.shadowRoot!.querySelector('[part="excerpt"] *')).to.equal(null); // text, never HTML
    await expect(el).to.be.accessible();
  });

  it('shows the first image of the content with show-image, lazily and with its size', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} limit="1" show-image></iigp-recent-posts>`,
    );
    await settled(el);
    const img = el.shadowRoot!.querySelector('img[part="image"]') as HTMLImageElement;
    expect(img.getAttribute('src')).to.equal(new URL('/__mock/demo/data/images/co-therapy.svg', location.href).href);
    expect(img.getAttribute('loading')).to.equal('lazy');
  });

  it('filters by category, case-insensitively, and is empty when nothing matches', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} category="Body"></iigp-recent-posts>`,
    );
    await settled(el);
    expect(texts(el, '[part~="title"]')).to.deep.equal(['The Central Place of the \u201cBody\u201d in Psychotherapy']);
    el.category = 'no such category';
    await el.updateComplete;
    expect(el.state).to.equal('empty');
    expect(texts(el, '[part="message"]')).to.deep.equal(['No posts to show.']);
    await expect(el).to.be.accessible();
  });

  it('opens posts in a new tab only when asked, and says so to screen readers', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} limit="1" new-tab></iigp-recent-posts>`,
    );
    await settled(el);
    const link = el.shadowRoot!.querySelector('a[part~="title"]')!;
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.include('noopener');
    expect(link.textContent).to.include('(opens in a new tab)');
  });

  it('lays posts out as a grid with layout="grid" and columns', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<div style="width: 900px"><iigp-recent-posts src=${mock(FEED)} layout="grid" columns="3"></iigp-recent-posts></div>`,
    );
    const widget = el.querySelector('iigp-recent-posts') as RecentPostsElement;
    await settled(widget);
    const list = widget.shadowRoot!.querySelector('ul')!;
    expect(getComputedStyle(list).gridTemplateColumns.split(' ')).to.have.length(3);
  });

  it('renders a heading at the requested level', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED)} heading="From our blog" heading-level="3"></iigp-recent-posts>`,
    );
    await settled(el);
    const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(heading.textContent).to.equal('From our blog');
  });

  it('fires iigp-load with the items shown', async () => {
    const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
    el.src = mock(FEED);
    el.limit = 2;
    const loaded = oneEvent(el, 'iigp-load');
    document.body.append(el);
    const event = (await loaded) as CustomEvent<{ items: { title: string }[] }>;
    expect(event.detail.items.map((p) => p.title)).to.deep.equal([
      'The Value of Co-Therapy',
      '\u2018DAMAGE\u2019 That a Psychotherapist Treats',
    ]);
    expect(event.bubbles && event.composed).to.equal(true);
    el.remove();
  });

  it('renders items set from script without fetching', async () => {
    const el = await fixture<RecentPostsElement>(html`<iigp-recent-posts></iigp-recent-posts>`);
    el.items = [{ id: '1', title: 'Set from script', url: 'https://iigp.example/x/', date: '2020-01-02T00:00:00Z' }];
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')).to.deep.equal(['Set from script']);
  });

  it('takes the items of an iigp-load event back as items without copying them or computing their excerpts', async () => {
    const source = document.createElement('iigp-recent-posts') as RecentPostsElement;
    source.src = mock(FEED);
    source.limit = 3;
    const loaded = oneEvent(source, 'iigp-load');
    document.body.append(source);
    const posts = ((await loaded) as CustomEvent<{ items: Post[] }>).detail.items;
    // Excerpts are computed when first read; the widget does not show them here.
    expect(Object.getOwnPropertyDescriptor(posts[0], 'excerpt')?.get, 'the excerpt is not computed yet').to.be.a(
      'function',
    );
    const target = await fixture<RecentPostsElement>(html`<iigp-recent-posts></iigp-recent-posts>`);
    target.items = posts;
    await target.updateComplete;
    expect(target.items![0]).to.equal(posts[0]);
    expect(Object.getOwnPropertyDescriptor(posts[0], 'excerpt')?.get, 'still not computed').to.be.a('function');
    expect(texts(target, '[part~="title"]')).to.deep.equal(texts(source, '[part~="title"]'));
    source.remove();
  });

  it('takes posts from every post parser as items without a copy', async () => {
    const text = await (await fetch(mock(FEED))).text();
    const { items } = await parseFeed({ text, contentType: 'application/rss+xml', url: location.href });
    const el = await fixture<RecentPostsElement>(html`<iigp-recent-posts></iigp-recent-posts>`);
    el.items = items;
    await el.updateComplete;
    expect(el.items![0]).to.equal(items[0]);
    // A copy of the same post made by script is checked and copied as before.
    el.items = [{ ...items[0] }];
    await el.updateComplete;
    expect(el.items![0]).to.not.equal(items[0]);
    expect(el.items![0].title).to.equal(items[0].title);
  });

  it('makes one request for ten widgets on the same URL', async () => {
    const url = mock(FEED);
    const box = await fixture<HTMLElement>(
      html`<div>${Array.from({ length: 10 }, () => html`<iigp-recent-posts src=${url}></iigp-recent-posts>`)}</div>`,
    );
    const widgets = [...box.querySelectorAll('iigp-recent-posts')] as RecentPostsElement[];
    for (const widget of widgets) await settled(widget);
    expect(widgets.every((w) => w.state === 'ready')).to.equal(true);
    expect(await hits(url)).to.equal(1);
  });

  it('starts and renders widgets one per task, so that many widgets never make one long task', async () => {
    await new Promise((done) => setTimeout(done)); // A task no widget has used yet.
    const url = mock(FEED);
    const box = document.createElement('div');
    box.innerHTML = `<iigp-recent-posts src="${url}"><p>Fallback</p></iigp-recent-posts>`.repeat(3);
    document.body.append(box);
    try {
      const widgets = [...box.querySelectorAll('iigp-recent-posts')] as RecentPostsElement[];
      // The first starts at once; the others wait for a task each, with their fallback still in place
      // and already state="loading" for the page's reserved-space CSS.
      expect(widgets.map((w) => Boolean(w.shadowRoot))).to.deep.equal([true, false, false]);
      expect(widgets.map((w) => w.getAttribute('state'))).to.deep.equal([null, 'loading', 'loading']);
      await widgets[1].updateComplete;
      expect(widgets.map((w) => Boolean(w.shadowRoot))).to.deep.equal([true, true, false]);
      // One response, parsed once: the first widget renders it at once, the others one per task.
      await oneEvent(box, 'iigp-load');
      expect(widgets.map((w) => w.state)).to.deep.equal(['ready', 'loading', 'loading']);
      for (const widget of widgets) await settled(widget);
      expect(widgets.map((w) => w.state)).to.deep.equal(['ready', 'ready', 'ready']);
      expect(await hits(url)).to.equal(1);
    } finally {
      box.remove();
    }
  });

  it('renders a widget inserted by a script in the same task, like any element', async () => {
    await new Promise((done) => setTimeout(done));
    const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
    el.items = [{ title: 'Inserted', url: 'https://example.org/inserted' }] as Post[];
    let nextTask = false;
    setTimeout(() => (nextTask = true));
    document.body.append(el);
    try {
      expect(el.shadowRoot, 'connected at once').to.not.equal(null);
      await el.updateComplete;
      expect(nextTask, 'rendered before any other task ran').to.equal(false);
      expect(texts(el, '[part~="title"]')).to.deep.equal(['Inserted']);
    } finally {
      el.remove();
    }
  });

  it('starts the widgets already on the page one per task when the elements are registered', async () => {
    const { define } = await import('../src/shared/define.js');
    const { RecentPostsElement } = await import('../src/recent-posts/recent-posts.js');
    const name = `iigp-recent-posts-${Math.random().toString(36).slice(2, 8)}`;
    const box = document.createElement('div');
    box.innerHTML = `<${name}><p>Fallback</p></${name}>`.repeat(2);
    document.body.append(box);
    try {
      define(name, class extends RecentPostsElement {});
      const widgets = [...box.children] as RecentPostsElement[];
      // Registering took this task: no widget starts in it, so the script's own task stays short.
      expect(widgets.map((w) => Boolean(w.shadowRoot))).to.deep.equal([false, false]);
      await widgets[0].updateComplete;
      expect(widgets.map((w) => Boolean(w.shadowRoot))).to.deep.equal([true, false]);
      await widgets[1].updateComplete;
      expect(widgets.map((w) => w.state)).to.deep.equal(['empty', 'empty']);
    } finally {
      box.remove();
    }
  });

  it('with loading="lazy" fetches nothing until the widget nears the viewport', async () => {
    const url = mock(FEED);
    const box = await fixture<HTMLElement>(
      html`<div><div style="height: 5000px"></div><iigp-recent-posts loading="lazy" src=${url}></iigp-recent-posts></div>`,
    );
    const el = box.querySelector('iigp-recent-posts') as RecentPostsElement;
    await new Promise((done) => setTimeout(done, 300));
    expect(await hits(url)).to.equal(0);
    expect(el.state).to.equal('loading');
    el.scrollIntoView();
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(await hits(url)).to.equal(1);
  });

  it('reserves space while loading with a placeholder hidden from screen readers', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED, { delay: 500 })} limit="3"></iigp-recent-posts>`,
    );
    expect(el.state).to.equal('loading');
    const skeleton = el.shadowRoot!.querySelector('[part="skeleton"]')!;
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    expect(skeleton.children).to.have.length(3);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(50);
    expect(texts(el, '[role="status"]')).to.deep.equal(['Loading posts…']);
    await expect(el).to.be.accessible();
    await settled(el);
  });

  it('resolves a relative src against the page', async () => {
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${mock(FEED).slice(1)}></iigp-recent-posts>`,
    );
    await settled(el);
    expect(el.state).to.equal('ready');
  });
});

describe('<iigp-recent-posts> when things fail', () => {
  beforeEach(() => localStorage.clear());

  async function failing(url: string, fallback = true) {
    let error: CustomEvent | undefined;
    const caught = (event: Event) => (error = event as CustomEvent);
    const { el, warnings } = await mountSettled<RecentPostsElement>(
      fallback
        ? html`<iigp-recent-posts src=${url} @iigp-error=${caught}><a href="/blog/">Read our blog</a></iigp-recent-posts>`
        : html`<iigp-recent-posts src=${url} @iigp-error=${caught}></iigp-recent-posts>`,
    );
    return { el, warnings, error };
  }

  for (const [name, url, cause] of [
    ['a 404', () => mock('test/fixtures/none.xml'), /answered 404/],
    ['a 500', () => mock(FEED, { status: 500 }), /answered 500/],
    [
      'an HTML page',
      () => mock(FEED, { type: 'text/html', status: 200 }).replace(FEED, 'test/fixtures/html-page.html'),
      /HTML page/,
    ],
    ['malformed XML', () => mock('test/fixtures/malformed.xml'), /not well-formed XML/],
    ['JSON of the wrong shape', () => mock('test/fixtures/wrong-shape.json'), /not rss, wp, json data|JSON Feed/],
  ] as const) {
    it(`ends in error with the fallback and one warning naming the URL for ${name}`, async () => {
      const src = url();
      const { el, warnings, error } = await failing(src);
      expect(el.state).to.equal('error');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include(src).and.match(cause);
      expect(error?.detail.error.message).to.match(cause);
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Read our blog');
      await expect(el).to.be.accessible();
    });
  }

  it('shows a built-in message when there is no fallback content', async () => {
    const { el } = await failing(mock('test/fixtures/none.xml'), false);
    expect(texts(el, '[part="message"]')).to.deep.equal(['The posts could not be loaded.']);
    expect(texts(el, '[role="status"]')).to.deep.equal(['The posts could not be loaded.']);
  });

  it('ends in empty for a valid feed with no items', async () => {
    const { el } = await failing(mock('test/fixtures/empty.xml'));
    expect(el.state).to.equal('empty');
    expect(el.shadowRoot!.querySelector('slot')!.assignedElements()).to.have.length(1);
  });

  it('gives up at its timeout on a response that never ends', async () => {
    const warnings = captureWarnings();
    const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
    el.timeout = 500;
    el.src = mock(FEED, { hang: 1 });
    document.body.append(el);
    await settled(el);
    warnings.restore();
    expect(el.state).to.equal('error');
    expect(warnings.messages[0]).to.match(/no complete answer within 0.5 s/);
    el.remove();
  });

  it('blocks a cross-origin feed without CORS headers and explains the fix', async () => {
    const url = `${location.protocol}//127.0.0.1:${location.port}${mock(FEED)}`;
    const { el, warnings } = await failing(url);
    expect(el.state).to.equal('error');
    expect(warnings[0])
      .to.match(/CORS/)
      .and.match(/Access-Control-Allow-Origin/);
  });

  it('reads a cross-origin feed that sends CORS headers', async () => {
    const url = `${location.protocol}//127.0.0.1:${location.port}${mock(FEED, { cors: 1 })}`;
    const el = await fixture<RecentPostsElement>(html`<iigp-recent-posts src=${url}></iigp-recent-posts>`);
    await settled(el);
    expect(el.state).to.equal('ready');
  });

  it('aborts its request when removed from the page before the answer', async () => {
    const url = mock(FEED, { delay: 300 });
    const el = document.createElement('iigp-recent-posts') as RecentPostsElement;
    el.src = url;
    let aborted = false;
    const original = window.fetch;
    window.fetch = (input, init) => {
      init?.signal?.addEventListener('abort', () => (aborted = true));
      return original(input, init);
    };
    try {
      document.body.append(el);
      await el.updateComplete;
      el.remove();
      // Released once the code that removed it is done (a widget moved at once keeps its request).
      await new Promise((done) => setTimeout(done));
      expect(aborted).to.equal(true);
    } finally {
      window.fetch = original;
    }
  });

  it('loads without storage: localStorage that throws (blocked, sandboxed frames) or refuses to save (quota 0)', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    const setItem = Storage.prototype.setItem;
    try {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const refusing = await fixture<RecentPostsElement>(
        html`<iigp-recent-posts src=${mock(FEED)} limit="1"></iigp-recent-posts>`,
      );
      await settled(refusing);
      expect(refusing.state, 'with setItem throwing').to.equal('ready');
      Storage.prototype.setItem = setItem;
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
      expect(() => window.localStorage, 'the stub is in place').to.throw();
      const blocked = await fixture<RecentPostsElement>(
        html`<iigp-recent-posts src=${mock(FEED)} limit="1"></iigp-recent-posts>`,
      );
      await settled(blocked);
      expect(blocked.state, 'with localStorage throwing').to.equal('ready');
      expect(texts(blocked, '[part~="title"]')).to.deep.equal(['The Value of Co-Therapy']);
    } finally {
      Storage.prototype.setItem = setItem;
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
  });

  it('paints the saved copy at once on a repeat visit and keeps it when the network then fails', async () => {
    const url = mock(FEED);
    const first = await fixture<RecentPostsElement>(html`<iigp-recent-posts src=${url}></iigp-recent-posts>`);
    await settled(first);
    // A new page would start with an empty request map; a different URL with the same saved copy stands in for it.
    const saved = localStorage.getItem(`iigp-widgets:v1:${new URL(url, location.href).href}`)!;
    const offline = mock(FEED, { status: 503, delay: 2000 });
    localStorage.setItem(`iigp-widgets:v1:${new URL(offline, location.href).href}`, saved);
    const warnings = captureWarnings();
    let failed = false;
    const el = await fixture<RecentPostsElement>(
      html`<iigp-recent-posts src=${offline} @iigp-error=${() => (failed = true)}></iigp-recent-posts>`,
    );
    await waitUntil(() => el.state === 'ready', 'the saved copy was not painted');
    expect(failed, 'painted before the network answered').to.equal(false);
    await oneEvent(el, 'iigp-error');
    warnings.restore();
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(texts(el, '[part~="title"]')[0]).to.equal('The Value of Co-Therapy');
    expect(texts(el, '[role="status"]')[0]).to.match(/saved posts/);
    expect(warnings.messages[0]).to.match(/Showing the copy saved/);
  });
});

describe('registration', () => {
  it('loading the widget file twice, or another version, never throws and warns once', async () => {
    // A query string makes the browser evaluate the module a second time, as a second script tag would.
    const again = '../src/recent-posts/define.ts?again';
    await import(again);
    const warnings = captureWarnings();
    try {
      const { define } = await import('../src/shared/define.js');
      class OtherVersion extends HTMLElement {}
      define('iigp-recent-posts', OtherVersion);
      define('iigp-recent-posts', OtherVersion);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/already defined/);
    expect(customElements.get('iigp-recent-posts')!.name).to.equal('RecentPostsElement');
  });
});
