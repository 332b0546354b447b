import type { Image } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { safeUrl } from '../../shared/url.js';
import { formatError } from '../../shared/load-error.js';
import { isObject, jsonOf, str } from '../json/json.js';

/** Whether a schema.org node has `@type` `type` (a string or a list of them, with or without `schema:`). */
function hasType(node: Record<string, unknown>, type: string): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => str(t).replace(/^(https?:\/\/schema\.org\/|schema:)/, '') === type);
}

/**
 * The nodes of `type` in schema.org JSON(-LD): a list of them, an `ItemList` (of them or of `ListItem`s
 * holding them), `{"@graph": [...]}`, `hasPart` of a periodical or volume, or a single node. Entries with
 * another `@type` are ignored; entries without one are taken as `type`. Not JSON of that shape: an error.
 */
export function schemaNodes(body: Body, type: string): { nodes: unknown[]; skipped: number } {
  const value = jsonOf(body);
  const nodes: unknown[] = [];
  let skipped = 0;
  let found = false;
  const visit = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) {
      found = true;
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (!isObject(node)) {
      if (depth) skipped++;
      return;
    }
    if (depth > 6) return;
    if (isObject(node.item) && hasType(node, 'ListItem')) return visit(node.item, depth + 1);
    for (const key of ['@graph', 'itemListElement', 'hasPart']) {
      if (Array.isArray(node[key]) || (key === 'hasPart' && isObject(node[key]))) {
        found = true;
        visit(node[key], depth + 1);
        return;
      }
    }
    if (hasType(node, type) || (depth && !node['@type'])) {
      found = true;
      nodes.push(node);
    }
  };
  visit(value, 0);
  if (!found) {
    throw formatError(
      `the JSON is not a list of schema.org ${type} objects`,
      `Use a JSON array of {"@type": "${type}", …} objects, an ItemList, or {"@graph": [...]}.`,
    );
  }
  return { nodes, skipped };
}

/** A schema.org `image`: a URL, an `ImageObject` (`url`/`contentUrl`, `width`, `height`), or a list of them. */
export function schemaImage(value: unknown, base: string, alt = ''): Image | undefined {
  const image = Array.isArray(value) ? value[0] : value;
  const object = isObject(image) ? image : {};
  const src = safeUrl(isObject(image) ? (object.contentUrl ?? object.url) : image, base, 'image');
  return src
    ? { src, alt, width: Number(str(object.width)) || undefined, height: Number(str(object.height)) || undefined }
    : undefined;
}

/** A schema.org text that may be given as a `{name}` or `{value}` object (`DefinedTerm`, `PropertyValue`). */
export function schemaText(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (isObject(first) ? str(first.name) || str(first.value) : str(first)).replace(/\s+/g, ' ').trim();
}

/** Entries were found but none could be read: the data is not what it should be. */
export function unreadable(what: string, hint: string): never {
  throw formatError(`none of the entries is a readable ${what}`, hint);
}
