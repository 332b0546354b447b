import { css } from '@lit/reactive-element';

export const workshopListStyles = css`
  :host([layout='cards']) ul {
    grid-template-columns: repeat(auto-fill, minmax(min(var(--iigp-card-min-width, 16em), 100%), 1fr));
  }
  li,
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  /* Each on its own line but the status and the date (and the title in the compact layout). */
  li > :not(strong, time) {
    flex-basis: 100%;
  }
  :host([layout='cards']) li {
    padding: var(--iigp-card-padding, 1em);
    border-radius: var(--iigp-radius, 0.375em);
    background: var(--iigp-card-background, color-mix(in srgb, currentColor 5%, transparent));
  }
  [part~='title'] {
    font-weight: var(--iigp-title-font-weight, 600);
  }
  :host([layout='compact']) [part~='title'] {
    flex-basis: auto;
  }
  .cancelled [part~='title'] {
    text-decoration: line-through;
  }
  [part~='status'] {
    color: var(--iigp-status-color, inherit);
  }
  img {
    inline-size: 100%;
    border-radius: var(--iigp-radius, 0.375em);
  }
  [part~='button'] {
    font: inherit;
    padding: 0.3em 0.8em;
    border: 1px solid;
    border-radius: var(--iigp-radius, 0.375em);
    color: inherit;
    background: none;
    cursor: pointer;
  }
  [part~='register'] {
    border-color: transparent;
    background: var(--iigp-button-background, var(--iigp-link-color, #1a5fb4));
    color: var(--iigp-button-color, #fff);
    text-decoration: none;
  }
`;
