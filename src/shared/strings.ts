/**
 * The widgets' own words (buttons, labels, messages, visually hidden text) in the reader's language.
 * Each widget keeps its English table as `static defaultStrings`; other languages are one module per
 * language with a section per widget, loaded on demand like the parsers, so a page downloads only its
 * own. A site rewords any string with the `strings` attribute or property, whatever the language.
 * Messages for the console are for the webmaster and stay in English.
 */

export type Strings = Record<string, string>;
/** A language module: its strings by widget name (the tag without `iigp-`). */
export type Translations = Record<string, Strings>;

/** The languages that ship besides English, each loaded on demand. */
const LANGUAGES: Record<string, () => Promise<{ default: Translations }>> = {
  es: () => import('../i18n/es.js'),
  ar: () => import('../i18n/ar.js'),
};

const loaded: Record<string, Promise<Translations | undefined>> = {};

/** `es` for `es-MX`; undefined for English and for languages that do not ship (English is shown). */
export function shippedLanguage(locale: string | undefined): string | undefined {
  const language = locale?.split(/[-_]/)[0].toLowerCase();
  return language && Object.hasOwn(LANGUAGES, language) ? language : undefined;
}

/** The translations of `language`, loaded once per page; undefined (English is shown) when the file fails. */
export function loadLanguage(language: string): Promise<Translations | undefined> {
  return (loaded[language] ??= LANGUAGES[language]().then(
    (module) => module.default,
    () => undefined,
  ));
}

/** `text` with each `{name}` replaced by `values[name]`. */
export function fill(text: string, values?: Record<string, unknown>): string {
  return values
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole))
    : text;
}
