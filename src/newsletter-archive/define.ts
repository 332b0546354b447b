import { define } from '../shared/define.js';
import { NewsletterArchiveElement } from './newsletter-archive.js';

define('iigp-newsletter-archive', NewsletterArchiveElement);

export { NewsletterArchiveElement };
