/**
 * The library's one Trusted Types policy, `iigp`. It is used only to hand markup to `DOMParser`,
 * whose documents are inert (no script runs, nothing loads), so that feeds can be read on pages that
 * enforce `require-trusted-types-for 'script'`. Nothing it returns is ever inserted into a page.
 */
import { pageState } from './page-state.js';

interface Policy {
  createHTML(input: string): string;
}

const global = globalThis as unknown as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } };

export function policy(): Policy {
  let created = pageState.policy as Policy | undefined;
  if (!created) {
    try {
      created = global.trustedTypes?.createPolicy('iigp', { createHTML: (input) => input });
    } catch {
      // The page's CSP does not allow the `iigp` policy: parsing will report a clear error instead.
    }
    created ??= { createHTML: (input) => input };
    pageState.policy = created;
  }
  return created;
}

/** Parses markup into an inert document (nothing in it runs or loads). */
export function parseInert(text: string, type: DOMParserSupportedType): Document {
  return new DOMParser().parseFromString(policy().createHTML(text) as unknown as string, type);
}

let scratch: HTMLTemplateElement | undefined;

/**
 * Parses an HTML fragment into the content of one reused `<template>` of an inert document (no browsing
 * context: nothing in it runs or loads). Much cheaper than a new DOMParser document per fragment. Template
 * content creates no style sheets, so a `<style>` in data is never checked (and reported) against the
 * page's `style-src`. The returned fragment is only valid until the next call.
 */
export function parseInertBody(html: string): DocumentFragment {
  scratch ??= document.implementation.createHTMLDocument('').createElement('template');
  scratch.innerHTML = policy().createHTML(defuse(html)) as unknown as string;
  return scratch.content;
}

/**
 * `html` with every `on…` and `style` attribute renamed `data-iigp-…`. Chromium checks them against the
 * page's CSP as the HTML parser creates them, even in an inert document where nothing runs, and reports
 * each one (script-src-attr, style-src-attr) to the site's report-uri. A tag tokenizer as HTML's, reduced
 * to what finds attribute names (any doubt renames more, never less); one pass, linear in the input.
 */
export function defuse(html: string): string {
  const space = (i: number) => /[\s/]/.test(html[i]);
  let out = '';
  let last = 0;
  for (let i = html.indexOf('<'), j; i >= 0; i = html.indexOf('<', j)) {
    j = i + 1;
    if (!/[a-z]/i.test(html[j])) continue;
    while (j < html.length && !space(j) && html[j] != '>') j++;
    while (j < html.length && html[j] != '>') {
      if (space(j)) {
        j++;
        continue;
      }
      const name = j;
      while (++j < html.length && !space(j) && !'>='.includes(html[j]));
      if (/^(on|style$)/i.test(html.slice(name, j))) {
        out += `${html.slice(last, name)}data-iigp-`;
        last = name;
      }
      while (/\s/.test(html[j])) j++;
      if (html[j] == '=') {
        while (/\s/.test(html[++j]));
        const quote: string | undefined = html[j];
        j = quote == '"' || quote == "'" ? html.indexOf(quote, j + 1) + 1 || html.length : j;
        while (j < html.length && !/[\s>]/.test(html[j])) j++;
      }
    }
  }
  return out + html.slice(last);
}
