import { define } from '../shared/define.js';
import { warmDateFormats } from '../shared/format.js';
import { RecentPostsElement } from './recent-posts.js';

define('iigp-recent-posts', RecentPostsElement);
warmDateFormats();

export { RecentPostsElement };
