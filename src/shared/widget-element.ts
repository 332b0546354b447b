import { ReactiveElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { Parsed } from '../model.js';
import { detectFormat } from '../formats/detect.js';
import { formatError } from '../formats/format-error.js';
import { LoadError, absoluteUrl, loadCached, remember, type Body } from './loader.js';
import { baseStyles } from './styles.js';
import { sourceUrl } from './source-url.js';
import { nextTurn } from './turns.js';
import { checkedItems, markChecked } from './url.js';

export type WidgetState = 'loading' | 'ready' | 'empty' | 'error';
export type Parser<T> = (body: Body) => Parsed<T> | Promise<Parsed<T>>;
/**
 * Format modules by `format` name, each loaded on demand (its `default` export is the parser): a page
 * downloads only the parser its data needs, and starts that download alongside the data request, so
 * it costs no extra round trip.
 */
export type Formats<T> = Record<string, () => Promise<{ default: Parser<T> }>>;

const warned = new Set<string>();
const parsedBodies = new WeakMap<Body, Map<Parser<unknown>, Promise<Parsed<unknown>>>>();

/** One console warning per distinct message per page, however many widgets hit the same problem. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * The load/state/fallback cycle every widget shares: it resolves `src`, loads it through the shared
 * loader, parses it with the widget's formats, and renders a heading, a live status for screen
 * readers, the items, a loading placeholder, or the light-DOM fallback. A widget only declares its
 * formats and its template.
 *
 * @attr src - URL of the data; relative URLs resolve against the page.
 * @attr format - `auto` (detect from Content-Type and body) or one of the widget's formats.
 * @attr limit - How many items at most.
 * @attr heading - Optional visible heading above the list.
 * @attr heading-level - Level of that heading, 2–6 (default 2), so the widget fits the page outline.
 * @attr locale - Locale for dates (default: the nearest `lang` of the page).
 * @attr time-zone - IANA time zone for dates (default: the reader's).
 * @attr max-age - Seconds a saved copy counts as fresh (default 0: always refresh in the background).
 * @attr loading - `eager` (default) or `lazy`: wait until the widget is near the viewport before fetching.
 * @attr state - Read-only, reflected: `loading`, `ready`, `empty` or `error`, for the page's CSS.
 *
 * @fires iigp-load - Items were loaded and rendered; `detail.items` holds the items shown.
 * @fires iigp-error - Loading failed; `detail.error` says why (`message`, `kind`, `hint`).
 *
 * @slot - Fallback content: shown before the script runs, without JavaScript, on error, and when there is nothing to show.
 *
 * @csspart heading - The heading, when `heading` is set.
 * @csspart message - The built-in empty or error message (when no fallback content is given).
 * @csspart skeleton - The placeholder shown while loading.
 *
 * @cssprop --iigp-gap - Space between items (default `0.75em`).
 * @cssprop --iigp-radius - Corner radius of images and cards (default `0.375em`).
 * @cssprop --iigp-link-color - Colour of links (default: inherited).
 * @cssprop --iigp-muted-color - Colour of dates and other secondary text (default: inherited; keep 4.5:1 contrast).
 * @cssprop --iigp-heading-font-size - Size of the heading (default `1.25em`).
 * @cssprop --iigp-title-lines - Lines a title may take before it is clamped (default 3).
 * @cssprop --iigp-skeleton-color - Colour of the loading placeholder.
 * @cssprop --iigp-focus-ring - Outline of focused links and buttons.
 */
export abstract class WidgetElement<T> extends ReactiveElement {
  protected override update(changed: PropertyValues<this>): void {
    const result = this.render();
    super.update(changed);
    render(result, this.renderRoot, { host: this });
  }

  static override styles: CSSResultGroup = baseStyles;

  static override properties: PropertyDeclarations = {
    src: {},
    format: {},
    limit: { type: Number },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    locale: {},
    timeZone: { attribute: 'time-zone' },
    maxAge: { type: Number, attribute: 'max-age' },
    loading: {},
    items: { attribute: false },
    state: { reflect: true },
    loaded: { state: true },
    failure: { state: true },
    stale: { state: true },
  };

  /** URL of the data; relative URLs resolve against the page. */
  declare src?: string;
  /** `auto` or one of the widget's formats. */
  format = 'auto';
  /** How many items at most. */
  declare limit?: number;
  /** Optional visible heading. */
  declare heading?: string;
  /** Level of the heading, 2–6. */
  headingLevel = 2;
  /** Locale for dates; default: the nearest `lang`. */
  declare locale?: string;
  /** IANA time zone for dates; default: the reader's. */
  declare timeZone?: string;
  /** Seconds a saved copy counts as fresh. */
  maxAge = 0;
  /** `eager` or `lazy` (fetch when near the viewport). */
  loading: 'eager' | 'lazy' = 'eager';
  /** Normalised items set from script; when set, nothing is fetched. */
  declare items?: T[];
  /** Read-only: the widget's state, reflected for the page's CSS. */
  state: WidgetState = 'loading';
  /** Milliseconds to wait for a complete response before giving up. */
  timeout = 10_000;

  /** @internal Items from `src`. */
  protected declare loaded?: T[];
  /** @internal Why loading failed. */
  protected declare failure?: LoadError;
  /** @internal The items shown are a saved copy because the network failed. */
  protected stale = false;

  /** Format modules by `format` name, loaded on demand. */
  protected abstract readonly formats: Formats<T>;
  /** What the items are called in messages, plural: "posts". */
  protected abstract readonly noun: string;
  protected defaultLimit = Infinity;
  protected abstract renderItems(items: T[]): TemplateResult;

  private controller?: AbortController;
  private observer?: IntersectionObserver;
  private declare visible?: boolean;

  /** Items that need no fetch (attributes, wrapped markup). */
  protected localItems(): T[] | undefined {
    return undefined;
  }

  /** Filters and sorts; the limit is applied after. */
  protected select(items: T[]): T[] {
    return items;
  }

  /** The items to render. */
  protected get shown(): T[] {
    const all = this.items ?? this.loaded ?? this.localItems() ?? [];
    return this.select(all).slice(0, Math.max(0, this.limit ?? this.defaultLimit));
  }

  /** The locale for dates: `locale`, else the nearest `lang` in the page. */
  protected get dateLocale(): string | undefined {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  override connectedCallback(): void {
    const wait = this.renderRoot ? undefined : nextTurn();
    if (wait) {
      // First connection in a task another widget has used (or the one that registered the elements):
      // the shadow root, the first render and the fetch wait for a turn of their own. Until then the
      // fallback content stays in place, and a widget with data to load is already state="loading" for
      // the page's reserved-space CSS. Connected twice meanwhile: the later turn finds the root made.
      if (this.src) this.setAttribute('state', 'loading');
      void wait.then(() => this.isConnected && !this.renderRoot && super.connectedCallback());
      return;
    }
    super.connectedCallback();
    // Re-attached after being moved or removed: pick up where the aborted load left off.
    if (this.hasUpdated && !this.loaded && !this.failure && !this.controller) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  /** Abandons the current load and stops waiting for the viewport. */
  private stop(): void {
    this.controller?.abort();
    this.observer?.disconnect();
    this.controller = this.observer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Items set from script: only checked URLs reach a template, as with parsed data.
    if (changed.has('items') && Array.isArray(this.items)) this.items = checkedItems(this.items);
    if (changed.has('src') || changed.has('format') || (changed.has('items') && this.items === undefined)) void this.load();
    const { src } = this;
    const data = this.items ?? this.loaded ?? (src ? undefined : this.localItems());
    this.state = data ? (this.shown.length ? 'ready' : 'empty') : this.failure ? 'error' : src ? 'loading' : 'empty';
  }

  /** Starts over: fetches and parses `src` (once near the viewport when lazy), unless `items` are set. */
  private async load(): Promise<void> {
    this.stop();
    this.loaded = this.failure = undefined;
    this.stale = false;
    if (!this.src || this.items !== undefined || !this.isConnected) return;
    if (this.loading === 'lazy' && !this.visible) {
      // Waits until the widget is near the viewport; load() then stops observing.
      this.observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.visible = true;
          void this.load();
          this.requestUpdate();
        },
        { rootMargin: '200px' },
      );
      this.observer.observe(this);
      return;
    }
    const src = this.src;
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    let url = src;
    try {
      url = this.requestUrl(absoluteUrl(src));
      const { cached, fresh } = loadCached(url, { maxAge: this.maxAge, timeout: this.timeout, signal });
      // Fetch the likely parser alongside the data: the format asked for, else the one the URL suggests.
      const guess =
        this.format !== 'auto'
          ? this.format
          : /\/wp-json\//.test(url)
            ? 'wp'
            : /\.(json|ics)([?#]|$)/i.exec(url)?.[1].toLowerCase() ?? Object.keys(this.formats)[0];
      this.parserFor(guess)?.().catch(() => {});
      fresh?.catch(() => {}); // Handled below; this stops an "unhandled rejection" while the saved copy is parsed.
      // A saved copy that no longer parses is ignored: the network answer replaces it.
      if (cached) await this.accept(cached, url, signal).catch(() => {});
      if (fresh) {
        const body = await fresh;
        if (signal.aborted) return;
        await this.accept(body, url, signal);
        this.stale = false;
        remember(url, body);
      }
    } catch (error) {
      // Aborted (src changed, or the widget left the page): a newer load, if any, reports for itself.
      if (!signal.aborted) this.fail(error, url);
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** The address requested for `src` (absolute): the source is asked for what the widget shows (see sourceUrl). */
  protected requestUrl(url: string): string {
    return sourceUrl(url, this.limit ?? this.defaultLimit, (this as { when?: string }).when);
  }

  private parserFor(name: string): Formats<T>[string] | undefined {
    return Object.hasOwn(this.formats, name) ? this.formats[name] : undefined;
  }

  private async parse(body: Body): Promise<Parsed<T>> {
    const name = this.format === 'auto' ? detectFormat(body) : this.format;
    const load = this.parserFor(name);
    const reads = Object.keys(this.formats).join(', ');
    if (!load) {
      throw formatError(
        this.format !== 'auto' ? `format="${name}" is unknown` : name === 'html' ? 'it is an HTML page, not data' : `it is not ${reads} data`,
        `Point src at ${reads} data (WordPress: /feed/ or /wp-json/…).`,
      );
    }
    const { default: parser } = await load().catch(() => {
      throw new LoadError(`its ${name} parser did not load`, 'network', 'Serve the whole dist/ folder.');
    });
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
    if (parsed.skipped) {
      warnOnce(
        `iigp-widgets: <${this.localName}> skipped ${parsed.skipped} unreadable ${parsed.skipped === 1 ? 'entry' : 'entries'} in ${url}; the rest are shown.`,
      );
    }
    // Parsers check every URL: items of any format may come back as `items` (from iigp-load) without a
    // copy. The post parsers also mark their own, whose lazy excerpts a copy would compute, for other callers.
    this.loaded = markChecked(parsed.items as object[]) as T[];
    await this.updateComplete;
    this.emit('iigp-load', { items: this.shown });
  }

  private fail(error: unknown, url: string): void {
    const failure =
      LoadError.is(error)
        ? error
        : new LoadError(String((error as Error)?.message ?? error), 'format', 'Please report this with the src address.');
    warnOnce(
      `iigp-widgets: <${this.localName}> could not load ${url}: ${failure.message}. ${failure.hint}` +
        (this.loaded ? ' Showing the copy saved on an earlier visit.' : ''),
    );
    if (this.loaded) this.stale = true;
    else this.failure = failure;
    this.emit('iigp-error', { error: failure });
  }

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The level of `heading`: `heading-level` kept within 2–6. */
  protected get level(): number {
    return Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  /** Placeholder rows that reserve roughly the space the items will take, so the page does not jump. */
  protected renderSkeleton(): TemplateResult {
    const rows = Math.min(Math.max(1, this.limit ?? this.defaultLimit), 5);
    return html`<div class="skeleton" part="skeleton" aria-hidden="true">${Array.from({ length: rows }, () => html`<span></span>`)}</div>`;
  }

  protected render(): TemplateResult {
    const { state, noun, heading } = this;
    const failed = `The ${noun} could not be loaded.`;
    // The heading is an ARIA heading: its level follows the attribute without a template per level.
    // The live status says what sighted readers see: loading, failure, or a saved copy shown instead.
    // Fallback content from the page (an element outside named slots, or text) replaces the message;
    // the page's children are only looked at when there is no list to show.
    return html`${heading ? html`<div part="heading" role="heading" aria-level=${this.level}>${heading}</div>` : nothing}<div class="visually-hidden" role="status">${state === 'loading'
      ? `Loading ${noun}…`
      : state === 'error'
        ? failed
        : this.stale
          ? `Showing saved ${noun}; the latest could not be loaded.`
          : ''}</div>${state === 'ready'
      ? this.renderItems(this.shown)
      : state === 'loading'
        ? this.renderSkeleton()
        : html`<slot @slotchange=${() => this.requestUpdate()}></slot>${[...this.childNodes].some((node) =>
            node.nodeType === 1 /* element */ ? !(node as Element).slot : node.textContent?.trim(),
          )
            ? nothing
            : html`<p part="message">${state === 'error' ? failed : `No ${noun} to show.`}</p>`}`}`;
  }
}
