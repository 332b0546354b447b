import { define } from '../shared/define.js';
import { NewsletterArchiveElement, tagName } from './newsletter-archive.js';

define(tagName, NewsletterArchiveElement);

export { NewsletterArchiveElement };
