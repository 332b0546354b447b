/**
 * Two copies of the library on one page: the built per-widget file and the built all-in-one file, then a
 * second module instance of the source (another "version"). Nothing throws, at most one warning, every
 * widget works, and all copies share one request per URL.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import { captureWarnings, hits, mock, settled } from '../helpers.js';
import { watchErrors } from './page.js';

// Paths in variables: the built files are plain JavaScript the type checker does not follow.
const BUILT = ['../../dist/recent-posts.js', '../../dist/iigp-widgets.js'];
// The source as another version: new module instances of the entry files (the dev server serves .ts).
const SOURCE = [
  '../../src/recent-posts/define.ts?copy=2',
  '../../src/iigp-widgets.ts?copy=2',
  '../../src/recent-posts/define.ts?copy=3',
];

describe('two copies on one page', function () {
  this.timeout(30000);
  const warnings: string[] = [];
  const errors = watchErrors();
  let second: CustomElementConstructor | undefined;

  before(async function () {
    const response = await fetch('/dist/iigp-widgets.js');
    if (!response.ok) {
      console.log('SKIPPED: dist/ is not built (npm run build); the two-copies suite did not run.');
      this.skip();
    }
    const captured = captureWarnings();
    try {
      for (const path of [...BUILT, ...SOURCE]) {
        const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
        if (path.includes('src/recent-posts')) second ??= module.RecentPostsElement as CustomElementConstructor;
      }
    } finally {
      captured.restore();
      warnings.push(...captured.messages);
    }
  });
  after(() => errors.dispose());
  beforeEach(() => localStorage.clear());

  it('loading them all throws nothing and warns at most once', () => {
    expect(errors.errors).to.deep.equal([]);
    expect(warnings.length, warnings.join('\n')).to.be.at.most(1);
    if (warnings.length) expect(warnings[0]).to.match(/already defined by another copy/);
  });

  it('the first copy (the built file) owns the element names', () => {
    for (const name of ['iigp-recent-posts', 'iigp-workshop-list', 'iigp-faculty-card', 'iigp-newsletter-archive']) {
      expect(customElements.get(name), name).to.be.a('function');
    }
    expect(second, 'the source copy’s class').to.be.a('function');
    expect(customElements.get('iigp-recent-posts')).to.not.equal(second);
  });

  it('every widget works', async () => {
    const box = await fixture<HTMLElement>(html`<div>
      <iigp-recent-posts src=${mock('demo/data/posts.xml')}></iigp-recent-posts>
      <iigp-workshop-list src=${mock('demo/data/workshops.json')} when="all"></iigp-workshop-list>
      <iigp-faculty-card src=${mock('demo/data/faculty.json')}></iigp-faculty-card>
      <iigp-newsletter-archive src=${mock('demo/data/newsletters.json')}></iigp-newsletter-archive>
    </div>`);
    for (const el of [...box.children] as WidgetElement<unknown>[]) {
      await settled(el);
      expect(el.state, el.localName).to.equal('ready');
      expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length, el.localName).to.be.greaterThan(0);
    }
    expect(errors.errors).to.deep.equal([]);
  });

  it('widgets of both copies on one URL make one request', async () => {
    customElements.define('iigp-recent-posts-second-copy', class extends (second as typeof HTMLElement) {});
    const url = mock('demo/data/posts.xml', { delay: 200 });
    const box = await fixture<HTMLElement>(html`<div>
      <iigp-recent-posts src=${url}></iigp-recent-posts>
      <iigp-recent-posts-second-copy src=${url}></iigp-recent-posts-second-copy>
      <iigp-recent-posts src=${url}></iigp-recent-posts>
      <iigp-recent-posts-second-copy src=${url}></iigp-recent-posts-second-copy>
    </div>`);
    const widgets = [...box.children] as WidgetElement<unknown>[];
    expect(widgets[1].constructor).to.not.equal(widgets[0].constructor);
    for (const el of widgets) await settled(el);
    expect(widgets.map((el) => el.state)).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    expect(await hits(url)).to.equal(1);
  });
});
