import { css } from '@lit/reactive-element';

export const recentPostsStyles = css`
  :host([layout='grid']) ul {
    --columns: 3;
    /* At most --columns per row, fewer when the widget is narrow (no narrower than --iigp-card-min-width). */
    grid-template-columns: repeat(auto-fill, minmax(max(min(var(--iigp-card-min-width, 12em), 100%), calc((100% - (var(--columns) - 1) * var(--iigp-gap, 0.75em)) / var(--columns))), 1fr));
  }
  /* As specific as the rule above, and after it: they win. */
  :host([columns='1']) ul { --columns: 1; }
  :host([columns='2']) ul { --columns: 2; }
  :host([columns='4']) ul { --columns: 4; }
  :host([columns='5']) ul { --columns: 5; }
  :host([columns='6']) ul { --columns: 6; }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--iigp-gap, 0.75em);
    align-items: flex-start;
    min-inline-size: 0;
  }
  :host([layout='grid']) li {
    flex-direction: column;
    padding: var(--iigp-card-padding, 0);
    border-radius: var(--iigp-radius, 0.375em);
    background: var(--iigp-card-background, transparent);
  }
  /* A column at least as wide as its longest word: the boxes a grid would give, for far less layout work.
     Beside the image while that fits; below it in a narrow column or at large text (the line wraps). */
  .body {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  [part~='title'] {
    font-weight: var(--iigp-title-font-weight, 600);
  }
  [part~='image'] {
    flex: none;
    inline-size: var(--iigp-image-size, 5em);
    block-size: auto;
    aspect-ratio: var(--iigp-image-aspect-ratio, 16 / 10);
    object-fit: cover;
    border-radius: var(--iigp-radius, 0.375em);
    background: var(--iigp-skeleton-color, color-mix(in srgb, currentColor 8%, transparent));
  }
  :host([layout='grid']) [part~='image'] {
    inline-size: 100%;
  }
  .sep {
    margin-inline: 0.35em;
  }
`;
