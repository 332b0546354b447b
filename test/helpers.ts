import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { WidgetElement } from '../src/shared/widget-element.js';
import type { WorkshopListElement } from '../src/workshop-list/workshop-list.js';

let unique = 0;
// One test server serves every engine of a run (ENGINES=all) and counts hits per URL: a token per page
// keeps one engine's requests from counting as hits on another engine's URLs.
const page = Math.random().toString(36).slice(2, 10);

/**
 * A URL on the test server's fixture route, made unique per call: the loader makes one request per
 * URL per page and saves the last good copy, so each test needs its own URL to see the network.
 */
export function mock(path: string, options: Record<string, string | number | boolean> = {}): string {
  const query = new URLSearchParams({
    ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])),
    u: `${page}-${++unique}`,
  });
  return `/__mock/${path}?${query}`;
}

/** A URL that serves `body` as is. */
export function echo(body: string, type = 'application/json', options: Record<string, string | number> = {}): string {
  return mock('echo', { body, type, ...options });
}

/** How many times the test server saw a request for `url` (as returned by `mock`). */
export async function hits(url: string): Promise<number> {
  const response = await fetch(`/__mock/hits?path=${encodeURIComponent(url)}`);
  return Number(await response.text());
}

/** Waits until the widget has left `loading`. */
export async function settled(el: WidgetElement<unknown>, timeout = 8000): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `still loading: ${el.outerHTML}`, { timeout });
  await el.updateComplete;
}

/** Records console.warn calls until `restore()`. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** Text of every element matching `selector` in the widget's shadow root. */
export function texts(el: Element, selector: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(selector) ?? [])].map(
    (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

/** A URL that serves `body` (of any size) with `type`: the body is stored on the test server first. */
export async function stash(
  body: string,
  type = 'application/json',
  options: Record<string, string | number> = {},
): Promise<string> {
  const response = await fetch('/__mock/stash', { method: 'POST', body });
  const id = await response.text();
  return mock('stash', { id, type, ...options });
}

/**
 * Mounts a widget and waits until it leaves `loading`, recording the console warnings it writes
 * meanwhile (the bad-input tests check there is exactly one, naming the cause). Warnings whose words
 * load on demand (explain.ts) may come after that: with `warnings: n` the first n are waited for, and a
 * moment more is given for any that should not come.
 */
export async function mountSettled<T extends WidgetElement<unknown>>(
  template: TemplateResult,
  options: { warnings?: number } = {},
): Promise<{ el: T; warnings: string[] }> {
  const warnings = captureWarnings();
  try {
    const el = await fixture<T>(template);
    await settled(el);
    if (options.warnings !== undefined) {
      const expected = options.warnings;
      await waitUntil(() => warnings.messages.length >= expected, `fewer than ${expected} warnings`, {
        timeout: 5000,
      });
      await new Promise((done) => setTimeout(done, 300));
    }
    return { el, warnings: warnings.messages };
  } finally {
    warnings.restore();
  }
}

/** Mounts a workshop list on `src` at a fixed `now` in en-US (the upcoming/past split and dates stay put), settled. */
export async function mountWorkshopList(
  src: string,
  attrs: Record<string, string>,
  now: string | number,
): Promise<WorkshopListElement> {
  const el = document.createElement('iigp-workshop-list') as WorkshopListElement;
  el.now = now;
  el.setAttribute('locale', 'en-US');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.src = src;
  const box = await fixture<HTMLElement>(html`<div></div>`);
  box.append(el);
  await settled(el);
  return el;
}
