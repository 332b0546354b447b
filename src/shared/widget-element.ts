import {
  ReactiveElement,
  type CSSResultGroup,
  type PropertyDeclarations,
  type PropertyValues,
} from '@lit/reactive-element';
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { SourceController, warn, type Formats } from './source-controller.js';
import { baseStyles } from './styles.js';
import { fill, loadLanguage, shippedLanguage, type Strings } from './strings.js';
import { sourceUrl } from './source-url.js';
import { nextTurn } from './turns.js';
import { checkedItems } from './url.js';

export type { Formats, Parser } from './source-controller.js';
export type WidgetState = 'loading' | 'ready' | 'empty' | 'error';

/**
 * The load/state/fallback cycle every widget shares: its properties and state, and the rendering of a
 * heading, a live status for screen readers, the items, a loading placeholder, or the light-DOM
 * fallback. Fetching and parsing `src` is the job of its SourceController. A widget only declares its
 * formats and its template.
 *
 * @attr src - URL of the data; relative URLs resolve against the page.
 * @attr format - `auto` (detect from Content-Type and body) or one of the widget's formats.
 * @attr limit - How many items at most; `-1` for all.
 * @attr heading - Optional visible heading above the list.
 * @attr heading-level - Level of that heading, 2–6 (default 2), so the widget fits the page outline.
 * @attr locale - Locale for dates (default: the nearest `lang` of the page).
 * @attr time-zone - IANA time zone for dates, e.g. `America/Detroit` (default, or `viewer`: the reader's).
 * @attr max-age - Seconds a saved copy counts as fresh (default 0: always refresh in the background).
 * @attr loading - `eager` (default) or `lazy`: wait until the widget is near the viewport before fetching.
 * @attr state - Read-only, reflected: `loading`, `ready`, `empty` or `error`, for the page's CSS.
 * @attr strings - The widget's own words, reworded: a JSON object by key, e.g. `{"register": "Sign up"}` (keys: the README's "Words and languages").
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
 * @cssprop --iigp-title-lines - Lines a title may take before it is clamped (default 10, so that ordinary titles are not cut even with text at 200% in a 320 px column).
 * @cssprop --iigp-skeleton-color - Colour of the loading placeholder.
 * @cssprop --iigp-focus-ring - Outline of focused links and buttons.
 */
export abstract class WidgetElement<T> extends ReactiveElement {
  // The render step of LitElement, in its order, written out: the base is ReactiveElement and lit-html's
  // render(), not LitElement, so that no file carries lit-element on top of them.
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
    // Lit reads the attribute as JSON; what is not JSON reads as null, and is reported in willUpdate.
    strings: { type: Object },
    translations: { state: true },
  };

  /**
   * The widget's own words in English, by key; other languages load on demand (src/i18n/). The messages
   * every widget shows are written once here around `{noun}`; languages whose grammar will not allow that
   * translate each widget's messages whole.
   */
  static defaultStrings: Strings = {
    loading: 'Loading {noun}…',
    failed: 'The {noun} could not be loaded.',
    stale: 'Showing saved {noun}; the latest could not be loaded.',
    empty: 'No {noun} to show.',
  };

  /** URL of the data; relative URLs resolve against the page. */
  declare src?: string;
  /** `auto` or one of the widget's formats. */
  format = 'auto';
  /** How many items at most; -1 for all. */
  declare limit?: number;
  /** Optional visible heading. */
  declare heading?: string;
  /** Level of the heading, 2–6. */
  headingLevel = 2;
  /** Locale for dates; default: the nearest `lang`. */
  declare locale?: string;
  /** IANA time zone for dates; default (or `viewer`): the reader's. */
  declare timeZone?: string;
  /** Seconds a saved copy counts as fresh. */
  maxAge = 0;
  /** `eager` or `lazy` (fetch when near the viewport). */
  loading: 'eager' | 'lazy' = 'eager';
  /** Normalised items set from script; when set, nothing is fetched. */
  declare items?: T[];
  /** Read-only: the widget's state, reflected for the page's CSS. */
  state: WidgetState = 'loading';
  /** The widget's own words, reworded: a JSON object by key, e.g. `{"register": "Sign up"}` (keys: the README's "Words and languages"). */
  declare strings?: Strings | null;
  /** Milliseconds to wait for a complete response before giving up. */
  timeout = 10_000;

  /** @internal The widget's words in the reader's language, when it is not English. */
  declare protected translations?: Strings;
  /** The language whose words are shown or on their way ('' for English). */
  private language = '';
  /** Waiting for the words of the reader's language: shown as loading, never in English first. */
  private translating = false;

  /** `time-zone` when the browser knows it (or `viewer`); undefined for the default. */
  protected zone?: string;

  /** Format modules by `format` name, loaded on demand. */
  protected abstract readonly formats: Formats<T>;
  protected defaultLimit = Infinity;
  protected abstract renderItems(items: T[]): TemplateResult;

  /** @internal Loads and parses `src`: `loaded`, `failure` and `stale` come from it. */
  protected readonly source = new SourceController<T>(
    this,
    () => this.formats,
    () => this.shown,
  );

  /** Items that need no fetch (attributes, wrapped markup). */
  protected localItems(): T[] | undefined {
    return undefined;
  }

  /** Filters and sorts; the limit is applied after. */
  protected select(items: T[]): T[] {
    return items;
  }

  /** `limit` as a count: -1 (WordPress's "all") is every item; what is not a whole number above 0, the default. */
  protected get max(): number {
    const { limit } = this;
    return limit === -1 ? Infinity : limit! > 0 && limit! % 1 == 0 ? limit! : this.defaultLimit;
  }

  /** The items to render. */
  protected get shown(): T[] {
    const all = this.items ?? this.source.loaded ?? this.localItems() ?? [];
    return this.select(all).slice(0, this.max);
  }

  /** The text of one of the widget's own words: the site's wording, else the reader's language, else English. */
  protected term(key: string, values?: Record<string, unknown>): string {
    const own = this.strings?.[key];
    const text =
      typeof own === 'string'
        ? own
        : (this.translations?.[key] ??
          (this.constructor as typeof WidgetElement).defaultStrings[key] ??
          WidgetElement.defaultStrings[key] ??
          key);
    return fill(text, key == 'noun' ? values : { noun: this.term('noun'), ...values });
  }

  /** Follows the language of `locale` or the page: loads its words, if it ships, before showing any. */
  private followLanguage(): void {
    const language = shippedLanguage(this.dateLocale) ?? '';
    if (language === this.language) return;
    this.language = language;
    this.translations = undefined;
    this.translating = !!language;
    if (!language) return;
    void loadLanguage(language).then((translations) => {
      if (this.language !== language) return;
      if (!translations) void warn('noLanguage', this.localName, language);
      this.translations = translations?.[this.localName.replace(/^iigp-/, '')];
      this.translating = false;
      this.requestUpdate();
    });
  }

  /** The reader's locale, for dates, numbers and the widgets' words: `locale`, else the nearest `lang` in the page. */
  protected get dateLocale(): string | undefined {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  // Constructed style sheets belong to the document they were made in: a widget moved to another (a
  // same-origin frame) gets copies made there (restyle.ts, loaded then), before its first render or after.
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    try {
      return super.createRenderRoot();
    } catch {
      this.adoptedCallback();
      return this.shadowRoot!;
    }
  }

  adoptedCallback(): void {
    if (this.shadowRoot)
      import('./restyle.js').then(
        (module) => module.restyle(this),
        () => {},
      );
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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Items set from script: only checked URLs reach a template, as with parsed data.
    if (changed.has('items') && Array.isArray(this.items)) this.items = checkedItems(this.items);
    if (changed.has('src') || changed.has('format') || (changed.has('items') && this.items === undefined))
      void this.source.load();
    const { src, source } = this;
    const data = this.items ?? source.loaded ?? (src ? undefined : this.localItems());
    this.state = data ? (this.shown.length ? 'ready' : 'empty') : source.failure ? 'error' : src ? 'loading' : 'empty';
    const { limit, timeZone } = this;
    if (changed.has('limit') && limit != null && this.max == this.defaultLimit && limit != this.defaultLimit)
      void warn('invalid', this.localName, 'limit', this.getAttribute('limit') ?? limit);
    if (changed.has('timeZone')) {
      this.zone = timeZone || undefined;
      try {
        if (timeZone != 'viewer') new Intl.DateTimeFormat('en', { timeZone: this.zone });
      } catch {
        this.zone = undefined;
        void warn('invalid', this.localName, 'time-zone', timeZone);
      }
    }
    if (changed.has('strings') && this.strings === null) void warn('stringsNotJson', this.localName);
    this.followLanguage();
    if (this.translating) this.state = 'loading';
  }

  /**
   * The address requested for `src` (absolute): the source is asked for what the widget shows (see
   * sourceUrl). A widget that picks or pages its items asks for more.
   */
  requestUrl(url: string): string {
    return sourceUrl(url, this.max, (this as { when?: string }).when);
  }

  /** The level of `heading`: `heading-level` kept within 2–6. */
  protected get level(): number {
    return Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  /** Placeholder rows that reserve roughly the space the items will take, so the page does not jump. */
  protected renderSkeleton(): TemplateResult {
    const rows = Math.min(this.max, 5);
    return html`<div class="skeleton" part="skeleton" aria-hidden="true">${Array.from({ length: rows }, () => html`<span></span>`)}</div>`;
  }

  protected render(): TemplateResult {
    const { state, heading } = this;
    const failed = this.term('failed');
    // The live status says what sighted readers see: loading, a failure, or a saved copy shown instead.
    let status = '';
    if (state === 'loading') status = this.term('loading');
    else if (state === 'error') status = failed;
    else if (this.source.stale) status = this.term('stale');
    // The items, the loading placeholder, or the page's fallback content (else a message of our own).
    // Fallback content from the page (an element outside named slots, or text) replaces the message;
    // the page's children are only looked at when there is no list to show.
    let content: TemplateResult;
    if (state === 'ready') content = this.renderItems(this.shown);
    else if (state === 'loading') content = this.renderSkeleton();
    else {
      const fallback = [...this.childNodes].some((node) =>
        node.nodeType === 1 /* element */ ? !(node as Element).slot : node.textContent?.trim(),
      );
      content = html`<slot @slotchange=${() => this.requestUpdate()}></slot>${fallback ? nothing : html`<p part="message">${state === 'error' ? failed : this.term('empty')}</p>`}`;
    }
    // The heading is an ARIA heading: its level follows the attribute without a template per level.
    return html`${heading ? html`<div part="heading" role="heading" aria-level=${this.level}>${heading}</div>` : nothing}<div class="visually-hidden" role="status">${status}</div>${content}`;
  }
}
