import { posix } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Removes the import waterfall: each chunk imports its whole static closure directly (Rollup's
 * `hoistTransitiveImports`, which Rolldown lacks), so a page that loads dist/recent-posts.js learns
 * every file it needs after one round trip instead of one round trip per level. The imports are
 * appended (module imports are hoisted wherever they stand) so source maps stay exact.
 */
export function flattenImports(): Plugin {
  return {
    name: 'iigp-flatten-imports',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (file: string, seen = new Set<string>()): Set<string> => {
        for (const dep of byFile.get(file)?.imports ?? []) {
          if (!seen.has(dep)) {
            seen.add(dep);
            closure(dep, seen);
          }
        }
        return seen;
      };
      const relative = (from: string, to: string) => {
        const path = posix.relative(posix.dirname(from), to);
        return path.startsWith('.') ? path : `./${path}`;
      };
      for (const chunk of chunks) {
        const direct = new Set(chunk.imports);
        const missing = [...closure(chunk.fileName)].filter((file) => !direct.has(file));
        if (missing.length) chunk.code += `\n${missing.map((file) => `import"${relative(chunk.fileName, file)}";`).join('')}`;
      }
    },
  };
}
