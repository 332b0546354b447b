import type { PropertyDeclarations } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Post } from '../model.js';
import { onUnlessFalse } from '../shared/attributes.js';
import { dateTimeFormat, toDate } from '../shared/format.js';
import { clip } from '../shared/text.js';
import { sourceUrl } from '../shared/source-url.js';
import { WidgetElement } from '../shared/widget-element.js';
import { recentPostsStyles } from './recent-posts.styles.js';

/** The first `count` words of `text`, with an ellipsis when something was cut. */
function truncateWords(text: string, count: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}

/** The element's name, said once: define.ts registers it, the manifest and the types read it. */
export const tagName = 'iigp-recent-posts';

/**
 * The latest posts of a blog, from its RSS/Atom feed, the WordPress REST API or a JSON Feed.
 *
 * @summary The latest blog posts, in the source's order.
 *
 * @attr format - `auto`, `rss` (RSS 2.0, RSS 1.0/RDF, Atom), `wp` (WordPress `/wp-json/wp/v2/posts`) or `json` (JSON Feed 1.1).
 * @attr limit - How many posts at most (default 5).
 * @attr show-date - Show each post's date (default on; `show-date="false"` hides it).
 * @attr show-excerpt - Show an excerpt of each post, as text.
 * @attr excerpt-words - Words in the excerpt (default 25).
 * @attr show-image - Show the featured image (WordPress `_embed`, `media:content`, `enclosure` or the first image of the post).
 * @attr show-author - Show the author's name.
 * @attr category - Only posts in this category (its name, case-insensitive).
 * @attr layout - `list` (default) or `grid`.
 * @attr columns - Columns of the grid layout, 1–6 (default 3; fewer when the widget is narrow).
 * @attr new-tab - Open posts in a new tab (and say so to screen readers).
 * @attr read-more - Add a "read more" link after each excerpt with this text (it names the post for screen readers).
 *
 * @csspart list - The list of posts.
 * @csspart item - One post.
 * @csspart title - A post's title.
 * @csspart link - A link to a post (the title, and the read-more link).
 * @csspart read-more - The read-more link.
 * @csspart image - A post's image.
 * @csspart meta - The line with the date and author.
 * @csspart date - A post's date (`<time>`).
 * @csspart author - A post's author.
 * @csspart excerpt - A post's excerpt.
 *
 * @cssprop --iigp-image-size - Width of images in the list layout (default `5em`).
 * @cssprop --iigp-image-aspect-ratio - Aspect ratio of images (default `16 / 10`).
 * @cssprop --iigp-card-min-width - Narrowest a grid column may get (default `12em`).
 * @cssprop --iigp-card-padding - Padding of each post in the grid layout.
 * @cssprop --iigp-card-background - Background of each post in the grid layout.
 * @cssprop --iigp-title-font-weight - Weight of post titles (default 600).
 */
export class RecentPostsElement extends WidgetElement<Post> {
  static override styles = [WidgetElement.styles, recentPostsStyles];

  static override defaultStrings = {
    noun: 'posts',
    untitled: 'Untitled post',
    newTab: '(opens in a new tab)',
    by: 'by {author}',
    readMore: 'Read more',
  };

  static override properties: PropertyDeclarations = {
    showDate: { attribute: 'show-date', converter: onUnlessFalse },
    showExcerpt: { type: Boolean, attribute: 'show-excerpt' },
    excerptWords: { type: Number, attribute: 'excerpt-words' },
    showImage: { type: Boolean, attribute: 'show-image' },
    showAuthor: { type: Boolean, attribute: 'show-author' },
    category: {},
    layout: { reflect: true },
    columns: { type: Number, reflect: true },
    newTab: { type: Boolean, attribute: 'new-tab' },
    readMore: { attribute: 'read-more' },
  };

  showDate = true;
  showExcerpt = false;
  excerptWords = 25;
  showImage = false;
  showAuthor = false;
  declare category?: string;
  layout: 'list' | 'grid' = 'list';
  columns = 3;
  newTab = false;
  declare readMore?: string;

  protected override readonly formats = {
    rss: () => import('../formats/xml/feed.js'),
    wp: () => import('../formats/wordpress/wp.js'),
    json: () => import('../formats/json/json-feed.js'),
  };
  protected override defaultLimit = 5;

  /** With a `category` filter the posts are picked here: WordPress is asked for as many as it gives (100). */
  override requestUrl(url: string): string {
    return this.category ? sourceUrl(url, 100) : super.requestUrl(url);
  }

  protected override select(posts: Post[]): Post[] {
    const wanted = this.category?.trim().toLowerCase();
    return wanted ? posts.filter((post) => post.categories?.some((name) => name.toLowerCase() === wanted)) : posts;
  }

  // Templates are written without whitespace between their parts (none of it would show, and every
  // text node costs on a long list); the only spaces are those around the date's separator.
  private renderPost(post: Post, format: Intl.DateTimeFormat): TemplateResult {
    const date = toDate(post.date);
    // "April 11, 2016" in the widget's locale and zone.
    const dateText = date ? format.format(date) : '';
    const title = clip(post.title || dateText || this.term('untitled'));
    const target = this.newTab ? '_blank' : nothing;
    const rel = this.newTab ? 'noopener' : nothing;
    const newTabNote = this.newTab ? html`<span class="visually-hidden"> ${this.term('newTab')}</span>` : nothing;
    const image = this.showImage ? post.image : undefined;
    const by = this.showAuthor && clip(post.author ?? '');
    const author = by ? html`<span part="author">${this.term('by', { author: by })}</span>` : nothing;
    const img = image
      ? html`<img
          part="image"
          src=${image.src}
          alt=${image.alt ?? ''}
          width=${image.width ?? nothing}
          height=${image.height ?? nothing}
          loading="lazy"
          decoding="async"
          @error=${(event: Event) => ((event.target as HTMLElement).hidden = true)}
        />`
      : nothing;
    const meta =
      this.showDate && date
        ? html`<div part="meta"><time part="date" datetime=${date.toISOString()}>${dateText}</time>${
            by ? html` <span class="sep" aria-hidden="true">·</span> ` : nothing
          }${author}</div>`
        : by
          ? html`<div part="meta">${author}</div>`
          : nothing;
    const excerpt =
      this.showExcerpt && post.excerpt
        ? html`<p part="excerpt">${truncateWords(clip(post.excerpt, 5000), Math.max(1, this.excerptWords))}</p>`
        : nothing;
    // The title is a link or plain text: a template each, so that the title is no nested template.
    return post.url
      ? html`<li part="item">${img}<div class="body"><a part="link title" href=${post.url} target=${target} rel=${rel}>${title}${newTabNote}</a>${meta}${excerpt}${
          this.readMore === undefined
            ? nothing
            : html`<a part="link read-more" href=${post.url} target=${target} rel=${rel}
              >${this.readMore || this.term('readMore')}<span class="visually-hidden">: ${title}</span>${newTabNote}</a
            >`
        }</div></li>`
      : html`<li part="item">${img}<div class="body"><span part="title">${title}</span>${meta}${excerpt}</div></li>`;
  }

  protected override renderItems(posts: Post[]): TemplateResult {
    // One formatter (and one look-up of the page's lang) per render, not per post.
    const format = dateTimeFormat(this.dateLocale, { dateStyle: 'long', timeZone: this.zone });
    return html`<ul part="list" role="list">${posts.map((post) => this.renderPost(post, format))}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [tagName]: RecentPostsElement;
  }
}
