import { define } from '../shared/define.js';
import { RecentPostsElement } from './recent-posts.js';

define('iigp-recent-posts', RecentPostsElement);

export { RecentPostsElement };
