// Registers every widget. Each widget's own file (e.g. recent-posts.js) registers just that one.
export { RecentPostsElement } from './recent-posts/define.js';
export type { Post, Image, Parsed } from './model.js';
export type { WidgetState } from './shared/widget-element.js';
