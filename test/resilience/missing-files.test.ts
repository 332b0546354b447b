/**
 * A site that serves a widget file without the rest of dist/ (its chunks folder missing, or blocked): the
 * built files, loaded from an address whose `chunks/` answers 404. A widget with data ends in `error` with
 * one warning naming what did not load; the newsletter archive without `src` shows the links it wraps as
 * they are (`ready`); a page in Spanish shows the English words.
 */
import { expect, html } from '@open-wc/testing';
import { mock, mountSettled, stash } from '../helpers.js';

/** The built file at an address of the test server where nothing else of dist/ is found. */
async function alone(file: string): Promise<string> {
  const response = await fetch(`/dist/${file}`);
  if (!response.ok) return '';
  return stash(await response.text(), 'text/javascript');
}

describe('a widget file served without its chunks', function () {
  this.timeout(30000);
  let ready = false;

  before(async function () {
    const files = await Promise.all(['recent-posts.js', 'newsletter-archive.js'].map(alone));
    if (files.includes('')) {
      console.log('SKIPPED: dist/ is not built (npm run build); the missing-files suite did not run.');
      this.skip();
    }
    for (const file of files) await import(/* @vite-ignore */ file);
    ready = true;
  });

  beforeEach(() => localStorage.clear());

  it('recent posts with data: error, its fallback, one warning that says what did not load', async () => {
    expect(ready).to.equal(true);
    const { el, warnings } = await mountSettled(
      html`<iigp-recent-posts src=${mock('demo/data/posts.xml')}><a href="/blog/">Read the blog</a></iigp-recent-posts>`,
      { warnings: 1 },
    );
    expect(el.state).to.equal('error');
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0]?.textContent).to.equal('Read the blog');
    const ours = warnings.filter((m) => m.includes('iigp-widgets'));
    expect(ours, ours.join('\n')).to.have.length(1);
    // Chromium and Firefox name the file (the chunk's address); WebKit does not, and the part is named.
    expect(ours[0])
      .to.include('<iigp-recent-posts>')
      .and.to.match(/chunks\/[\w-]+\.js|parser|detection/)
      .and.to.include('Serve the whole dist/ folder');
  });

  it('the newsletter archive without src: ready, the links it wraps as written, one warning', async () => {
    const { el, warnings } = await mountSettled(
      html`<iigp-newsletter-archive lang="es"
        ><ul>
          <li><a href="/n/2024-spring.pdf">Spring 2024</a></li>
          <li><a href="/n/2023-fall.pdf">Fall 2023</a></li>
        </ul></iigp-newsletter-archive
      >`,
      { warnings: 2 },
    );
    expect(el.state).to.equal('ready');
    const slot = el.shadowRoot!.querySelector('slot')!;
    const links = slot.assignedElements().flatMap((node) => [...node.querySelectorAll('a')]);
    expect(links.map((a) => a.textContent)).to.deep.equal(['Spring 2024', 'Fall 2023']);
    const ours = warnings.filter((m) => m.includes('iigp-widgets'));
    // The ordering code and the Spanish words: one warning each, naming them.
    expect(ours, ours.join('\n')).to.have.length(2);
    expect(ours.join('\n'))
      .to.match(/ordering/i)
      .and.to.match(/\bes\b/);
    for (const message of ours) expect(message).to.include('Serve the whole dist/ folder');
    await expect(el).to.be.accessible();
  });
});
