import type { PropertyDeclarations } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Person } from '../model.js';
import { slugify, splitCredentials } from '../person-name.js';
import { onUnlessFalse } from '../shared/attributes.js';
import { clip } from '../shared/text.js';
import { sourceUrl } from '../shared/source-url.js';
import { safeUrl } from '../shared/url.js';
import { WidgetElement } from '../shared/widget-element.js';
import { facultyCardStyles } from './faculty-card.styles.js';

let credentials: typeof import('./credentials.js') | undefined;
let loadingCredentials: Promise<unknown> | undefined;

/** "Natan HarPaz" gives "NH"; "Dr. Leora Bar-Levav" gives "LB". */
export function initials(name: string): string {
  const words = name
    .replace(/\b(dr|mr|mrs|ms|prof)\.?\s+/gi, '')
    .split(/[\s,]+/)
    .filter((w) => /^\p{L}/u.test(w));
  const first = (word = '') => [...word][0]?.toUpperCase() ?? '';
  return first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : '');
}

/** The element's name, said once: define.ts registers it, the manifest and the types read it. */
export const tagName = 'iigp-faculty-card';

/**
 * One faculty member: photo (or initials), name, credentials, job title and a short bio, the whole card one
 * link to the profile. Works from attributes alone, or picks one person from `src`.
 *
 * @summary A faculty member's card.
 *
 * @attr format - `auto`, `json` (schema.org `Person` objects) or `wp` (WordPress pages, with `_embed`).
 * @attr person - With `src`: the slug of the person to show (schema.org `identifier`, the WordPress page slug, or the name as a slug: `natan-harpaz`). Default: the first.
 * @attr name - The name (without credentials). With `src`, attributes given override the data.
 * @attr credentials - Credentials, comma-separated: `Ph.D, M.S.W, CGP, FAGPA`. Each is shown as written; known ones (also without their dots: `Ph.D`, `M.S.W`) as abbreviations with their expansion.
 * @attr job-title - The job title (not `role`, which is the ARIA attribute).
 * @attr photo - URL of a photo; without one, or when it fails to load, the initials are shown.
 * @attr href - URL of the profile page; the whole card becomes one link to it.
 * @attr show-link - Link to the profile (default on; `show-link="false"` shows the card without a link).
 * @attr layout - `horizontal` (default: photo beside the text), `vertical` (photo above, centred) or `compact` (small photo, no bio).
 * @attr bio-words - Words of a bio from `src` to show (default 40); a bio in `slot="bio"` is shown as written.
 *
 * @slot bio - The bio, as the page writes it (overrides the bio from `src`).
 *
 * @csspart item - The card.
 * @csspart image - The photo.
 * @csspart initials - The initials shown instead of a photo.
 * @csspart title - The name.
 * @csspart link - The link to the profile (the name; it covers the card).
 * @csspart credentials - The credentials.
 * @csspart job-title - The job title.
 * @csspart bio - The bio.
 *
 * @cssprop --iigp-photo-size - Size of the photo (default `6em`; `8em` vertical, `3em` compact).
 * @cssprop --iigp-initials-background - Tint behind the initials (default: 15% of the text colour).
 * @cssprop --iigp-card-padding - Padding of the card (default `0`).
 * @cssprop --iigp-card-background - Background of the card.
 */
export class FacultyCardElement extends WidgetElement<Person> {
  static override styles = [WidgetElement.styles, facultyCardStyles];

  static override defaultStrings = { noun: 'faculty profile' };

  static override properties: PropertyDeclarations = {
    person: {},
    name: {},
    credentials: {},
    jobTitle: { attribute: 'job-title' },
    photo: {},
    href: {},
    showLink: { attribute: 'show-link', converter: onUnlessFalse },
    layout: { reflect: true },
    bioWords: { type: Number, attribute: 'bio-words' },
    broken: { state: true },
  };

  declare person?: string;
  declare name?: string;
  declare credentials?: string;
  declare jobTitle?: string;
  declare photo?: string;
  declare href?: string;
  showLink = true;
  layout: 'horizontal' | 'vertical' | 'compact' = 'horizontal';
  bioWords = 40;
  /** @internal The photo URL that failed to load. */
  declare protected broken?: string;

  protected override readonly formats = {
    json: () => import('../formats/schema/schema-person.js'),
    wp: () => import('../formats/wordpress/wp-pages.js'),
  };
  protected override defaultLimit = 1;

  /** One person among many pages: WordPress is asked for as many as it gives (100), not for one. */
  override requestUrl(url: string): string {
    return sourceUrl(url, 100);
  }

  /** What the attributes say; with `src` they override the data. */
  private fromAttributes(): Partial<Person> {
    const own: Partial<Person> = {};
    if (this.name) own.name = this.name;
    if (this.credentials) own.credentials = splitCredentials(this.credentials);
    if (this.jobTitle) own.jobTitle = this.jobTitle;
    const photo = safeUrl(this.photo, undefined, 'image');
    if (photo) own.image = { src: photo, alt: '' };
    const href = safeUrl(this.href);
    if (href) own.url = href;
    return own;
  }

  protected override localItems(): Person[] | undefined {
    return this.name ? [{ id: slugify(this.name), name: this.name, ...this.fromAttributes() }] : undefined;
  }

  protected override select(people: Person[]): Person[] {
    const wanted = slugify(this.person ?? '');
    return people
      .filter((p) => !wanted || p.id === wanted || slugify(p.id) === wanted || slugify(p.name) === wanted)
      .map((p) => ({ ...p, ...this.fromAttributes() }));
  }

  private renderCredentials(list: string[]): TemplateResult | typeof nothing {
    if (!list.length) return nothing;
    // The expansions come on demand (a small table); until then the credentials show as written, as after.
    if (!credentials) {
      loadingCredentials ??= import('./credentials.js').then((m) => (credentials = m));
      loadingCredentials.then(
        () => this.requestUpdate(),
        () => {},
      );
    }
    return html`<span part="credentials">${list.map((text, i) => {
      const title = credentials?.expand(text);
      return html`${i ? ', ' : ''}${title ? html`<abbr title=${title}>${text}</abbr>` : text}`;
    })}</span>`;
  }

  protected override renderItems([p]: Person[]): TemplateResult {
    const image = p.image && p.image.src !== this.broken ? p.image : undefined;
    const compact = this.layout === 'compact';
    const size = compact ? 48 : 128;
    const url = this.showLink ? p.url : undefined;
    const words = clip(p.bio ?? '', 5000)
      .split(/\s+/)
      .filter(Boolean);
    const max = Math.max(1, this.bioWords);
    const bio = words.slice(0, max).join(' ') + (words.length > max ? '…' : '');
    return html`<div part="item">${
      image
        ? html`<img part="image" src=${image.src} alt=${image.alt ?? ''} width=${image.width ?? size} height=${image.height ?? size} loading="lazy" decoding="async" @error=${() => (this.broken = image.src)} />`
        : html`<span part="initials" aria-hidden="true">${initials(p.name)}</span>`
    }<div class="body">${
      url ? html`<a part="link title" href=${url}>${clip(p.name)}</a>` : html`<span part="title">${clip(p.name)}</span>`
    }${this.renderCredentials(p.credentials ?? [])}${
      p.jobTitle ? html`<span part="job-title">${clip(p.jobTitle)}</span>` : nothing
    }${
      compact || !(bio || this.querySelector('[slot="bio"]'))
        ? nothing
        : html`<div part="bio"><slot name="bio">${bio}</slot></div>`
    }</div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [tagName]: FacultyCardElement;
  }
}
