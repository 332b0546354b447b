import { formatError } from '../../shared/load-error.js';
import { policy } from '../../shared/policy.js';

let scratch: Element | undefined;

/**
 * Whether `text` (without a DOCTYPE) is well-formed, found without `DOMParser`: a document it refuses gets
 * an error element whose inline style a strict CSP reports (Chromium). Content set on an element of an
 * XML document is parsed by the same parser, and refused with an exception instead.
 */
export function wellFormed(text: string): boolean {
  scratch ??= document.implementation.createDocument(null, 'x').documentElement;
  try {
    scratch.innerHTML = policy().createHTML(text.replace(/^<\?xml[^>]*>/, '')) as unknown as string;
    return true;
  } catch {
    return false;
  } finally {
    scratch.textContent = '';
  }
}

/** The error for a body that is not well-formed XML. */
export const notWellFormed = () =>
  formatError(
    'the response is not well-formed XML',
    'Open the src address in a browser: a feed must be valid RSS or Atom.',
  );
