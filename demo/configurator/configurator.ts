import { LitElement, css, html, nothing, type PropertyDeclarations } from 'lit';

/**
 * The embed configurator: pick a widget, fill in its options (the form is generated from
 * custom-elements.json, so it never drifts from the code), see it live, copy the snippet.
 */

interface Attribute {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}
interface Element {
  tagName: string;
  summary?: string;
  description?: string;
  attributes?: Attribute[];
}

export interface Manifest {
  modules: { declarations?: (Element & { customElement?: boolean })[] }[];
}

/** The widgets a manifest describes, by tag name. */
export function elementsOf(manifest: Manifest): Element[] {
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Sample data shipped with the demo, so every widget shows something before a URL is entered. */
const samples: Record<string, Record<string, string>> = {
  'iigp-recent-posts': { src: 'posts.xml' },
  'iigp-workshop-list': { src: 'workshops.json' },
  'iigp-faculty-card': { src: 'faculty.json', person: 'natan-harpaz' },
  'iigp-newsletter-archive': { src: 'newsletters.json' },
};

const HIDDEN = new Set(['state']);

function choices(attr: Attribute): string[] | undefined {
  const text = attr.type?.text ?? '';
  const literals = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  return literals.length > 1 && /^('[^']*'\s*\|?\s*)+(\|\s*undefined)?$/.test(text.trim()) ? literals : undefined;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export class EmbedConfiguratorElement extends LitElement {
  static override properties: PropertyDeclarations = {
    manifest: { attribute: false },
    version: {},
    dataBase: { attribute: 'data-base' },
    tag: {},
    values: { state: true },
    copied: { state: true },
    embedder: { state: true },
    scripts: { state: true },
  };

  /** custom-elements.json of the library. */
  manifest: Manifest = { modules: [] };
  /** The version the snippet pins. */
  version = '0.1.0';
  /** Where the sample data is, relative to the page. */
  dataBase = './data/';
  tag = 'iigp-recent-posts';
  values: Record<string, string | boolean> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    if (!Object.keys(this.values).length) this.setTag(this.tag);
  }

  private get elements(): Element[] {
    return elementsOf(this.manifest);
  }
  copied = '';
  embedder = 'https://allied.example';
  /** Where dist/ is served from; empty: the version-pinned CDN copy. */
  scripts = '';

  private get scriptBase(): string {
    return this.scripts.trim().replace(/\/+$/, '') || `https://cdn.jsdelivr.net/npm/iigp-widgets@${this.version}/dist`;
  }

  static override styles = css`
    :host { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 22rem) minmax(0, 1fr); font: inherit; }
    @media (max-width: 50rem) { :host { grid-template-columns: 1fr; } }
    form { display: grid; gap: 0.75rem; align-content: start; }
    label { display: grid; gap: 0.2rem; font-weight: 600; }
    .check { display: flex; gap: 0.5rem; align-items: center; }
    small { font-weight: 400; color: inherit; }
    input, select, textarea, button { font: inherit; }
    textarea { inline-size: 100%; min-block-size: 7rem; font-family: ui-monospace, monospace; font-size: 0.85em; }
    .preview { border: 1px dashed currentColor; padding: 1rem; border-radius: 0.5rem; }
    h2, h3 { margin: 0 0 0.5rem; font-size: 1.1rem; }
    .out { display: grid; gap: 1rem; }
  `;

  private attributesOf(tag: string): Attribute[] {
    return (this.elements.find((e) => e.tagName === tag)?.attributes ?? []).filter((a) => !HIDDEN.has(a.name));
  }

  private setTag(tag: string): void {
    this.tag = tag;
    const sample = { ...samples[tag] };
    if (sample.src) sample.src = this.dataBase + sample.src;
    this.values = sample;
  }

  private set(name: string, value: string | boolean): void {
    this.values = { ...this.values, [name]: value };
  }

  /** The attributes the user set: where the data is first, then the options in manifest order. */
  private chosen(): [string, string | true][] {
    const first = ['src', 'format', 'person', 'name'];
    const rank = (name: string) => (first.includes(name) ? first.indexOf(name) : first.length);
    return [...this.attributesOf(this.tag)]
      .sort((a, b) => rank(a.name) - rank(b.name))
      .filter((a) => this.values[a.name] !== undefined && this.values[a.name] !== '' && this.values[a.name] !== false)
      .map((a) => [a.name, this.values[a.name] === true ? true : String(this.values[a.name])]);
  }

  snippet(): string {
    const attrs = this.chosen()
      .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`))
      .join('');
    const file = this.tag.replace(/^iigp-/, '');
    return `<script type="module" src="${this.scriptBase}/${file}.js"></script>\n<${this.tag}${attrs}>\n  <a href="https://iigp.example/">Visit the Institute for Individual and Group Psychotherapy</a>\n</${this.tag}>`;
  }

  shortcode(): string {
    const attrs = this.chosen()
      .filter(([name]) => name !== 'src' || !String(this.values.src).startsWith(this.dataBase))
      .map(([name, value]) => ` ${name.replace(/-/g, '_')}="${value === true ? '1' : escapeAttr(value)}"`)
      .join('');
    return `[${this.tag.replace(/-/g, '_')}${attrs}]`;
  }

  hostLines(): string {
    const src = String(this.values.src ?? '');
    let data = "'self'";
    try {
      const url = new URL(src, 'https://iigp.example/');
      if (!src.startsWith('./') && !src.startsWith('/')) data = url.origin;
    } catch {
      // An unfinished URL: keep 'self'.
    }
    return [
      '# On the page that embeds the widget (Content-Security-Policy):',
      `script-src 'self' ${new URL(this.scriptBase, 'https://iigp.example/').origin}`,
      `connect-src 'self' ${data === "'self'" ? '' : data}`.trim(),
      `img-src 'self' ${data === "'self'" ? 'https:' : data}`,
      "require-trusted-types-for 'script'; trusted-types lit-html iigp 'allow-duplicates'",
      '',
      '# On the data host, when the page is on another site (CORS):',
      `Access-Control-Allow-Origin: ${this.embedder}`,
    ].join('\n');
  }

  private async copy(what: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = `${what} copied to the clipboard.`;
    } catch {
      this.copied = `Could not copy: select the ${what.toLowerCase()} and press Ctrl+C.`;
    }
  }

  private renderField(attr: Attribute) {
    const id = `f-${attr.name}`;
    const value = this.values[attr.name];
    const hint = attr.description ? html`<small id="${id}-hint">${attr.description}</small>` : nothing;
    const type = attr.type?.text ?? '';
    if (type.startsWith('boolean')) {
      return html`<div>
        <label class="check"
          ><input id=${id} type="checkbox" aria-describedby="${id}-hint" .checked=${value === true || (value === undefined && attr.default === 'true')}
            @change=${(e: Event) => this.set(attr.name, (e.target as HTMLInputElement).checked)} />${attr.name}</label
        >${hint}
      </div>`;
    }
    const options = choices(attr);
    if (options) {
      return html`<label
        >${attr.name}
        <select id=${id} aria-describedby="${id}-hint" @change=${(e: Event) => this.set(attr.name, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!value}>(default)</option>
          ${options.map((o) => html`<option ?selected=${value === o}>${o}</option>`)}
        </select>
        ${hint}</label
      >`;
    }
    return html`<label
      >${attr.name}
      <input
        id=${id}
        type=${type.startsWith('number') ? 'number' : 'text'}
        aria-describedby="${id}-hint"
        .value=${typeof value === 'string' ? value : ''}
        @input=${(e: Event) => this.set(attr.name, (e.target as HTMLInputElement).value)}
      />
      ${hint}</label
    >`;
  }

  private renderPreview() {
    const preview = document.createElement(this.tag);
    for (const [name, value] of this.chosen()) preview.setAttribute(name, value === true ? '' : value);
    return preview;
  }

  override render() {
    return html`
      <form @submit=${(e: Event) => e.preventDefault()} aria-label="Widget options">
        <label
          >Widget
          <select id="widget" @change=${(e: Event) => this.setTag((e.target as HTMLSelectElement).value)}>
            ${this.elements.map((e) => html`<option value=${e.tagName} ?selected=${e.tagName === this.tag}>&lt;${e.tagName}&gt;</option>`)}
          </select></label
        >
        ${this.attributesOf(this.tag).map((a) => this.renderField(a))}
        <label
          >Embedding site (for the CORS line)
          <input id="embedder" .value=${this.embedder} @input=${(e: Event) => (this.embedder = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >Script from (leave empty for the CDN)
          <input id="scripts" placeholder="https://cdn.jsdelivr.net/npm/iigp-widgets@${this.version}/dist" .value=${this.scripts}
            @input=${(e: Event) => (this.scripts = (e.target as HTMLInputElement).value)}
        /></label>
      </form>
      <div class="out">
        <section aria-labelledby="preview-h">
          <h2 id="preview-h">Live preview</h2>
          <div class="preview">${this.renderPreview()}</div>
        </section>
        <section aria-labelledby="snippet-h">
          <h2 id="snippet-h">Snippet</h2>
          <textarea id="snippet" readonly aria-labelledby="snippet-h" .value=${this.snippet()}></textarea>
          <button id="copy-snippet" type="button" @click=${() => this.copy('Snippet', this.snippet())}>Copy snippet</button>
        </section>
        <section aria-labelledby="shortcode-h">
          <h3 id="shortcode-h">WordPress shortcode (with the iigp-widgets plugin)</h3>
          <textarea id="shortcode" readonly aria-labelledby="shortcode-h" .value=${this.shortcode()}></textarea>
          <button id="copy-shortcode" type="button" @click=${() => this.copy('Shortcode', this.shortcode())}>Copy shortcode</button>
        </section>
        <section aria-labelledby="host-h">
          <h3 id="host-h">What the sites must send</h3>
          <textarea id="host" readonly aria-labelledby="host-h" .value=${this.hostLines()}></textarea>
          <button id="copy-host" type="button" @click=${() => this.copy('Header lines', this.hostLines())}>Copy header lines</button>
        </section>
        <p role="status" id="copied">${this.copied}</p>
      </div>
    `;
  }
}

if (!customElements.get('iigp-embed-configurator'))
  customElements.define('iigp-embed-configurator', EmbedConfiguratorElement);
