import { formatError } from '../../shared/load-error.js';

// What every JSON format (JSON Feed, WordPress REST, The Events Calendar, schema.org) reads its body with.

const json = new WeakMap<object, unknown>();

/** Parses a JSON body once, however many parsers look at it. */
export function jsonOf(body: { text: string }): unknown {
  if (!json.has(body)) {
    let value: unknown;
    try {
      value = JSON.parse(body.text.replace(/^\uFEFF/, ''));
    } catch {
      throw formatError('the response is not valid JSON', 'Point src at a JSON feed or a /wp-json/ URL.');
    }
    json.set(body, value);
  }
  return json.get(body);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or '' for anything else (numbers, objects, null): data is never trusted to be typed. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
