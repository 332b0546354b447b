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
