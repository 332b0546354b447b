import type { NewsletterIssue, Parsed } from '../../model.js';
import type { Body } from '../../shared/loader.js';
import { safeUrl } from '../../shared/url.js';
import { parseIsoDate } from '../dates/dates.js';
import { isObject, str } from '../json/json.js';
import { schemaNodes, schemaText, unreadable } from './schema-nodes.js';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** schema.org `contentSize` ("1.2 MB", "850 KB", "1234567") as bytes. */
export function bytes(value: unknown): number | undefined {
  const m = /^([\d.]+)\s*([kmg]?i?b)?$/i.exec(str(value).trim());
  const size = m ? Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase().replace('i', '')] ?? 1) : NaN;
  return size > 0 ? Math.round(size) : undefined;
}

function num(value: unknown): number | undefined {
  return Number(schemaText(value)) || undefined;
}

/**
 * `format="json"` for newsletters: schema.org `PublicationIssue` objects (`name`, `datePublished`,
 * `issueNumber`, `isPartOf.volumeNumber`, `url`, `encodingFormat`, `contentSize`; the file may also be an
 * `encoding` `MediaObject` with `contentUrl`). Strings are shown literally, as text.
 */
export function parsePublicationIssues(body: Body): Parsed<NewsletterIssue> {
  const { nodes, skipped: notObjects } = schemaNodes(body, 'PublicationIssue');
  const issues: NewsletterIssue[] = [];
  let skipped = notObjects;
  for (const node of nodes) {
    if (!isObject(node)) continue;
    const file = [node.encoding, node.associatedMedia].map((m) => (Array.isArray(m) ? m[0] : m)).find(isObject) ?? {};
    const url = safeUrl(file.contentUrl ?? node.url, body.url);
    const title = schemaText(node.name) || schemaText(node.headline);
    if (!title && !url) {
      skipped++;
      continue;
    }
    const volume = (Array.isArray(node.isPartOf) ? node.isPartOf : [node.isPartOf]).find(isObject);
    issues.push({
      id: str(node['@id']) || url || String(issues.length),
      title,
      url,
      date: parseIsoDate(str(node.datePublished)),
      volume: num(volume?.volumeNumber),
      issue: num(node.issueNumber),
      type: str(file.encodingFormat) || str(node.encodingFormat),
      size: bytes(file.contentSize ?? node.contentSize),
    });
  }
  if (!issues.length && skipped) unreadable('PublicationIssue', 'Each PublicationIssue needs a "name" or a "url".');
  return { items: issues, skipped };
}

export default parsePublicationIssues;
