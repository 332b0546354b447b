import type { ComplexAttributeConverter } from 'lit';

/**
 * For options that are on unless the page says `="false"` (e.g. `show-date`): HTML boolean
 * attributes can only switch things on, and webmasters write `show-date="false"` anyway.
 */
export const onUnlessFalse: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => value !== 'false',
};
