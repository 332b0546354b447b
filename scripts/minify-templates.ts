import type { Plugin } from 'vite';

/**
 * Collapses the whitespace inside Lit's css`` and html`` literals at build time (the bundler's
 * minifier leaves template text alone). Runs of whitespace become one space (none between tags),
 * CSS comments go and spaces around CSS punctuation go; `${…}` expressions are kept as they are,
 * templates nested inside them included, so rendered text is the same. Quotes go where neither
 * needs them: around a plain static attribute value inside a tag (`part="item"`), and around an
 * identifier in a CSS attribute selector (`[part~='title']`); so do the zeros before CSS decimals.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'iigp-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html)`/.test(code)) return null;
      return { code: minifySource(code), map: null };
    },
  };
}

const TAG = /(?<![`\w.])(css|html)`/g;

function minifyCss(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\/\*[^*]*\*+([^/*][^*]*\*+)*\//g, '')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/\s+!important/g, '!important')
    .replace(/([\s:,(])0\.(?=\d)/g, '$1.')
    .replace(/\[([\w-]+[~|^$*]?=)(['"])(-?[_a-zA-Z][\w-]*)\2\]/g, '[$1$3]');
}

/**
 * HTML text, one part of a template: `state` says whether the part starts inside a tag (or in a
 * quoted attribute value, or a comment) and is updated for the next part, since `${…}` can stand
 * anywhere. Whitespace between tags goes; so do the quotes of static attribute values that need
 * none (no whitespace, quote, `=`, `<`, `>`, backtick or backslash; not followed by `/`).
 */
function minifyHtml(text: string, state: { in: string }): string {
  text = text.replace(/\s+/g, ' ').replace(/>\s+</g, '><');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (state.in === 'text') {
      if (text.startsWith('<!--', i)) state.in = 'comment';
      else if (ch === '<' && /[a-zA-Z/]/.test(text[i + 1] ?? '')) state.in = 'tag';
    } else if (state.in === 'comment') {
      if (text.startsWith('-->', i)) {
        out += '-->';
        i += 2;
        state.in = 'text';
        continue;
      }
    } else if (state.in === 'tag') {
      const plain = ch === '=' ? /^="([^\s"'=<>`\\]+)"(?=[\s>])/.exec(text.slice(i)) : null;
      if (plain) {
        out += `=${plain[1]}`;
        i += plain[0].length - 1;
        continue;
      }
      if (ch === '"' || ch === "'") state.in = ch;
      else if (ch === '>') state.in = 'text';
    } else if (ch === state.in) state.in = 'tag';
    out += ch;
  }
  return out;
}

/** Finds the end of a `${…}` expression starting after `${` at `i`; returns the index of its `}`. */
function expressionEnd(code: string, i: number): number {
  let depth = 0;
  while (i < code.length) {
    const ch = code[i];
    if (ch === '`') i = templateEnd(code, i + 1).end;
    else if (ch === '"' || ch === "'") {
      const quote = ch;
      i++;
      while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
    } else if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  return i;
}

/** Walks a template literal body starting at `i` (after the backtick); returns its parts and end. */
function templateEnd(code: string, i: number): { end: number; parts: { text: string; expr?: string }[] } {
  const parts: { text: string; expr?: string }[] = [];
  let text = '';
  while (i < code.length) {
    const ch = code[i];
    if (ch === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (ch === '`') {
      parts.push({ text });
      return { end: i, parts };
    } else if (ch === '$' && code[i + 1] === '{') {
      const close = expressionEnd(code, i + 2);
      parts.push({ text, expr: code.slice(i + 2, close) });
      text = '';
      i = close + 1;
    } else {
      text += ch;
      i++;
    }
  }
  parts.push({ text });
  return { end: i, parts };
}

export function minifySource(code: string): string {
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(code); match; match = TAG.exec(code)) {
    const tag = match[1];
    const start = match.index + match[0].length;
    const { end, parts } = templateEnd(code, start);
    out += code.slice(last, start);
    const state = { in: 'text' };
    const texts = parts.map((p) => (tag === 'css' ? minifyCss(p.text) : minifyHtml(p.text, state)));
    if (tag === 'css') {
      texts[0] = texts[0].trimStart();
      texts[texts.length - 1] = texts[texts.length - 1].trimEnd();
    }
    out += parts.map((p, i) => texts[i] + (p.expr !== undefined ? `\${${minifySource(p.expr)}}` : '')).join('');
    out += '`';
    last = end + 1;
    TAG.lastIndex = end + 1;
  }
  return out + code.slice(last);
}
