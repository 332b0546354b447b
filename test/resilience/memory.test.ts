/**
 * Mounting and removing widgets 1,000 times leaves nothing behind: no listeners on long-lived targets,
 * no pending timers, no fetches in flight, no entries in the shared request map. Measured with counting
 * wrappers around addEventListener/removeEventListener, setTimeout/clearTimeout, fetch and
 * AbortController.abort, never with wall-clock time.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/iigp-widgets.js';
import type { WidgetElement } from '../../src/shared/widget-element.js';
import type { WorkshopListElement } from '../../src/workshop-list/workshop-list.js';
import { mock } from '../helpers.js';

interface Counters {
  /** Listeners still registered on targets that outlive a widget: non-nodes (signals, window) and connected nodes. */
  listeners: () => number;
  timers: () => number;
  fetching: () => number;
  aborts: () => number;
  restore: () => void;
}

function count(): Counters {
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const registered = new Map<EventTarget, Set<unknown>>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const key = (type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    const fn = listener as object;
    if (fn && !ids.has(fn)) ids.set(fn, ++next);
    return `${type}|${fn ? ids.get(fn) : 0}|${capture}`;
  };
  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (listener && !(typeof options === 'object' && options?.once)) {
      let set = registered.get(this);
      if (!set) registered.set(this, (set = new Set()));
      set.add(key(type, listener, options));
    }
    return add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    registered.get(this)?.delete(key(type, listener, options));
    return remove.call(this, type, listener, options);
  };

  const setTimer = window.setTimeout;
  const clearTimer = window.clearTimeout;
  const pending = new Set<number>();
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = setTimer(
      (...inner: unknown[]) => {
        pending.delete(id);
        if (typeof handler === 'function') handler(...inner);
      },
      ms,
      ...args,
    );
    pending.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) pending.delete(id);
    clearTimer(id);
  }) as typeof window.clearTimeout;

  const fetcher = window.fetch;
  let inFlight = 0;
  window.fetch = (input, init) => {
    inFlight++;
    const done = () => inFlight--;
    const response = fetcher(input, init);
    response.then(done, done);
    return response;
  };

  const abort = AbortController.prototype.abort;
  let aborts = 0;
  AbortController.prototype.abort = function (this: AbortController, reason?: unknown) {
    if (!this.signal.aborted) aborts++;
    return abort.call(this, reason);
  };

  return {
    listeners: () =>
      [...registered].reduce(
        (sum, [target, set]) => sum + (target instanceof Node && !target.isConnected ? 0 : set.size),
        0,
      ),
    timers: () => pending.size,
    fetching: () => inFlight,
    aborts: () => aborts,
    restore: () => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
      window.setTimeout = setTimer;
      window.clearTimeout = clearTimer;
      window.fetch = fetcher;
      AbortController.prototype.abort = abort;
    },
  };
}

const SOURCES = {
  'iigp-recent-posts': 'demo/data/posts.xml',
  'iigp-workshop-list': 'demo/data/workshops.json',
  'iigp-faculty-card': 'demo/data/faculty.json',
  'iigp-newsletter-archive': 'demo/data/newsletters.json',
} as const;
const NAMES = Object.keys(SOURCES) as (keyof typeof SOURCES)[];

const requestMap = () =>
  (globalThis as unknown as Record<symbol, { requests: Map<string, unknown> }>)[Symbol.for('iigp-widgets.v1')].requests;
const quiet = () => new Promise((done) => setTimeout(done, 300));

describe('memory', function () {
  this.timeout(180000);

  it('1,000 mounts and removals leave no growing listeners, timers, fetches or shared requests', async () => {
    localStorage.clear();
    const box = await fixture<HTMLElement>(html`<div></div>`);
    const urls = Object.fromEntries(NAMES.map((name) => [name, mock(SOURCES[name])])) as Record<
      keyof typeof SOURCES,
      string
    >;
    const counters = count();
    let slow = 0;
    /** One mount and removal; every 10th on a new, slow URL, removed before the answer (an abandoned request). */
    const cycle = async (i: number) => {
      const name = NAMES[i % NAMES.length];
      const el = document.createElement(name) as WidgetElement<unknown>;
      if (name === 'iigp-workshop-list') (el as WorkshopListElement).now = '2026-11-26T12:00:00Z';
      const abandon = i % 10 === 9;
      if (abandon) slow++;
      el.src = abandon ? mock(SOURCES[name], { delay: 5000 }) : urls[name];
      box.append(el);
      await el.updateComplete;
      if (!abandon) {
        for (let tries = 0; el.state === 'loading' && tries < 200; tries++)
          await new Promise((done) => setTimeout(done, 10));
        expect(el.state, `${name} #${i}`).to.equal('ready');
      }
      el.remove();
    };
    try {
      for (let i = 0; i < 100; i++) await cycle(i);
      await quiet();
      const base = {
        listeners: counters.listeners(),
        timers: counters.timers(),
        fetching: counters.fetching(),
        requests: requestMap().size,
      };
      const abortsBefore = counters.aborts();
      const slowBefore = slow;
      for (let i = 100; i < 1000; i++) await cycle(i);
      await quiet();
      const after = {
        listeners: counters.listeners(),
        timers: counters.timers(),
        fetching: counters.fetching(),
        requests: requestMap().size,
      };
      expect(after, 'after 1,000 cycles compared with after 100').to.deep.equal(base);
      expect(after.fetching, 'fetches in flight').to.equal(0);
      expect(counters.aborts() - abortsBefore, 'abandoned requests aborted').to.be.at.least(slow - slowBefore);
      // The counters do see a leak: one listener left on window counts.
      const leak = () => {};
      window.addEventListener('iigp-probe', leak);
      expect(counters.listeners(), 'a leaked listener is counted').to.equal(after.listeners + 1);
      window.removeEventListener('iigp-probe', leak);
    } finally {
      counters.restore();
    }
  });
});
