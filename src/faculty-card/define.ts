import { define } from '../shared/define.js';
import { FacultyCardElement } from './faculty-card.js';

define('iigp-faculty-card', FacultyCardElement);

export { FacultyCardElement };
