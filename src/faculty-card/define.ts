import { define } from '../shared/define.js';
import { FacultyCardElement, tagName } from './faculty-card.js';

define(tagName, FacultyCardElement);

export { FacultyCardElement };
