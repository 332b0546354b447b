/**
 * The normalised shapes every parser produces and every widget renders. Set them on a widget's
 * `items` property to bypass fetching. Dates may be given as `Date` objects or ISO 8601 strings.
 */

/** An image with the size it will be shown at, when the source says. */
export interface Image {
  src: string;
  alt?: string;
  width?: number;
  height?: number;
}

/** A blog post (RSS, Atom, RDF, WordPress REST, JSON Feed). */
export interface Post {
  id: string;
  /** Plain text; never HTML. */
  title: string;
  url?: string;
  date?: Date | string;
  updated?: Date | string;
  author?: string;
  /** Plain text; never HTML. */
  excerpt?: string;
  image?: Image;
  categories?: string[];
}

/** What a format parser returns: the entries it could read and how many it had to skip. */
export interface Parsed<T> {
  items: T[];
  skipped: number;
}

/** How people attend a workshop (schema.org `eventAttendanceMode`). */
export type AttendanceMode = 'in-person' | 'online' | 'hybrid';

/** Where a workshop stands (schema.org `eventStatus`, iCalendar `STATUS`, `offers.availability`). */
export type WorkshopStatus = 'scheduled' | 'cancelled' | 'postponed' | 'soldout';

/** Someone who presents a workshop; `url` may point at a faculty page. */
export interface Presenter {
  name: string;
  url?: string;
}

/** A venue: its name and a one-line postal address, both plain text. */
export interface Place {
  name?: string;
  address?: string;
}

/**
 * A workshop (schema.org `Event`, an iCalendar `VEVENT`, a The Events Calendar event, a feed item).
 *
 * `start` and `end` are instants; `end` is exclusive. An all-day workshop starts at midnight of its
 * first day and ends at midnight after its last day, in `timeZone` (in UTC when no zone is known),
 * as iCalendar writes it: a workshop on 5 and 6 December has `end` on 7 December.
 */
export interface Workshop {
  /** Stable identity (iCalendar `UID`, schema.org `@id`, the event's URL). */
  id: string;
  /** Plain text; never HTML. */
  title: string;
  /** The workshop's own page. */
  url?: string;
  start: Date | string;
  end?: Date | string;
  /** The event's zone: an IANA name (`America/Detroit`) or, when only that is known, an offset (`-05:00`). */
  timeZone?: string;
  allDay?: boolean;
  place?: Place;
  /** Where to join an online workshop. */
  onlineUrl?: string;
  attendance?: AttendanceMode;
  presenters?: Presenter[];
  /** CE credits as text: hours and the approving body ("6 CE hours, Michigan Board of Social Work"). */
  ceCredits?: string;
  /** As text: "$95", "Free". */
  price?: string;
  registrationUrl?: string;
  /** Plain text; never HTML. */
  summary?: string;
  status?: WorkshopStatus;
  categories?: string[];
  image?: Image;
}

/** A faculty member (schema.org `Person`, a WordPress page, or the element's attributes). */
export interface Person {
  /** The slug that `person="…"` selects: schema.org `identifier`, the WordPress page slug, or the name as a slug. */
  id: string;
  /** Plain text, without credentials. */
  name: string;
  /** As written: "Ph.D", "M.S.W", "CGP"… (known ones are expanded when shown). */
  credentials?: string[];
  jobTitle?: string;
  image?: Image;
  /** The profile page. */
  url?: string;
  /** Plain text; never HTML. */
  bio?: string;
}

/** A newsletter issue (schema.org `PublicationIssue`, a WordPress media PDF, or a link in the page). */
export interface NewsletterIssue {
  id: string;
  /** The label as the source writes it: "Winter 2009, Vol. 2 Issue 2". Season, year, volume and issue are read from it when not given. */
  title: string;
  /** The issue itself (the PDF). */
  url?: string;
  date?: Date | string;
  season?: 'winter' | 'spring' | 'summer' | 'fall';
  /** 1–12, for issues named by month. */
  month?: number;
  year?: number;
  volume?: number;
  issue?: number;
  /** MIME type, e.g. `application/pdf`. */
  type?: string;
  /** Bytes. */
  size?: number;
}
