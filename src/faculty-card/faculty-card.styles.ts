import { css } from '@lit/reactive-element';

export const facultyCardStyles = css`
  [part~='item'] {
    --size: var(--iigp-photo-size, 6em);
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: var(--iigp-gap, 0.75em);
    align-items: flex-start;
    padding: var(--iigp-card-padding, 0);
    border-radius: var(--iigp-radius, 0.375em);
    background: var(--iigp-card-background, transparent);
  }
  :host([layout='vertical']) [part~='item'] {
    --size: var(--iigp-photo-size, 8em);
    flex-direction: column;
    align-items: center;
    text-align: center;
  }
  :host([layout='compact']) [part~='item'] {
    --size: var(--iigp-photo-size, 3em);
    align-items: center;
  }
  [part~='image'],
  [part~='initials'] {
    flex: none;
    inline-size: var(--size);
    block-size: var(--size);
    border-radius: 50%;
    object-fit: cover;
    background: var(--iigp-initials-background, color-mix(in srgb, currentColor 15%, transparent));
  }
  [part~='initials'] {
    display: grid;
    place-items: center;
    /* The letters are 0.38 of the circle; the circle, measured in these larger ems, stays --size. */
    font-size: calc(var(--size) * 0.38);
    inline-size: calc(1em / 0.38);
    block-size: calc(1em / 0.38);
    font-weight: 600;
  }
  /* Beside the photo while its longest word fits there; below it in a narrow column or at large text. */
  .body {
    flex: 1;
    display: grid;
    gap: 0.125em;
  }
  [part~='title'] {
    font-weight: var(--iigp-title-font-weight, 600);
  }
  /* The name is the one link; stretched over the card, the whole card is its target. */
  [part~='link']::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  [part~='credentials'],
  [part~='job-title'] {
    color: var(--iigp-muted-color, inherit);
  }
  /* A bio from the page may hold links of its own: they stay above the card's link. */
  ::slotted(*) {
    position: relative;
    z-index: 1;
  }
`;
