import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { NewsletterIssue } from '../model.js';
import { numberFormat } from '../shared/format.js';
import { clip } from '../shared/text.js';
import { sourceUrl } from '../shared/source-url.js';
import { safeUrl } from '../shared/url.js';
import { failedFile, warn } from '../shared/source-controller.js';
import { WidgetElement } from '../shared/widget-element.js';
import type { Entry } from './arrange.js';
import { newsletterArchiveStyles } from './newsletter-archive.styles.js';

let arrange: typeof import('./arrange.js') | undefined;
let loadingArrange: Promise<unknown> | undefined;
/** The ordering code could not be loaded: the links the element wraps are shown as they are. */
let arrangeFailed = false;

/**
 * The label reading and ordering code, loaded on demand (alongside the data, or at once for the links the
 * element wraps, which stay on view meanwhile): it keeps the part every page downloads small.
 */
function loadArrange(): Promise<unknown> {
  return (loadingArrange ??= import('./arrange.js').then(
    (m) => (arrange = m),
    (error) => {
      arrangeFailed = true;
      throw error;
    },
  ));
}

/** The element's name, said once: define.ts registers it, the manifest and the types read it. */
export const tagName = 'iigp-newsletter-archive';

/**
 * The newsletter archive: every issue a link to its PDF, newest first, grouped by year. Reads schema.org
 * `PublicationIssue` JSON, WordPress media, or, with no `src`, the list of links it wraps (which is also what
 * a reader without JavaScript sees).
 *
 * @summary Newsletter issues, newest first, each a link to its PDF.
 *
 * @attr format - `auto`, `json` (schema.org `PublicationIssue` objects) or `wp` (WordPress media; PDFs only).
 * @attr group-by - `year` (default), `volume` or `none`. Group headings are one level below `heading-level`.
 * @attr order - `newest` (default) or `oldest`. Issues whose label cannot be read come last either way.
 * @attr limit - Issues shown at first; a "Show all" button shows the rest.
 * @attr searchable - Show a box that filters the issues as one types.
 *
 * @slot - The list of links to enhance (and the fallback): `<ul><li><a href="…pdf">Winter 2009, Vol. 2 Issue 2</a></li>…</ul>`.
 *
 * @csspart search - The filter box.
 * @csspart group - One group (a year or a volume).
 * @csspart group-heading - The heading of a group.
 * @csspart list - A list of issues.
 * @csspart item - One issue.
 * @csspart title - An issue's link text.
 * @csspart link - The link to an issue.
 * @csspart meta - The file type and size, inside the link.
 * @csspart button - The "Show all" button.
 *
 * @cssprop --iigp-group-gap - Space between groups (default `1.25em`).
 */
export class NewsletterArchiveElement extends WidgetElement<NewsletterIssue> {
  static override styles = [WidgetElement.styles, newsletterArchiveStyles];

  static override defaultStrings = {
    noun: 'newsletters',
    filter: 'Filter issues',
    matches: '{count} of {total} issues match.',
    noMatch: 'No issues match.',
    showAll: 'Show all {total} issues',
    other: 'Other issues',
    volume: 'Volume {volume}',
    volumeShort: 'Vol. {volume}',
    issue: 'Issue {issue}',
    newsletter: 'Newsletter',
    pdf: 'PDF',
    kilobytes: '{size} KB',
    megabytes: '{size} MB',
    winter: 'Winter',
    spring: 'Spring',
    summer: 'Summer',
    fall: 'Fall',
  };

  static override properties: PropertyDeclarations = {
    groupBy: { attribute: 'group-by' },
    order: {},
    searchable: { type: Boolean },
    expanded: { state: true },
    query: { state: true },
  };

  groupBy: 'year' | 'volume' | 'none' = 'year';
  order: 'newest' | 'oldest' = 'newest';
  searchable = false;
  /** @internal "Show all" was pressed. */
  protected expanded = false;
  /** @internal The filter text. */
  protected query = '';

  protected override readonly formats = {
    json: () => Promise.all([import('../formats/schema/schema-publication.js'), loadArrange()]).then(([m]) => m),
    wp: () => Promise.all([import('../formats/wordpress/wp-media.js'), loadArrange()]).then(([m]) => m),
  };

  /** `limit` is what shows before "Show all": WordPress is asked for as many issues as it gives (100). */
  override requestUrl(url: string): string {
    return sourceUrl(url, 100);
  }

  private watcher?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // With `src`, a failure is the source's (its parser comes with this code); without, the links stay as written.
    if (!arrange)
      loadArrange()
        .catch((error) => void (this.src || warn('noOrdering', tagName, failedFile(error, 'its ordering code'))))
        .then(() => this.requestUpdate());
    // Links added after the element was upgraded (a page still parsing, or a script) are picked up too.
    this.watcher ??= new MutationObserver(() => this.requestUpdate());
    this.watcher.observe(this, { childList: true, subtree: true, characterData: true, attributeFilter: ['href'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watcher?.disconnect();
  }

  /** The links the element wraps. */
  protected override localItems(): NewsletterIssue[] | undefined {
    const links = [...this.querySelectorAll('a[href]')] as HTMLAnchorElement[];
    return links.map((a, i) => ({
      id: String(i),
      title: a.textContent!.replace(/\s+/g, ' ').trim(),
      url: safeUrl(a.getAttribute('href')),
    }));
  }

  protected override select(items: NewsletterIssue[]): Entry[] {
    return (
      arrange?.arrange(items, this.order === 'oldest', {
        term: (key, values) => this.term(key, values),
        locale: this.dateLocale,
      }) ?? []
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Until the ordering code is in, issues that are there count as loading, not as nothing to show; without
    // it, the links the element wraps are ready as they are.
    if (!arrange && this.state === 'empty' && (this.items ?? this.source.loaded ?? this.localItems())?.length)
      this.state = arrangeFailed ? 'ready' : 'loading';
  }

  /** While loading without `src`, the links the element wraps stay on view rather than a placeholder. */
  protected override renderSkeleton(): TemplateResult {
    return this.src ? super.renderSkeleton() : html`<slot></slot>`;
  }

  private get all(): Entry[] {
    return this.select(this.items ?? this.source.loaded ?? this.localItems() ?? []);
  }

  protected override get shown(): Entry[] {
    return this.expanded || this.query ? this.all : (super.shown as Entry[]);
  }

  private showAll(): void {
    const first = this.shown.length;
    this.expanded = true;
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll('li')[first]?.querySelector('a')?.focus());
  }

  /** A count as the reader writes numbers. */
  private count(value: number): string {
    return numberFormat(this.dateLocale).format(value);
  }

  private renderList(entries: Entry[]): TemplateResult {
    return html`<ul part="list" role="list">${entries.map(
      (e) =>
        html`<li part="item">${
          e.url
            ? html`<a part="link title" href=${e.url}>${clip(e.text)}${e.meta ? html` <span part="meta">(${e.meta})</span>` : nothing}</a>`
            : html`<span part="title">${clip(e.text)}</span>`
        }</li>`,
    )}</ul>`;
  }

  protected override renderItems(items: Entry[]): TemplateResult {
    if (!arrange) return html`<slot></slot>`;
    const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    const entries = items.filter((e) => words.every((w) => `${e.text} ${e.title} ${e.meta}`.toLowerCase().includes(w)));
    const other = this.term('other');
    const groups = new Map<string, Entry[]>();
    for (const e of entries) {
      const key =
        this.groupBy === 'none'
          ? ''
          : String(
              (this.groupBy === 'volume' ? e.volume && this.term('volume', { volume: e.volume }) : e.year) || other,
            );
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    // Labels that could not be read always come last.
    const rest = groups.get(other);
    if (rest && groups.delete(other)) groups.set(other, rest);
    // Group headings are one level below the widget's heading.
    const level = Math.min(6, this.level + 1);
    const total = this.all.length;
    return html`${
      this.searchable
        ? html`<label class="search">${this.term('filter')} <input part="search" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /></label>`
        : nothing
    }${[...groups].map(([key, list]) =>
      key
        ? html`<section part="group"><div part="group-heading" role="heading" aria-level=${level}>${key}</div>${this.renderList(list)}</section>`
        : this.renderList(list),
    )}${
      this.searchable
        ? // Always there, so that screen readers hear the count change as one types.
          html`<p part="message" role="status">${!words.length ? '' : entries.length ? this.term('matches', { count: this.count(entries.length), total: this.count(total) }) : this.term('noMatch')}</p>`
        : nothing
    }${
      items.length < total && !words.length
        ? html`<button part="button" type="button" @click=${this.showAll}>${this.term('showAll', { total: this.count(total) })}</button>`
        : nothing
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [tagName]: NewsletterArchiveElement;
  }
}
