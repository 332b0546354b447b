/**
 * Shared tools of the attack suites: a tripwire that notices any payload that runs, and checks of
 * everything a widget rendered (every shadow root, however deep) for markup or URLs that could run.
 */
import { expect } from '@open-wc/testing';

export interface Vector {
  id: number;
  payload: string;
  note: string;
}

/** The XSS corpus, or undefined when the shared folder is absent. */
export async function vectors(): Promise<Vector[] | undefined> {
  const response = await fetch('/__shared/corpora/xss/vectors.json');
  if (!response.ok) return undefined;
  return (await response.json()) as Vector[];
}

/** URL vectors for link and image fields: every spelling of a script or data URL a parser might let through. */
export const URL_VECTORS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '%6Aavascript:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '\njavascript:alert(1)',
  'javascript&colon;alert(1)',
  'jav&#x0A;ascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,<script>alert(1)</script>',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'javascript://%0Aalert(1)',
  'blob:https://evil.example/x',
  'file:///etc/passwd',
];

const DIALOGS = ['alert', 'confirm', 'prompt', 'print'] as const;

/**
 * Replaces the page's dialogs with functions that record the call: a payload that runs calls one of
 * them (the corpus uses alert; `window.__iigpRan` can be set by anything else).
 */
export function tripwire(): { ran: () => string[]; restore: () => void } {
  const calls: string[] = [];
  const global = window as unknown as Record<string, unknown>;
  const originals = DIALOGS.map((name) => global[name]);
  for (const name of DIALOGS) {
    global[name] = (...args: unknown[]) => {
      calls.push(`${name}(${args.map(String).join(', ')})`);
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  }
  global.__iigpRan = undefined;
  return {
    ran: () => (global.__iigpRan ? [...calls, `__iigpRan=${String(global.__iigpRan)}`] : calls),
    restore: () => DIALOGS.forEach((name, i) => (global[name] = originals[i])),
  };
}

/** Every shadow root under `root`, nested ones included. */
export function shadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    found.push(root.shadowRoot);
    visit(root.shadowRoot);
  }
  visit(root);
  return found;
}

const URL_ATTRIBUTES = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'srcset',
  'poster',
  'data',
  'background',
  'ping',
  'cite',
  'longdesc',
];
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
/** Elements that never belong in a widget rendered from data. */
const FORBIDDEN =
  'script, iframe, frame, object, embed, form, base, meta, link:not([rel=stylesheet]), foreignObject, math, svg script';

/** Every element the widgets' templates make; anything else in a shadow root came from data. */
const TEMPLATE_ELEMENTS = new Set([
  'ul',
  'li',
  'a',
  'span',
  'div',
  'p',
  'time',
  'img',
  'strong',
  'abbr',
  'button',
  'slot',
  'section',
  'label',
  'input',
]);

/** Decodes HTML character references the way an attribute value would be read, however often nested. */
function decodeReferences(value: string): string {
  let previous;
  let text = value;
  do {
    previous = text;
    text = text
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(
        /&(colon|tab|newline);/gi,
        (_, name: string) => ({ colon: ':', tab: '\t', newline: '\n' })[name.toLowerCase() as 'colon'],
      );
  } while (text !== previous);
  return text;
}

/** Whether a URL attribute value names a script, vbscript or data URL, in any encoding or case. */
export function dangerousUrl(value: string, kind: 'link' | 'image'): string | undefined {
  const candidates = [value, decodeReferences(value)];
  try {
    candidates.push(decodeURIComponent(value));
  } catch {
    // Not percent-encoded text.
  }
  for (const candidate of candidates) {
    // The URL parser drops leading C0 controls and spaces, and tabs and newlines anywhere.
    const squeezed = candidate
      // eslint-disable-next-line no-control-regex -- the controls the URL parser drops, on purpose
      .replace(/[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '')
      .toLowerCase();
    if (/^(javascript|vbscript|livescript|mocha):/.test(squeezed)) return `script URL ${JSON.stringify(value)}`;
    if (/^data:/.test(squeezed) && kind !== 'image') return `data URL ${JSON.stringify(value)}`;
  }
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return undefined; // The browser cannot follow it either.
  }
  const allowed = kind === 'image' ? IMAGE_PROTOCOLS : LINK_PROTOCOLS;
  return allowed.has(url.protocol) ? undefined : `${url.protocol} URL ${JSON.stringify(value)}`;
}

/** Everything wrong in what `root` rendered: event-handler attributes, unsafe URLs, elements that may run or that data made. */
export function problems(root: ParentNode): string[] {
  const found: string[] = [];
  for (const shadow of shadowRoots(root)) {
    const host = shadow.host.localName;
    for (const el of shadow.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`<${host}> <${el.localName} ${name}="${attr.value.slice(0, 60)}">`);
        if (name === 'style' && /url\(|expression\(/i.test(attr.value))
          found.push(`<${host}> <${el.localName} style="${attr.value.slice(0, 60)}">`);
        if (URL_ATTRIBUTES.includes(name) || attr.localName === 'href') {
          const kind = el.localName === 'img' && (name === 'src' || name === 'srcset') ? 'image' : 'link';
          const values =
            name === 'srcset' ? attr.value.split(',').map((part) => part.trim().split(/\s+/)[0]) : [attr.value];
          for (const value of values) {
            const wrong = dangerousUrl(value, kind);
            if (wrong) found.push(`<${host}> <${el.localName} ${name}>: ${wrong}`);
          }
        }
      }
      if (el.matches(FORBIDDEN)) found.push(`<${host}> renders a <${el.localName}>`);
      else if (!TEMPLATE_ELEMENTS.has(el.localName))
        found.push(`<${host}> renders a <${el.localName}> its templates never make`);
    }
  }
  return found;
}

/**
 * Clicks every link in every shadow root under `root`. Safe links (http, https, mailto, tel) are kept
 * from navigating by a capturing listener so the test page stays; any other link is left to do what
 * it does, which the tripwire then notices (and `problems` has already reported).
 */
export async function clickEveryLink(root: ParentNode): Promise<string[]> {
  const followed: string[] = [];
  const keep = (event: Event) => {
    const link = event
      .composedPath()
      .find((node) => node instanceof HTMLAnchorElement || node instanceof SVGAElement) as
      HTMLAnchorElement | SVGAElement | undefined;
    if (!link) return;
    const href = link instanceof HTMLAnchorElement ? link.href : link.href.baseVal;
    let protocol = '';
    try {
      protocol = new URL(href, document.baseURI).protocol;
    } catch {
      // Unparseable: nothing to follow.
    }
    if (LINK_PROTOCOLS.has(protocol) || !href) event.preventDefault();
    else followed.push(href);
  };
  window.addEventListener('click', keep, true);
  try {
    for (const shadow of shadowRoots(root)) {
      for (const link of shadow.querySelectorAll('a, area, [role=link]')) {
        (link as HTMLElement).click();
      }
    }
    await settle();
  } finally {
    window.removeEventListener('click', keep, true);
  }
  return followed;
}

/** Gives anything scheduled (image errors, timers, microtasks of a payload) the chance to run. */
export async function settle(): Promise<void> {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await new Promise((done) => setTimeout(done, 100));
}

/** The full attack check of a rendered container: nothing ran, nothing dangerous, every link clicked. */
export async function assertInert(root: ParentNode, ran: () => string[], label: string): Promise<void> {
  await settle();
  expect(problems(root), `${label}: dangerous markup`).to.deep.equal([]);
  expect(ran(), `${label}: a payload ran while rendering`).to.deep.equal([]);
  const followed = await clickEveryLink(root);
  expect(followed, `${label}: links that are not http, https, mailto or tel`).to.deep.equal([]);
  expect(ran(), `${label}: a payload ran when a link was clicked`).to.deep.equal([]);
}
