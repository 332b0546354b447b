import type { PropertyDeclarations } from '@lit/reactive-element';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Workshop } from '../model.js';
import { dateTimeFormat, isoDay, toDate } from '../shared/format.js';
import { clip } from '../shared/text.js';
import type { Series } from '../formats/ical/recurrence.js';
import { WidgetElement } from '../shared/widget-element.js';
import { workshopListStyles } from './workshop-list.styles.js';

/** Whether the workshop has ended (one without an end has, once it starts). */
function ended(workshop: Workshop, now: number): boolean {
  return +(toDate(workshop.end) ?? toDate(workshop.start)!) <= now;
}

/** The "Add to calendar" list (Google, Outlook, .ics, subscribe), loaded on the first use. */
let calendarMenu: typeof import('./calendar-menu.js') | undefined;

/** The element's name, said once: define.ts registers it, the manifest and the types read it. */
export const tagName = 'iigp-workshop-list';

/**
 * The institute's workshops (continuing education): date, time, place, presenters, CE credits, price,
 * registration, and "add to calendar". Times read in the workshop's own zone, with its abbreviation.
 *
 * @summary Upcoming (or past) workshops with registration and add-to-calendar links.
 *
 * @attr format - `auto`, `json` (schema.org Events, JSON-LD), `ics` (iCalendar; recurring events are listed meeting by meeting), `wp` (The Events Calendar REST `/wp-json/tribe/events/v1/events`, or WordPress posts of a category) or `rss` (a category feed).
 * @attr when - `upcoming` (default: not yet ended, soonest first), `past` (newest first) or `all` (in date order).
 * @attr limit - How many workshops at most (default 10).
 * @attr category - Only workshops in this category (its name, case-insensitive).
 * @attr layout - `list` (default), `compact` (title, date and status only) or `cards`.
 * @attr show-description - Show each workshop's description, as text.
 * @attr time-zone - Zone for times: default the workshop's own zone; `viewer` for the reader's; or an IANA name.
 *
 * @csspart list - The list of workshops.
 * @csspart item - One workshop.
 * @csspart title - A workshop's title.
 * @csspart link - Every link (title, presenters, register, calendar).
 * @csspart date - The date and time (`<time>`).
 * @csspart status - "Cancelled", "Postponed" or "Sold out".
 * @csspart place - Venue, address, or "Online".
 * @csspart presenters - Who presents.
 * @csspart credits - The CE credits.
 * @csspart price - The price ("Free" when free).
 * @csspart description - The description (`show-description`).
 * @csspart image - The image (cards layout).
 * @csspart actions - The line with the register and calendar links.
 * @csspart register - The register link.
 * @csspart button - The register link and the "Add to calendar" button.
 * @csspart calendar - The "Add to calendar" button and the links of its list.
 * @csspart calendar-menu - The list "Add to calendar" opens: Google Calendar, Outlook.com, the .ics file and, for an iCalendar feed, "Subscribe" (`webcal:`).
 *
 * @cssprop --iigp-card-min-width - Narrowest a card may get (default `16em`).
 * @cssprop --iigp-card-padding - Padding of each card (default `1em`).
 * @cssprop --iigp-card-background - Background of each card.
 * @cssprop --iigp-button-background - Background of the register link (default: the link colour).
 * @cssprop --iigp-button-color - Text colour of the register link (default: white).
 * @cssprop --iigp-status-color - Colour of "Cancelled", "Postponed", "Sold out".
 */
export class WorkshopListElement extends WidgetElement<Workshop> {
  static override styles = [WidgetElement.styles, workshopListStyles];

  static override defaultStrings = {
    noun: 'workshops',
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    soldout: 'Sold out',
    online: 'Online',
    with: 'With',
    and: 'and',
    credits: 'CE credits: {credits}',
    register: 'Register',
    registerFor: 'for {title}',
    addToCalendar: 'Add to calendar',
  };

  static override properties: PropertyDeclarations = {
    when: {},
    category: {},
    layout: { reflect: true },
    showDescription: { type: Boolean, attribute: 'show-description' },
    now: { attribute: false },
    menu: { state: true },
  };

  when: 'upcoming' | 'past' | 'all' = 'upcoming';
  declare category?: string;
  layout: 'list' | 'compact' | 'cards' = 'list';
  showDescription = false;
  /** @internal The workshop whose "Add to calendar" list is open. */
  declare private menu?: string;
  /** The current time for the upcoming/past split (a `Date`, ISO string or ms); default: the clock. For previews and tests. */
  declare now?: Date | string | number;

  protected override readonly formats = {
    json: () => import('../formats/schema/schema-events.js'),
    ics: () => import('../formats/ical/ics.js'),
    wp: () => import('../formats/wordpress/tec.js'),
    rss: () => import('../formats/xml/workshop-feed.js'),
  };
  protected override defaultLimit = 10;

  /** `now` as milliseconds; the clock when it is not set (or not a valid time). */
  private clock(): number {
    return +(toDate(this.now as Date) ?? 0) || Date.now();
  }

  protected override select(workshops: Workshop[]): Workshop[] {
    const now = this.clock();
    const wanted = this.category?.trim().toLowerCase();
    const past = this.when === 'past';
    // A recurring event (iCalendar) lists the occurrences this view can show, not its whole series.
    return workshops
      .flatMap((w: Series) => w.expand?.(now, this.when, this.max) ?? w)
      .filter(
        (w) =>
          toDate(w.start) &&
          (this.when === 'all' || ended(w, now) === past) &&
          (!wanted || w.categories?.some((name) => name.toLowerCase() === wanted)),
      )
      .sort((a, b) => (+toDate(a.start)! - +toDate(b.start)!) * (past ? -1 : 1));
  }

  private renderWorkshop(w: Workshop, now: number): TemplateResult {
    const { allDay, status } = w;
    const title = clip(w.title);
    const start = toDate(w.start)!;
    const end = toDate(w.end);
    // All-day dates are dates wherever the reader is; times follow time-zone, else the event's zone.
    const zone = allDay ? (w.timeZone ?? 'UTC') : this.zone === 'viewer' ? undefined : this.zone || w.timeZone;
    const compact = this.layout === 'compact';
    const format = dateTimeFormat(this.dateLocale, {
      weekday: compact ? undefined : 'short',
      month: compact ? 'short' : 'long',
      day: 'numeric',
      year: 'numeric',
      ...(allDay ? {} : { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
      timeZone: zone,
    });
    // An all-day end is exclusive (the next midnight): the range shows the last day.
    const last = end && allDay ? new Date(+end - 1) : end;
    // Every status but `scheduled` shows its word.
    const shown = /^(cancelled|postponed|soldout)$/.test(status!) && this.term(status!);
    const place = [
      w.place?.name,
      w.place?.address,
      w.onlineUrl || w.attendance?.match(/online|hybrid/) ? this.term('online') : '',
    ]
      .filter(Boolean)
      .join(', ');
    // The "Add to calendar" list is open (only once its code has loaded: the click sets both).
    const open = this.menu === w.id;
    const people = w.presenters ?? [];
    const vh = (text: string) => html`<span class="visually-hidden">${text}</span>`;
    const part = (name: string, value?: string, prefix = '') =>
      value ? html`<span part=${name}>${prefix}${clip(value)}</span>` : nothing;
    // No whitespace between the children of <li> and of the actions: the flex layout spaces them.
    return html`<li part="item" class=${status ?? ''}>${
      this.layout === 'cards' && w.image
        ? html`<img part="image" src=${w.image.src} alt=${w.image.alt ?? ''} loading="lazy">`
        : nothing
    }${w.url ? html`<a part="link title" href=${w.url}>${title}</a>` : part('title', title)}${
      shown ? html`<strong part="status">${shown}</strong>` : nothing
    }<time part="date" datetime=${allDay ? isoDay(start, zone) : start.toISOString()}>${
      last && last > start ? format.formatRange(start, last) : format.format(start)
    }</time>${
      compact
        ? nothing
        : html`${part('place', place)}${
            people.length
              ? html`<span part="presenters">${this.term('with')} ${people.map((p, i) => html`${i ? (i < people.length - 1 ? ', ' : ` ${this.term('and')} `) : ''}${p.url ? html`<a part="link" href=${p.url}>${p.name}</a>` : p.name}`)}</span>`
              : nothing
          }${part('credits', w.ceCredits && this.term('credits', { credits: w.ceCredits }))}${part('price', w.price)}${
            this.showDescription && w.summary ? html`<p part="description">${clip(w.summary, 5000)}</p>` : nothing
          }${
            !ended(w, now) && status !== 'cancelled'
              ? html`<div part="actions">${
                  w.registrationUrl && !shown
                    ? html`<a part="link register button" href=${w.registrationUrl}>${this.term('register')}${vh(` ${this.term('registerFor', { title })}`)}</a>`
                    : nothing
                }<button part="button calendar" type="button" aria-expanded=${open} @click=${async () => {
                  calendarMenu = await import('./calendar-menu.js');
                  this.menu = open ? '' : w.id;
                }}>${this.term('addToCalendar')}${vh(`: ${title}`)}</button>${
                  open
                    ? calendarMenu!.calendarMenu(w, start, end, place, (key, values) => this.term(key, values))
                    : nothing
                }</div>`
              : nothing
          }`
    }</li>`;
  }

  protected override renderItems(workshops: Workshop[]): TemplateResult {
    const now = this.clock();
    return html`<ul part="list" role="list">${workshops.map((w) => this.renderWorkshop(w, now))}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [tagName]: WorkshopListElement;
  }
}
