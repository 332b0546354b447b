import type { Parsed, Post, Presenter, Workshop } from './model.js';
import { collapse } from './shared/text.js';
import { str } from './formats/json/json.js';

/**
 * Keeps the workshops a source could read and whose times make sense (a start; an end, when given,
 * not before the start) and drops repeats of an id (the same `UID` twice); every entry dropped is
 * counted, for the widget's one warning.
 */
export function finish(candidates: (Workshop | undefined)[], skipped = 0): Parsed<Workshop> {
  const seen = new Set<string>();
  const items: Workshop[] = [];
  for (const workshop of candidates) {
    const start = time(workshop?.start);
    const end = workshop?.end === undefined ? start : time(workshop.end);
    if (!workshop || !workshop.title || !(end >= start) || seen.has(workshop.id)) {
      skipped++;
      continue;
    }
    seen.add(workshop.id);
    items.push(workshop);
  }
  return { items, skipped };
}

function time(value: unknown): number {
  return value instanceof Date ? value.getTime() : NaN;
}

/** A price as text: 0 and "free" read "Free"; a bare number gets its currency. */
export function priceText(value: unknown, currency?: unknown): string | undefined {
  const text = collapse(str(value));
  if (!text) return undefined;
  if (/^\W?(0+(?:[.,]0+)?|free)$/i.test(text)) return 'Free';
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return text;
  const unit = str(currency).trim();
  return unit === 'USD' ? `$${text}` : /^[A-Z]{3}$/.test(unit) ? `${text} ${unit}` : `${unit}${text}`;
}

/** `Label: value` lines of a plain-text description ("CE credits: 6 hours, …", "Presenters: A; B"). */
function line(text: string, label: RegExp): string | undefined {
  // Blanks within the line only: `\s` would run on across every following line from each line start
  // (quadratic on a description of many empty lines).
  const match = new RegExp(`^[ \\t*•-]*(?:${label.source})[ \\t]*:[ \\t]*(.+)$`, 'im').exec(text);
  return match ? collapse(match[1]) : undefined;
}

/**
 * What calendars without fields for them carry in the description: the CE credits and the presenters,
 * each on a line of its own.
 */
export function fromDescription(text: string): { ceCredits?: string; presenters?: Presenter[]; price?: string } {
  const presenters = line(text, /presenters?|presented by|facilitators?/)
    ?.split(/;|(?<!\s)\s+(?:and|&)\s+/)
    .map((name) => ({ name: collapse(name) }))
    .filter((p) => p.name);
  return {
    ceCredits: line(text, /CEs?|CE credits?|CE hours|CEUs?|continuing education(?: credits?)?/),
    presenters,
    price: priceText(line(text, /cost|price|fee|tuition/)),
  };
}

/**
 * A post of a workshop category (a feed item, a WordPress post) as a workshop: its date is the only
 * time it carries, so it stands as the start.
 */
export function fromPost(post: Post): Workshop {
  return {
    id: post.id,
    title: post.title,
    url: post.url,
    start: post.date as Date,
    summary: post.excerpt,
    image: post.image,
    categories: post.categories,
    ...fromDescription(post.excerpt ?? ''),
  };
}
