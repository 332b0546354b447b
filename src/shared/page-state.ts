/**
 * What every copy of the library on a page shares, on one global symbol: a page may load a widget file
 * twice, or two versions, and each parser file carries its own copy of the shared modules.
 */
export interface PageState {
  /** The duplicate-copy warning was written. */
  warned?: boolean;
  /** Requests by URL, so that copies still make one request per URL. */
  requests?: Map<string, unknown>;
  /** How many widgets hold each URL's body. */
  holders?: Map<string, number>;
  /** Items a parser made, whose URLs it checked. */
  checked?: WeakSet<object>;
  /** The Trusted Types policy `iigp`, which a page can create once. */
  policy?: unknown;
}

export const pageState: PageState = ((globalThis as unknown as Record<symbol, PageState | undefined>)[
  Symbol.for('iigp-widgets.v1')
] ??= {});
