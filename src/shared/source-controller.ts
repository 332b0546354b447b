import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { Parsed } from '../model.js';
import { formatOfUrl } from '../formats/format-of-url.js';
import { LoadError } from './load-error.js';
import { absoluteUrl, loadCached, release, remember, type Body } from './loader.js';
import { nextTurn } from './turns.js';
import { checkedItems, markChecked } from './url.js';

export type Parser<T> = (body: Body) => Parsed<T> | Promise<Parsed<T>>;
/**
 * Format modules by `format` name, each loaded on demand (its `default` export is the parser): a page
 * downloads only the parser its data needs, and starts that download alongside the data request, so
 * it costs no extra round trip.
 */
export type Formats<T> = Record<string, () => Promise<{ default: Parser<T> }>>;

/** What the controller reads of its element: the public properties that say what to load and how. */
export interface SourceHost<T> extends ReactiveControllerHost, HTMLElement {
  readonly src?: string;
  readonly format: string;
  readonly maxAge: number;
  readonly timeout: number;
  readonly loading: 'eager' | 'lazy';
  readonly items?: T[];
  readonly hasUpdated: boolean;
  /** The address to request for the absolute `src`. */
  requestUrl(url: string): string;
}

/** The body detection and its messages, loaded on demand: only `format="auto"` and a failure need them. */
const detection = () => import('../formats/detect.js');

/** The words of warnings and failures (explain.ts), loaded when there is one to write; undefined when they cannot be. */
const words = () => import('./explain.js').catch(() => undefined);

type Words = typeof import('./explain.js');
type Warning = 'invalid' | 'stringsNotJson' | 'noLanguage' | 'noOrdering' | 'skipped';

/**
 * One console warning in the words of explain.ts, loaded for it. When that file cannot load either (a
 * copy of dist/ without its chunks) the warning still names its kind and values, and the likely fix.
 */
export async function warn<K extends Warning>(kind: K, ...values: Parameters<Words[K]>): Promise<void> {
  const said = await words();
  warnOnce(
    said
      ? (said[kind] as (...args: unknown[]) => string)(...values)
      : unexplained(values[0] as string, `${kind}: ${values.slice(1).join(', ')}`),
  );
}

/** A warning whose words did not load: most likely the chunks of dist/ are not served. */
const unexplained = (tag: string, what: string) => `iigp-widgets: <${tag}> ${what}. Serve the whole dist/ folder.`;

/** The file an on-demand import could not load, where the engine names it (Chromium, Firefox: last in the message); else `what`. */
export function failedFile(error: unknown, what: string): string {
  const last = String((error as Error)?.message)
    .split(' ')
    .pop()!;
  return last.endsWith('.js') ? last : what;
}

/** An on-demand module: one that cannot be loaded (a file missing from the server) is a LoadError. */
function demand<M>(load: () => Promise<M>, what: string): Promise<M> {
  return load().catch((error) => {
    throw new LoadError(failedFile(error, what), 'network', '');
  });
}

const parsedBodies = new WeakMap<Body, Map<Parser<unknown>, Promise<Parsed<unknown>>>>();
const warned = new Set<string>();

/** One console warning per distinct message per page, however many widgets hit the same problem. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * The data of a widget's `src`: it waits for the viewport when `loading="lazy"`, loads through the shared
 * loader (one request per URL, the saved copy, the timeout), abandons a load the element no longer needs,
 * detects the format and parses with the widget's format modules, once per body however many widgets
 * share it. Its element reads `loaded`, `failure` and `stale`; it hears of each change through
 * `requestUpdate()`, and of each load through the `iigp-load` and `iigp-error` events.
 */
export class SourceController<T> implements ReactiveController {
  /** Items from `src`. */
  loaded?: T[];
  /** Why loading failed. */
  failure?: LoadError;
  /** The items shown are a saved copy because the network failed. */
  stale?: boolean;

  private abort?: AbortController;
  private observer?: IntersectionObserver;
  /** The URL whose body this widget holds (loadCached): released when it loads another or leaves. */
  private held?: string;
  private visible?: boolean;

  /**
   * @param formats - The element's format modules (read when needed: subclass fields are set after this).
   * @param shown - The items the element shows once rendered, for `iigp-load`.
   */
  constructor(
    private readonly host: SourceHost<T>,
    private readonly formats: () => Formats<T>,
    private readonly shown: () => T[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Re-attached after being moved or removed: pick up where the aborted load left off.
    if (this.host.hasUpdated && !this.loaded && !this.failure) void this.load();
  }

  /** Abandons the current load, stops waiting for the viewport and lets the page release the body. */
  hostDisconnected(): void {
    this.abort?.abort();
    this.observer?.disconnect();
    if (this.held) release(this.held);
    this.abort = this.observer = this.held = undefined;
  }

  /** Starts over: fetches and parses `src` (once near the viewport when lazy), unless `items` are set. */
  async load(): Promise<void> {
    const { host } = this;
    this.hostDisconnected();
    // Called while the element updates (src, format or items changed), or when nothing it shows changes
    // (re-attached, or near the viewport at last): no update of its own to ask for.
    this.loaded = this.failure = undefined;
    this.stale = false;
    if (!host.src || host.items !== undefined || !host.isConnected) return;
    // Items the server printed with the page (a JSON island in the fallback): shown without fetching
    // them again, checked as `items` are. Read once: a later `src` is fetched. No island, or one that
    // does not parse (either throws here): fetched.
    const island = host.querySelector<HTMLScriptElement>('[data-iigp-items]')!;
    try {
      island.remove();
      return void (this.loaded = checkedItems(JSON.parse(island.text)));
    } catch {}
    if (host.loading === 'lazy' && !this.visible) {
      // Waits until the widget is near the viewport; load() then stops observing.
      this.observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.visible = true;
          void this.load();
        },
        { rootMargin: '200px' },
      );
      this.observer.observe(host);
      return;
    }
    const abort = (this.abort = new AbortController());
    const { signal } = abort;
    let url = host.src;
    try {
      url = host.requestUrl(absoluteUrl(url));
      const { cached, fresh } = loadCached((this.held = url), host);
      // Fetch the likely parser alongside the data: the format asked for, else the one the URL suggests.
      const guess = host.format === 'auto' ? (formatOfUrl(url) ?? Object.keys(this.formats())[0]) : host.format;
      this.parserFor(guess)?.().catch(() => {});
      // The body detection too, when the format is told by the body.
      if (host.format === 'auto') detection().catch(() => {});
      fresh?.catch(() => {}); // Handled below; this stops an "unhandled rejection" while the saved copy is parsed.
      // A saved copy that no longer parses is ignored: the network answer replaces it.
      if (cached) await this.accept(cached, url, signal).catch(() => {});
      if (fresh) {
        const body = await fresh;
        if (signal.aborted) return;
        await this.accept(body, url, signal);
        remember(url, body);
      }
    } catch (error) {
      // Aborted (src changed, or the widget left the page): a newer load, if any, reports for itself.
      if (!signal.aborted) await this.fail(error, url);
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private parserFor(name: string): Formats<T>[string] | undefined {
    const formats = this.formats();
    return Object.hasOwn(formats, name) ? formats[name] : undefined;
  }

  private async parse(body: Body): Promise<Parsed<T>> {
    const { format } = this.host;
    const auto = format === 'auto';
    const detect = auto || !this.parserFor(format) ? await demand(detection, 'format detection') : undefined;
    const name = auto ? detect!.detectFormat(body) : format;
    const load = this.parserFor(name);
    if (!load) throw detect!.noParser(name, !auto, Object.keys(this.formats()));
    const { default: parser } = await demand(load, `${name} parser`);
    // Every widget on one URL gets the same Body: parse it once per parser, not once per widget.
    const byParser = parsedBodies.get(body) ?? new Map();
    parsedBodies.set(body, byParser);
    if (!byParser.has(parser)) byParser.set(parser, Promise.resolve(body).then(parser));
    return byParser.get(parser) as Promise<Parsed<T>>;
  }

  private async accept(body: Body, url: string, signal: AbortSignal): Promise<void> {
    const parsed = await this.parse(body);
    // Widgets that share a feed render it one per task: the first at once, the others after it.
    await nextTurn();
    if (signal.aborted) return;
    const { host } = this;
    const { skipped } = parsed;
    // The words of the warning load with it, before the items show (so it comes before iigp-load).
    if (skipped) await warn('skipped', host.localName, url, skipped);
    if (signal.aborted) return;
    // Parsers check every URL: items of any format may come back as `items` (from iigp-load) without a
    // copy. The post parsers also mark their own, whose lazy excerpts a copy would compute, for other callers.
    this.loaded = markChecked(parsed.items as object[]) as T[];
    host.requestUpdate();
    await host.updateComplete;
    this.emit('iigp-load', { items: this.shown() });
  }

  private async fail(error: unknown, url: string): Promise<void> {
    const { host } = this;
    const failure = LoadError.is(error)
      ? error
      : new LoadError(String((error as Error)?.message ?? error), 'format', '');
    // The loader's failures come without words, and the warning is written with them: both load now
    // (a page whose data loads never downloads them). When even they cannot, the kind is said.
    const explained = await words();
    if (!failure.hint) explained?.explain(failure, url);
    warnOnce(
      explained?.warning(host.localName, url, failure, !!this.loaded) ??
        unexplained(host.localName, `could not load ${url} (${failure.kind} ${failure.message})`),
    );
    if (this.loaded) this.stale = true;
    else this.failure = failure;
    host.requestUpdate();
    this.emit('iigp-error', { error: failure });
  }

  private emit(type: string, detail: unknown): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
