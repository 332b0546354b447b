import type { NewsletterIssue } from '../model.js';
import { dateTimeFormat, numberFormat } from '../shared/format.js';

export type Season = NonNullable<NewsletterIssue['season']>;
export type Label = Pick<NewsletterIssue, 'season' | 'month' | 'year' | 'volume' | 'issue'>;

/** Seasons in their order within a year (a volume starts in the fall, but the year starts in winter). */
export const SEASONS: Season[] = ['winter', 'spring', 'summer', 'fall'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Reads a newsletter label as people write it: "Winter 2009, Vol. 2 Issue 2", "Spring 2011 Vol. 4, Issue 2",
 * "Summer 2014", "Vol 4 No. 2", "Autumn 2010", "March 2013", "Fall '09", "Vol. 4, #2". Commas, dots and
 * spacing are optional; the parts may come in any order. What is not there stays undefined.
 */
export function parseLabel(text: string): Label {
  const label: Label = {};
  const season = /\b(winter|spring|summer|fall|autumn)(?![a-z])/i.exec(text)?.[1].toLowerCase();
  if (season) label.season = season === 'autumn' ? 'fall' : (season as Season);
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![a-z])/i.exec(text);
  if (month && !label.season) {
    const index = MONTHS.findIndex((name) => name.slice(0, 3).toLowerCase() === month[1].toLowerCase());
    // Only the month's own name or its abbreviation ("Sept" too), not a word that starts like one ("Marks").
    if (MONTHS[index].toLowerCase().startsWith(month[0].toLowerCase()) || /^sept$/i.test(month[0]))
      label.month = index + 1;
  }
  const year = /(?<!\d)(?:19|20)\d\d(?!\d)/.exec(text)?.[0] ?? /['\u2019](\d\d)\b/.exec(text)?.[1];
  if (year) label.year = year.length === 2 ? 2000 + Number(year) : Number(year);
  const volume = /\bvol(?:ume)?\b\.?\s*(\d+)/i.exec(text);
  if (volume) label.volume = Number(volume[1]);
  const issue = /(?:\b(?:issue|iss|number|no)\b\.?|#)\s*(\d+)/i.exec(text);
  if (issue) label.issue = Number(issue[1]);
  return label;
}

/** Where in its year an issue falls: a month 1–12; seasons at their first month (winter 1 … fall 10); 0 unknown. */
export function position(issue: Label): number {
  return issue.month ?? (issue.season ? SEASONS.indexOf(issue.season) * 3 + 1 : 0);
}

/** Newest first; issues without a year are not ordered here (the caller puts them last). */
export function compareIssues(a: Label, b: Label): number {
  return (
    (b.year ?? 0) - (a.year ?? 0) ||
    position(b) - position(a) ||
    (b.volume ?? 0) - (a.volume ?? 0) ||
    (b.issue ?? 0) - (a.issue ?? 0)
  );
}

/** The widget's own words, for the text it composes from a label: `term` gives one in the reader's language. */
export interface Words {
  term(key: string, values?: Record<string, unknown>): string;
  locale?: string;
}

/** "Winter 2009", "March 2013" (in the reader's language), or '' when the label has no year. */
export function when(issue: Label, words: Words): string {
  if (!issue.year) return '';
  const name = issue.month
    ? dateTimeFormat(words.locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, issue.month - 1, 15))
    : issue.season
      ? words.term(issue.season)
      : '';
  return name ? `${name} ${issue.year}` : String(issue.year);
}

/** "Vol. 2, Issue 2", "Vol. 2", "Issue 2" or ''. */
export function volumeIssue(issue: Label, words: Words): string {
  return [
    issue.volume && words.term('volumeShort', { volume: issue.volume }),
    issue.issue && words.term('issue', { issue: issue.issue }),
  ]
    .filter(Boolean)
    .join(', ');
}

/** "350 KB", "1.2 MB" (numbers as the reader writes them), or '' when the size is unknown. */
export function fileSize(bytes: number | undefined, words: Words): string {
  if (!bytes || bytes < 0) return '';
  const number = (value: number) => numberFormat(words.locale).format(value);
  if (bytes < 1024 * 1024) return words.term('kilobytes', { size: number(Math.max(1, Math.round(bytes / 1024))) });
  return words.term('megabytes', { size: number(Math.round(bytes / 1024 / 102.4) / 10) });
}
