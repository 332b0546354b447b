/**
 * Hostile host pages: aggressive global CSS, rewritten built-ins, a wrapped fetch, jQuery-like globals,
 * a polluted Object.prototype. Under each, every widget still renders its items and its links can be
 * hit (elementFromPoint finds the link) and clicked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/iigp-widgets.js';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import { mock, settled } from '../helpers.js';
import { hitTarget, watchErrors } from './page.js';

interface Hostility {
  name: string;
  install: () => () => void;
}

function style(css: string): () => void {
  const el = document.createElement('style');
  el.textContent = css;
  document.head.append(el);
  return () => el.remove();
}

/** Sets `key` on `target` as a plain assignment would (enumerable), and restores the original after. */
function patch(target: object, key: string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  (target as Record<string, unknown>)[key] = value;
  return () => {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  };
}

function all(...undo: (() => void)[]): () => void {
  return () => undo.reverse().forEach((fn) => fn());
}

const HOSTILITIES: Hostility[] = [
  {
    name: 'global CSS: * { display: block; color: red !important }, li { display: none !important }, a { pointer-events: none }',
    install: () =>
      style(`* { display: block; color: red !important; box-sizing: content-box !important; line-height: 3 !important }
        li { display: none !important } a { pointer-events: none; text-decoration: line-through }
        ul { list-style: disc outside !important; padding: 5em !important } img { width: 2000px !important; height: 2000px !important }
        span, time, p, div { font-size: 40px !important; visibility: visible !important }
        [part], [role] { display: none !important } iigp-recent-posts li { display: none !important }`),
  },
  {
    name: 'built-ins rewritten as old scripts do (Array.prototype.map wrapped, includes overwritten, enumerable helpers)',
    install: () => {
      const map = Array.prototype.map;
      const includes = Array.prototype.includes;
      return all(
        patch(Array.prototype, 'map', function (this: unknown[], ...args: Parameters<typeof map>) {
          return map.apply(this, args);
        }),
        // A hand-written includes, as old polyfills have it: no fromIndex, no NaN.
        patch(Array.prototype, 'includes', function (this: unknown[], value: unknown) {
          for (let i = 0; i < this.length; i++) if (this[i] === value) return true;
          return false;
        }),
        patch(Array.prototype, 'remove', function (this: unknown[], value: unknown) {
          const i = this.indexOf(value);
          if (i >= 0) this.splice(i, 1);
          return this;
        }),
        patch(Array.prototype, 'first', function (this: unknown[]) {
          return this[0];
        }),
        patch(String.prototype, 'trim', function (this: string) {
          return this.replace(/^\s+|\s+$/g, '');
        }),
        () => expect(includes).to.be.a('function'),
      );
    },
  },
  {
    name: 'window.fetch wrapped by an analytics script',
    install: () => {
      const original = window.fetch;
      const seen: string[] = [];
      return patch(window, 'fetch', function analytics(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        seen.push(String(input));
        return original.call(window, input, init).then((response) => {
          seen.push(`${response.status}`);
          return response;
        });
      });
    },
  },
  {
    name: 'jQuery-like and old-theme globals ($, jQuery, define.amd, a global `require`, `module`, `process`)',
    install: () => {
      const $ = Object.assign((selector: string) => document.querySelectorAll(selector), {
        fn: {},
        extend: Object.assign,
      });
      const define = Object.assign(() => undefined, { amd: { jQuery: true } });
      return all(
        patch(window, '$', $),
        patch(window, 'jQuery', $),
        patch(window, 'define', define),
        patch(window, 'require', () => ({})),
        patch(window, 'module', { exports: {} }),
        patch(window, 'process', { env: { NODE_ENV: 'production' } }),
      );
    },
  },
  {
    name: 'Object.prototype polluted with enumerable properties',
    install: () =>
      all(
        patch(Object.prototype, 'polluted', 'yes'),
        patch(Object.prototype, 'extend', function (this: unknown) {
          return this;
        }),
      ),
  },
];

describe('hostile host pages', function () {
  this.timeout(30000);
  beforeEach(() => localStorage.clear());

  for (const hostility of HOSTILITIES) {
    it(`every widget renders and works under ${hostility.name}`, async () => {
      const watch = watchErrors();
      const undo = hostility.install();
      try {
        const box = await fixture<HTMLElement>(html`<div>
          <iigp-recent-posts src=${mock('demo/data/posts.xml')} limit="2" show-excerpt></iigp-recent-posts>
          <iigp-workshop-list src=${mock('demo/data/workshops.json')} limit="2" .now=${'2026-11-26T12:00:00Z'}></iigp-workshop-list>
          <iigp-faculty-card src=${mock('demo/data/faculty.json')} layout="compact"></iigp-faculty-card>
          <iigp-newsletter-archive src=${mock('demo/data/newsletters.json')} limit="2"></iigp-newsletter-archive>
        </div>`);
        const widgets = [...box.children] as WidgetElement<unknown>[];
        for (const el of widgets) {
          await settled(el);
          expect(el.state, el.localName).to.equal('ready');
          const item = el.shadowRoot!.querySelector('[part~="item"]') as HTMLElement;
          expect(item.getBoundingClientRect().height, `${el.localName}: an item is visible`).to.be.greaterThan(0);
          const link = el.shadowRoot!.querySelector('a[part~="link"]') as HTMLAnchorElement;
          link.scrollIntoView({ block: 'center' });
          const hit = hitTarget(link);
          expect(
            hit === link || link.contains(hit),
            `${el.localName}: the link is on top (hit ${hit?.localName}.${hit?.getAttribute('part')})`,
          ).to.equal(true);
          let clicked = false;
          const keep = (event: Event) => {
            if (event.composedPath().includes(link)) {
              clicked = true;
              event.preventDefault();
            }
          };
          window.addEventListener('click', keep, true);
          (hit as HTMLElement).click();
          window.removeEventListener('click', keep, true);
          expect(clicked, `${el.localName}: the link takes the click`).to.equal(true);
        }
        expect(watch.errors).to.deep.equal([]);
      } finally {
        undo();
        watch.dispose();
      }
    });
  }
});
