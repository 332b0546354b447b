import type { NewsletterIssue } from '../model.js';
import { toDate } from '../shared/format.js';
import { compareIssues, fileSize, parseLabel, volumeIssue, when, type Words } from './issue-label.js';

/** An issue with its label read and the text its link shows. */
export interface Entry extends NewsletterIssue {
  text: string;
  meta: string;
}

/** The label's season, year, volume and issue, unless the data gives them; the year from the date at worst. */
export function entryOf(item: NewsletterIssue, words: Words): Entry {
  const label = parseLabel(item.title);
  const entry: Entry = { ...item, text: '', meta: '' };
  for (const key of ['season', 'month', 'year', 'volume', 'issue'] as const)
    (entry as unknown as Record<string, unknown>)[key] ??= label[key];
  const date = toDate(item.date);
  if (!entry.year && date) {
    entry.year = date.getUTCFullYear();
    entry.month ??= date.getUTCMonth() + 1;
  }
  const name = label.year ? when(entry, words) : item.title;
  const numbers = /\b(vol|issue|no)\b/i.test(name) ? '' : volumeIssue(entry, words);
  entry.text = [name, numbers].filter(Boolean).join(' \u2014 ') || words.term('newsletter');
  const pdf = entry.type ? /pdf/i.test(entry.type) : /\.pdf([?#]|$)/i.test(entry.url ?? '');
  entry.meta = [pdf && words.term('pdf'), fileSize(entry.size, words)].filter(Boolean).join(', ');
  return entry;
}

/** Newest (or oldest) first; issues without a year (labels that cannot be read) last, in their own order. */
export function arrange(items: NewsletterIssue[], oldest: boolean, words: Words): Entry[] {
  const entries = items.map((item) => entryOf(item, words));
  const dated = entries.filter((e) => e.year).sort(compareIssues);
  if (oldest) dated.reverse();
  return [...dated, ...entries.filter((e) => !e.year)];
}
