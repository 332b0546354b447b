/**
 * One render function for every widget story. Args are named as a webmaster writes the element:
 * attribute names (`show-excerpt`, `heading-level`), `--iigp-*` custom properties, JS-only
 * properties (`items`, `timeout`, `now`), event actions (`onIigpLoad`), and `children` (the light-DOM
 * children, as HTML: the fallback, the list a newsletter archive enhances, a faculty card's `slot="bio"`).
 * The controls for all of them come from custom-elements.json (see ../../.storybook/preview.ts).
 */
import { html } from 'lit';
import type { Decorator, StoryContext } from '@storybook/web-components-vite';
import manifest from '../../custom-elements.json';

interface CemAttribute {
  name: string;
  fieldName?: string;
  default?: string;
  type?: { text: string };
}
interface CemMember {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  readonly?: boolean;
}
export interface CemDeclaration {
  tagName?: string;
  attributes?: CemAttribute[];
  members?: CemMember[];
  events?: { name: string; description?: string }[];
}

/** The custom-elements.json declaration of `tag`. */
export function declarationOf(tag: string): CemDeclaration | undefined {
  for (const mod of (manifest as { modules: { declarations?: CemDeclaration[] }[] }).modules) {
    for (const declaration of mod.declarations ?? []) if (declaration.tagName === tag) return declaration;
  }
  return undefined;
}

/** The arg name Storybook gives an event's action (`iigp-load` → `onIigpLoad`). */
export function actionName(event: string): string {
  const camel = event.replace(/[-_:.\s]+(.)?/g, (_m, chr: string | undefined) => (chr ? chr.toUpperCase() : ''));
  return `on${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}

/** Public properties set from script only (no attribute: `items`, `timeout`, `now`): a story may set them. */
export function scriptProperties(declaration: CemDeclaration | undefined): Set<string> {
  return new Set(
    (declaration?.members ?? [])
      .filter((m) => m.kind === 'field' && !/private|protected/.test(m.privacy ?? '') && !m.static && !m.attribute)
      .map((m) => m.name),
  );
}

export type WidgetArgs = Record<string, unknown> & { children?: string };

/**
 * Creates `<tag>` from args. A `src` under `/mock/` gets `?story=<story id>` appended, so every story
 * (and every story on a docs page) has a URL of its own and never shares the loader's copy.
 */
export function renderWidget(tag: string, args: WidgetArgs, context: StoryContext): HTMLElement {
  const declaration = declarationOf(tag);
  const attributes = new Map((declaration?.attributes ?? []).map((attribute) => [attribute.name, attribute]));
  const properties = scriptProperties(declaration);
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null || value === '' || key === 'children' || key === 'state') continue;
    if (key.startsWith('--')) {
      el.style.setProperty(key, String(value));
    } else if (attributes.has(key)) {
      const attribute = attributes.get(key)!;
      if (typeof value === 'boolean') {
        // On-by-default options (show-date) are switched off with ="false", as webmasters write them.
        if (value) el.setAttribute(key, '');
        else if (attribute.default === 'true') el.setAttribute(key, 'false');
      } else if (key === 'src' && typeof value === 'string' && value.startsWith('/mock/')) {
        el.setAttribute(key, `${value}${value.includes('?') ? '&' : '?'}story=${encodeURIComponent(context.id)}`);
      } else {
        el.setAttribute(key, String(value));
      }
    } else if (properties.has(key)) {
      (el as unknown as Record<string, unknown>)[key] = value;
    }
  }
  for (const event of declaration?.events ?? []) {
    const action = args[actionName(event.name)];
    if (typeof action === 'function') el.addEventListener(event.name, (e) => action((e as CustomEvent).detail));
  }
  if (typeof args.children === 'string' && args.children.trim()) el.innerHTML = args.children;
  return el;
}

/** A dark host page: the widget inherits its colours, and only the link and muted colours are tuned. */
export const darkPage: Decorator = (story) =>
  html`<div
    style="background:#16181d;color:#e9e7e2;padding:1.5rem;border-radius:.5rem;font-family:Georgia,'Times New Roman',serif;--iigp-link-color:#9cc7ff;--iigp-muted-color:#b9b6ae"
  >
    ${story()}
  </div>`;

/** A page in Spanish: the widgets' own words and the dates follow `lang`. */
export const spanishPage: Decorator = (story) =>
  html`<div lang="es" style="font-family:system-ui,sans-serif">${story()}</div>`;

/** A page in Arabic, right to left: the widgets' own words, dates and numbers follow `lang`, the layout mirrors. */
export const arabicPage: Decorator = (story) =>
  html`<div dir="rtl" lang="ar" style="font-family:system-ui,sans-serif">${story()}</div>`;

/** A right-to-left page in Hebrew: dates follow `lang`, the layout mirrors. */
export const rtlPage: Decorator = (story) =>
  html`<div dir="rtl" lang="he" style="font-family:system-ui,sans-serif">${story()}</div>`;

/**
 * The page column the widget sits in, as a theme's content area or sidebar gives it: `parameters.column`
 * (a CSS length) sets its width. A global decorator (see ../../.storybook/preview.ts), so a story's value
 * replaces its file's rather than nesting inside it.
 */
export const pageColumn: Decorator = (story, context) => {
  const width = context.parameters.column as string | undefined;
  return width ? html`<div style="max-inline-size:${width}">${story()}</div>` : story();
};

/**
 * Page CSS next to the story (for the Themed stories: `::part` rules live in the host page). The rules are
 * nested in a wrapper of the story's own, so on a Docs page, where every story of a widget shares one
 * document, they style this story only.
 */
export function pageStyles(css: string): Decorator {
  return (story, context) => {
    const style = document.createElement('style');
    style.textContent = `[data-page-styles='${context.id}'] {\n${css}\n}`;
    return html`<div data-page-styles=${context.id}>${style}${story()}</div>`;
  };
}
