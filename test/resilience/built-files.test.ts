/**
 * The built files as a page loads them. Each stands alone: the widget file is the only file before the
 * data, and a parser loaded on demand needs nothing from it, so a script address with a query string
 * (WordPress writes `?ver=6.1`) never loads the widget a second time.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import { captureWarnings, mock, settled } from '../helpers.js';

// In a variable: the built file is plain JavaScript the type checker does not follow.
const BUILT = '../../dist/recent-posts.js?ver=6.1';

/** Library files the page loaded as scripts (not the check in before(), which is a fetch). */
const libraryFiles = () =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.initiatorType !== 'fetch')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/'));

describe('the built files', function () {
  this.timeout(30000);

  before(async function () {
    if (!(await fetch('/dist/recent-posts.js', { method: 'HEAD' })).ok) {
      console.log('SKIPPED: dist/ is not built (npm run build); the built-files suite did not run.');
      this.skip();
    }
  });

  it('a widget file with ?ver= loads itself once and then only its parser and the format detection', async () => {
    const captured = captureWarnings();
    try {
      await import(/* @vite-ignore */ BUILT);
      const el = await fixture<WidgetElement<unknown>>(
        html`<iigp-recent-posts src=${mock('demo/data/posts.xml')}></iigp-recent-posts>`,
      );
      await settled(el);
      expect(el.state).to.equal('ready');
      expect(el.shadowRoot!.querySelectorAll('[part~="item"]').length).to.be.greaterThan(0);
    } finally {
      captured.restore();
    }
    expect(captured.messages).to.deep.equal([]);
    const files = libraryFiles();
    expect(files.filter((path) => path === '/dist/recent-posts.js')).to.have.length(1);
    // RSS only: the widget file, then its parser and (format="auto") the detection, both requested with the
    // data; nothing else of the library.
    expect(files).to.have.length(3);
    expect(files.slice(1).sort()).to.satisfy(
      ([a, b]: string[]) =>
        /^\/dist\/chunks\/detect-[0-9a-f]{8}\.js$/.test(a) && /^\/dist\/chunks\/feed-[0-9a-f]{8}\.js$/.test(b),
    );
  });
});
