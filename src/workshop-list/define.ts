import { define } from '../shared/define.js';
import { warmDateFormats } from '../shared/format.js';
import { WorkshopListElement } from './workshop-list.js';

define('iigp-workshop-list', WorkshopListElement);
warmDateFormats();

export { WorkshopListElement };
