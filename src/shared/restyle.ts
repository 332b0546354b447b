import type { CSSResult, ReactiveElement } from '@lit/reactive-element';

/**
 * Gives a widget's shadow root copies of its styles made in the document the widget now belongs to:
 * constructed style sheets cannot be shared between documents (a widget adopted into a same-origin
 * frame throws on its first render, or loses its styles if it had rendered). Loaded when that happens.
 */
export function restyle(element: ReactiveElement): void {
  const Sheet = element.ownerDocument.defaultView?.CSSStyleSheet;
  if (!Sheet) return; // A document without a window (made by DOMParser, say) shows nothing anyway.
  const sheet = new Sheet();
  sheet.replaceSync(
    (element.constructor as typeof ReactiveElement).elementStyles.map((style) => (style as CSSResult).cssText).join(''),
  );
  element.shadowRoot!.adoptedStyleSheets = [sheet];
}
