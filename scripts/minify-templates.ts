import type { Plugin } from 'vite';

/**
 * Collapses the whitespace inside Lit's css`` and html`` literals at build time (the bundler's
 * minifier leaves template text alone). Runs of whitespace become one space, CSS comments go and
 * spaces around CSS punctuation go; nothing else changes, so rendered text is the same.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'iigp-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html)`/.test(code)) return null;
      const out = code.replace(/(?<![`\w.])(css|html)`((?:[^`\\]|\\.)*)`/g, (_all, tag: string, body: string) => {
        let text = body.replace(/\s+/g, ' ');
        if (tag === 'css') {
          text = text
            .replace(/\/\*[^*]*\*+([^/*][^*]*\*+)*\//g, '')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            .trim();
        } else {
          text = text.replace(/>\s+</g, '> <');
        }
        return `${tag}\`${text}\``;
      });
      return { code: out, map: null };
    },
  };
}
