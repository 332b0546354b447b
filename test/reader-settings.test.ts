import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/iigp-widgets.js';
import type { WidgetElement } from '../src/shared/widget-element.js';
import { mock, settled } from './helpers.js';

// Readers' own settings: a narrow window (320 CSS px, as a phone or a 400% zoom), text at 200%,
// forced colours (Windows High Contrast) and reduced motion. The layout tests run in every engine;
// forced colours and reduced motion need the engine to emulate the media feature (Chromium, through
// its DevTools protocol: see web-test-runner.config.mjs) and are skipped, saying why, elsewhere.

const NOW = '2026-12-06T12:00:00Z';

/** Why a media-feature test is skipped outside Chromium. */
const NO_EMULATION = (feature: string, bidiCommand: string) =>
  `a test can emulate ${feature} only in Chromium (DevTools protocol). Firefox ESR's WebDriver BiDi answers ` +
  `"unknown command" to ${bidiCommand}, and WebKitGTK's classic WebDriver has no media emulation.`;

/** Every widget with the richest content it shows: images, excerpts, buttons, long credentials. */
const widgets: Record<string, () => TemplateResult> = {
  'iigp-recent-posts': () =>
    html`<iigp-recent-posts src=${mock('demo/data/posts.xml')} show-image show-excerpt show-author read-more="Read more"></iigp-recent-posts>`,
  'iigp-workshop-list': () =>
    html`<iigp-workshop-list src=${mock('demo/data/workshops.json')} when="all" show-description .now=${NOW}></iigp-workshop-list>`,
  'iigp-faculty-card': () =>
    html`<iigp-faculty-card src=${mock('demo/data/faculty.json')} person="natan-harpaz"></iigp-faculty-card>`,
  'iigp-newsletter-archive': () =>
    html`<iigp-newsletter-archive src=${mock('demo/data/newsletters.json')} limit="3" searchable></iigp-newsletter-archive>`,
};

/** The other layouts, for the width and text-size tests. */
const layouts: Record<string, () => TemplateResult> = {
  ...widgets,
  'iigp-recent-posts layout="grid"': () =>
    html`<iigp-recent-posts src=${mock('demo/data/posts.xml')} layout="grid" show-image show-excerpt></iigp-recent-posts>`,
  'iigp-workshop-list layout="cards"': () =>
    html`<iigp-workshop-list src=${mock('demo/data/workshops.json')} layout="cards" .now=${NOW}></iigp-workshop-list>`,
  'iigp-workshop-list layout="compact"': () =>
    html`<iigp-workshop-list src=${mock('demo/data/workshops.json')} layout="compact" .now=${NOW}></iigp-workshop-list>`,
  'iigp-faculty-card layout="vertical"': () =>
    html`<iigp-faculty-card src=${mock('demo/data/faculty.json')} person="natan-harpaz" layout="vertical"></iigp-faculty-card>`,
  'iigp-faculty-card layout="compact"': () =>
    html`<iigp-faculty-card src=${mock('demo/data/faculty.json')} person="natan-harpaz" layout="compact"></iigp-faculty-card>`,
};

async function mount(template: TemplateResult, style: string): Promise<WidgetElement<unknown>> {
  const box = await fixture<HTMLElement>(html`<div style=${style}>${template}</div>`);
  const el = box.firstElementChild as WidgetElement<unknown>;
  await settled(el);
  // Images (the post thumbnails, the photo) take their size once loaded; those of the sample site's
  // host never load here (no network): their boxes keep the size the styles give them.
  const loaded = Promise.all(
    [...el.shadowRoot!.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)),
  );
  await Promise.race([loaded, new Promise((done) => setTimeout(done, 3000))]);
  await el.updateComplete;
  return el;
}

/** Rendered elements of the shadow root, the visually hidden text (a 1 px clip on purpose) left out. */
function rendered(el: Element): Element[] {
  return [...el.shadowRoot!.querySelectorAll('*')].filter(
    (node) =>
      node.getClientRects().length > 0 &&
      !node.closest('.visually-hidden') &&
      !['STYLE', 'SLOT'].includes(node.tagName),
  );
}

/** What sticks out of the widget's box, or is clipped inside its own box. */
function problems(el: Element): string[] {
  const box = el.getBoundingClientRect();
  const found: string[] = [];
  if (el.scrollWidth > el.clientWidth + 1)
    found.push(`the widget scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
  for (const node of rendered(el)) {
    const rect = node.getBoundingClientRect();
    const name = `<${node.localName}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}> "${node.textContent?.trim().slice(0, 30)}"`;
    if (rect.left < box.left - 1 || rect.right > box.right + 1) {
      found.push(
        `${name} sticks out: ${Math.round(rect.left - box.left)}..${Math.round(rect.right - box.left)} of ${Math.round(box.width)} px`,
      );
    }
    const style = getComputedStyle(node);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      if (node.scrollWidth > node.clientWidth + 2 || node.scrollHeight > node.clientHeight + 2) {
        found.push(
          `${name} is cut off: ${node.scrollWidth}x${node.scrollHeight} shown in ${node.clientWidth}x${node.clientHeight}`,
        );
      }
    }
  }
  return found;
}

describe("readers' settings", () => {
  for (const [tag, template] of Object.entries(layouts)) {
    describe(`<${tag}>`, () => {
      for (const [setting, style] of [
        ['at 320 px wide', 'inline-size: 320px'],
        ['at 320 px wide with text at 200%', 'inline-size: 320px; font-size: 200%'],
        ['with text at 200% in a 36rem column', 'inline-size: 36rem; font-size: 200%'],
      ] as const) {
        it(`${setting}: nothing is cut off and nothing scrolls sideways`, async () => {
          const el = await mount(template(), style);
          expect(el.state).to.equal('ready');
          expect(problems(el)).to.deep.equal([]);
          expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(window.innerWidth);
        });
      }
    });
  }

  describe('forced colours (Windows High Contrast)', () => {
    let emulated = false;
    before(async function () {
      emulated =
        Boolean(await executeServerCommand('emulate-reader-settings', { forcedColors: 'active' })) &&
        matchMedia('(forced-colors: active)').matches;
      if (!emulated) {
        console.warn(`Skipped: ${NO_EMULATION('forced-colors', 'emulation.setForcedColorsModeThemeOverride')}`);
        this.skip();
      }
    });
    after(async () => {
      if (emulated) await executeServerCommand('emulate-reader-settings', {});
    });

    /** A border a reader sees: drawn, and not the colour of what is behind it. */
    function border(node: Element): string {
      const s = getComputedStyle(node);
      return `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor === s.backgroundColor || /rgba\(.*, 0\)$|transparent/.test(s.borderTopColor) ? 'invisible' : 'visible'}`;
    }

    it('buttons keep a visible border', async () => {
      const list = await mount(widgets['iigp-workshop-list'](), '');
      const archive = await mount(widgets['iigp-newsletter-archive'](), '');
      const buttons = [
        ...list.shadowRoot!.querySelectorAll('[part~="button"]'),
        ...archive.shadowRoot!.querySelectorAll('button'),
      ];
      expect(buttons.length).to.be.greaterThan(2);
      for (const button of buttons)
        expect(border(button), button.textContent ?? '').to.match(
          /^(solid|outset|inset|groove|ridge|double) [1-9][\d.]*px visible$/,
        );
    });

    it('the focus ring stays visible', async () => {
      const box = await fixture<HTMLElement>(html`<div><button>before</button>${widgets['iigp-recent-posts']()}</div>`);
      const el = box.querySelector('iigp-recent-posts') as WidgetElement<unknown>;
      await settled(el);
      box.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      const focused = el.shadowRoot!.activeElement!;
      expect(focused, 'a link in the widget has the focus').to.exist;
      const s = getComputedStyle(focused);
      expect(s.outlineStyle).to.not.equal('none');
      expect(parseFloat(s.outlineWidth)).to.be.at.least(1);
      expect(s.outlineColor).to.not.match(/rgba\(.*, 0\)$|transparent/);
    });

    it('the loading placeholder stays visible', async () => {
      const el = await fixture<WidgetElement<unknown>>(
        html`<iigp-recent-posts src=${mock('demo/data/posts.xml', { hang: 1 })}></iigp-recent-posts>`,
      );
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      const bars = [...el.shadowRoot!.querySelectorAll('[part~="skeleton"] > *')];
      expect(bars.length).to.be.greaterThan(0);
      for (const bar of bars) expect(border(bar)).to.match(/^solid [1-9][\d.]*px visible$/);
    });
  });

  describe('reduced motion', () => {
    let emulated = false;
    before(async function () {
      emulated =
        Boolean(await executeServerCommand('emulate-reader-settings', { reducedMotion: 'reduce' })) &&
        matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (!emulated) {
        console.warn(`Skipped: ${NO_EMULATION('prefers-reduced-motion', 'emulation.setPrefersReducedMotionOverride')}`);
        this.skip();
      }
    });
    after(async () => {
      if (emulated) await executeServerCommand('emulate-reader-settings', {});
    });

    async function placeholder(): Promise<WidgetElement<unknown>> {
      const el = await fixture<WidgetElement<unknown>>(
        html`<iigp-workshop-list src=${mock('demo/data/workshops.json', { hang: 1 })}></iigp-workshop-list>`,
      );
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      return el;
    }

    // The placeholder is a still tint: it never moves, for anyone (an animation would cost bytes the
    // size budget does not have). This guards that: motion added to it must stop for these readers.
    it('the loading placeholder does not move', async () => {
      const el = await placeholder();
      expect(
        el.shadowRoot!.getAnimations().map((a) => (a as CSSAnimation).animationName ?? 'a transition'),
      ).to.deep.equal([]);
      for (const bar of el.shadowRoot!.querySelectorAll('[part~="skeleton"], [part~="skeleton"] > *')) {
        expect(getComputedStyle(bar).animationName).to.equal('none');
      }
    });
  });
});
