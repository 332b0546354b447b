import { css } from '@lit/reactive-element';

export const newsletterArchiveStyles = css`
  section + section {
    margin-block-start: var(--iigp-group-gap, 1.25em);
  }
  [part~='group-heading'] {
    font-weight: 600;
  }
  ul {
    gap: 0.25em;
  }
  [part~='meta'] {
    white-space: nowrap;
  }
  input,
  button {
    font: inherit;
    max-inline-size: 100%;
  }
  .search,
  [part~='message'],
  button {
    display: block;
    margin-block: var(--iigp-gap, 0.75em);
  }
  [part~='message']:empty {
    margin: 0;
  }
`;
