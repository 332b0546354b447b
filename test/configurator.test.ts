import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/recent-posts/define.js';
import '../demo/configurator/configurator.js';
import type { EmbedConfiguratorElement, Manifest } from '../demo/configurator/configurator.js';

async function configurator(): Promise<EmbedConfiguratorElement> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  const el = await fixture<EmbedConfiguratorElement>(
    html`<iigp-embed-configurator .manifest=${manifest} version="0.1.0" data-base="/demo/data/"></iigp-embed-configurator>`,
  );
  return el;
}

describe('embed configurator (demo/configurator)', () => {
  beforeEach(() => localStorage.clear());

  it('builds its form from custom-elements.json: every attribute of the widget, with its description', async () => {
    const el = await configurator();
    const root = el.shadowRoot!;
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const posts = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'iigp-recent-posts')!;
    for (const attr of posts.attributes!.filter((a) => a.name !== 'state')) {
      expect(root.getElementById(`f-${attr.name}`), attr.name).to.exist;
    }
    expect(root.querySelector('#f-layout option:nth-child(3)')!.textContent).to.equal('grid');
    expect(root.getElementById('f-show-excerpt')!.getAttribute('type')).to.equal('checkbox');
    await expect(el).to.be.accessible();
  });

  it('updates the live widget and the snippets as options change', async () => {
    const el = await configurator();
    const root = el.shadowRoot!;
    const limit = root.getElementById('f-limit') as HTMLInputElement;
    limit.value = '3';
    limit.dispatchEvent(new Event('input'));
    const excerpt = root.getElementById('f-show-excerpt') as HTMLInputElement;
    excerpt.click();
    await el.updateComplete;
    const preview = root.querySelector('.preview iigp-recent-posts')!;
    expect(preview.getAttribute('limit')).to.equal('3');
    expect(preview.hasAttribute('show-excerpt')).to.equal(true);
    await waitUntil(() => preview.getAttribute('state') === 'ready', 'the live preview never loaded');
    expect(preview.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(3);
    const snippet = (root.getElementById('snippet') as HTMLTextAreaElement).value;
    expect(snippet).to.include(
      '<script type="module" src="https://cdn.jsdelivr.net/npm/iigp-widgets@0.1.0/dist/recent-posts.js"></script>',
    );
    expect(snippet).to.include('<iigp-recent-posts src="/demo/data/posts.xml" limit="3" show-excerpt>');
    expect((root.getElementById('shortcode') as HTMLTextAreaElement).value).to.equal(
      '[iigp_recent_posts limit="3" show_excerpt="1"]',
    );
  });

  it('gives the CSP lines and the CORS header for another data host and embedding site', async () => {
    const el = await configurator();
    const root = el.shadowRoot!;
    const src = root.getElementById('f-src') as HTMLInputElement;
    src.value = 'https://iigp.example/wp-json/wp/v2/posts?_embed';
    src.dispatchEvent(new Event('input'));
    const embedder = root.getElementById('embedder') as HTMLInputElement;
    embedder.value = 'https://allied.example';
    embedder.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const lines = (root.getElementById('host') as HTMLTextAreaElement).value;
    expect(lines).to.include("connect-src 'self' https://iigp.example");
    expect(lines).to.include('Access-Control-Allow-Origin: https://allied.example');
    expect(lines).to.include("trusted-types lit-html iigp 'allow-duplicates'");
    expect(lines).to.include("script-src 'self' https://cdn.jsdelivr.net");
  });

  it('points the snippet at a self-hosted copy of dist/ when one is given', async () => {
    const el = await configurator();
    const root = el.shadowRoot!;
    const scripts = root.getElementById('scripts') as HTMLInputElement;
    scripts.value = 'https://www.iigp.example/wp-content/iigp-widgets/dist/';
    scripts.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect((root.getElementById('snippet') as HTMLTextAreaElement).value).to.include(
      '<script type="module" src="https://www.iigp.example/wp-content/iigp-widgets/dist/recent-posts.js"></script>',
    );
    expect((root.getElementById('host') as HTMLTextAreaElement).value).to.include(
      "script-src 'self' https://www.iigp.example",
    );
  });

  it('copies the snippet with the keyboard and says so', async () => {
    const el = await configurator();
    const root = el.shadowRoot!;
    let copied = '';
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    try {
      (root.getElementById('copy-snippet') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copied !== '', 'nothing was copied');
      expect(copied).to.equal((root.getElementById('snippet') as HTMLTextAreaElement).value);
      await el.updateComplete;
      expect(root.getElementById('copied')!.textContent).to.equal('Snippet copied to the clipboard.');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });
});
