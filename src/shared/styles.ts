import { css } from '@lit/reactive-element';

/**
 * Styles every widget shares. The host inherits the page's font and colour; every colour, gap and
 * radius is an `--iigp-*` custom property with a default that suits light and dark themes alike.
 */
export const baseStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
    line-height: var(--iigp-line-height, 1.5);
    /* A long URL, name or venue breaks rather than widening the page. */
    overflow-wrap: anywhere;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part~='heading'] {
    margin: 0 0 var(--iigp-gap, 0.75em);
    font-size: var(--iigp-heading-font-size, 1.25em);
    font-weight: bold;
    line-height: 1.25;
  }
  ul {
    list-style: none;
    padding: 0;
  }
  p,
  ul {
    margin: 0;
  }
  ul,
  .skeleton {
    display: grid;
    gap: var(--iigp-gap, 0.75em);
  }
  a {
    color: var(--iigp-link-color, inherit);
    text-decoration: var(--iigp-link-decoration, underline);
    pointer-events: auto;
  }
  a:focus-visible,
  button:focus-visible {
    outline: var(--iigp-focus-ring, 2px solid currentColor);
    outline-offset: 2px;
  }
  [part~='date'],
  [part~='meta'] {
    color: var(--iigp-muted-color, inherit);
    font-size: var(--iigp-meta-font-size, 0.875em);
  }
  [part~='title'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--iigp-title-lines, 10);
    overflow: hidden;
  }
  /* Text from data takes its own direction: an English title reads right on a Hebrew page. */
  [part~='title'],
  [part~='excerpt'],
  [part~='description'] {
    unicode-bidi: plaintext;
  }
  /* Grid items: the spans are blocks. The transparent border is drawn in forced colours, where the
     background is not. */
  .skeleton > span {
    block-size: var(--iigp-skeleton-height, 2.75em);
    border: 1px solid transparent;
    border-radius: var(--iigp-radius, 0.375em);
    background: var(--iigp-skeleton-color, color-mix(in srgb, currentColor 8%, transparent));
  }
`;
