/**
 * A page for resilience tests: the widget under test, a second healthy widget, and a plain button,
 * with every uncaught exception and unhandled rejection recorded.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import { mock, settled } from '../helpers.js';

export const FEED = 'demo/data/posts.xml';

export interface Page {
  box: HTMLElement;
  healthy: WidgetElement<unknown>;
  button: HTMLButtonElement;
  clicks: () => number;
  errors: string[];
  dispose: () => void;
}

/** Records uncaught errors and unhandled rejections until `dispose`. */
export function watchErrors(): { errors: string[]; dispose: () => void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    errors.push(`unhandled rejection: ${String(event.reason?.message ?? event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    dispose: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

export async function page(): Promise<Page> {
  const watch = watchErrors();
  let count = 0;
  const box = await fixture<HTMLElement>(html`<div>
    <iigp-recent-posts class="healthy" src=${mock(FEED)} limit="2"></iigp-recent-posts>
    <button type="button" class="plain" @click=${() => count++}>Plain button</button>
  </div>`);
  const healthy = box.querySelector('.healthy') as WidgetElement<unknown>;
  return {
    box,
    healthy,
    button: box.querySelector('button.plain')!,
    clicks: () => count,
    errors: watch.errors,
    dispose: watch.dispose,
  };
}

/** The topmost element at the centre of `el`, looking through shadow roots. */
export function hitTarget(el: Element): Element | null {
  const rect = el.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The healthy widget rendered and its first link can be hit and clicked; the button still counts clicks. */
export async function stillWorks(p: Page): Promise<void> {
  await settled(p.healthy, 15000);
  expect(p.healthy.state, 'the healthy widget').to.equal('ready');
  const link = p.healthy.shadowRoot!.querySelector('a[part~="link"]') as HTMLAnchorElement;
  expect(link, 'the healthy widget has a link').to.exist;
  link.scrollIntoView({ block: 'center' });
  const hit = hitTarget(link);
  expect(hit === link || link.contains(hit), `the link is on top (hit ${hit?.localName})`).to.equal(true);
  let followed = false;
  const keep = (event: Event) => {
    if (event.composedPath().includes(link)) {
      followed = true;
      event.preventDefault();
    }
  };
  window.addEventListener('click', keep, true);
  link.click();
  window.removeEventListener('click', keep, true);
  expect(followed, 'the link takes clicks').to.equal(true);
  const before = p.clicks();
  p.button.click();
  expect(p.clicks(), 'the plain button').to.equal(before + 1);
}
