import { define } from '../shared/define.js';
import { warmDateFormats } from '../shared/format.js';
import { RecentPostsElement, tagName } from './recent-posts.js';

define(tagName, RecentPostsElement);
warmDateFormats();

export { RecentPostsElement };
