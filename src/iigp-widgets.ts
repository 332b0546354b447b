// Registers every widget. Each widget's own file (e.g. recent-posts.js) registers just that one.
export { RecentPostsElement } from './recent-posts/define.js';
export { WorkshopListElement } from './workshop-list/define.js';
export type { Post, Image, Parsed, Workshop, Presenter, Place, AttendanceMode, WorkshopStatus } from './model.js';
export type { WidgetState } from './shared/widget-element.js';
export { FacultyCardElement } from './faculty-card/define.js';
export { NewsletterArchiveElement } from './newsletter-archive/define.js';
export type { Person, NewsletterIssue } from './model.js';
