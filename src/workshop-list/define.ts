import { define } from '../shared/define.js';
import { WorkshopListElement } from './workshop-list.js';

define('iigp-workshop-list', WorkshopListElement);

export { WorkshopListElement };
