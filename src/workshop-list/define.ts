import { define } from '../shared/define.js';
import { warmDateFormats } from '../shared/format.js';
import { WorkshopListElement, tagName } from './workshop-list.js';

define(tagName, WorkshopListElement);
warmDateFormats();

export { WorkshopListElement };
