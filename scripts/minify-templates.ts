import type { Plugin } from 'vite';

/**
 * Collapses the whitespace inside Lit's css`` and html`` literals at build time (the bundler's
 * minifier leaves template text alone). Runs of whitespace become one space (none between tags),
 * CSS comments go and spaces around CSS punctuation go; `${…}` expressions are kept as they are,
 * templates nested inside them included, so rendered text is the same.
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

function minifyText(tag: string, text: string): string {
  let out = text.replace(/\s+/g, ' ');
  if (tag === 'css') {
    return out
      .replace(/\/\*[^*]*\*+([^/*][^*]*\*+)*\//g, '')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}');
  }
  out = out.replace(/>\s+</g, '><');
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
    out += parts.map((p) => minifyText(tag, p.text) + (p.expr !== undefined ? `\${${minifySource(p.expr)}}` : '')).join('');
    out += '`';
    last = end + 1;
    TAG.lastIndex = end + 1;
  }
  return out + code.slice(last);
}
