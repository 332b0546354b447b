import type { Parsed, Person } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { safeUrl } from '../../shared/url.js';
import { isObject } from '../json/json.js';
import { slugify, splitCredentials } from '../../person-name.js';
import { splitNameAndCredentials } from '../../person-title.js';
import { schemaImage, schemaNodes, schemaText, unreadable } from './schema-nodes.js';

/** The last path segment of a profile URL ("/faculty/natan-harpaz/" gives "natan-harpaz"). */
export function urlSlug(url: string | undefined): string {
  return url ? (new URL(url).pathname.split('/').filter(Boolean).pop() ?? '') : '';
}

/** `format="json"` for faculty: schema.org `Person` objects. Strings are shown literally, as text. */
export function parseSchemaPersons(body: Body): Parsed<Person> {
  const { nodes, skipped: notObjects } = schemaNodes(body, 'Person');
  const people: Person[] = [];
  let skipped = notObjects;
  for (const node of nodes) {
    const written = isObject(node) ? schemaText(node.name) : '';
    if (!isObject(node) || !written) {
      skipped++;
      continue;
    }
    // A name written with its credentials ("Leora Bar-Levav, M.D.") is split like a WordPress title.
    const split = node.honorificSuffix ? { name: written, credentials: [] } : splitNameAndCredentials(written);
    const url = safeUrl(schemaText(node.url), body.url);
    people.push({
      id: slugify(schemaText(node.identifier)) || urlSlug(url) || slugify(split.name),
      name: split.name,
      credentials: [...split.credentials, ...splitCredentials(node.honorificSuffix)],
      jobTitle: schemaText(node.jobTitle),
      image: schemaImage(node.image, body.url, ''),
      url,
      bio: schemaText(node.description),
    });
  }
  if (!people.length && skipped) unreadable('Person', 'Each Person needs a "name".');
  return { items: people, skipped };
}

export default parseSchemaPersons;
