import type { Parsed, Workshop } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { parseFeed } from './feed.js';
import { finish, fromPost } from '../../workshop.js';

/** `format="rss"` for workshops: a category feed (RSS or Atom); each item's date stands as its start. */
export async function parseWorkshopFeed(body: Body): Promise<Parsed<Workshop>> {
  const { items, skipped } = await parseFeed(body);
  return finish(items.map(fromPost), skipped);
}

export default parseWorkshopFeed;
