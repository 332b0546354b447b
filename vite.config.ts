import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.ts';

// Every widget folder src/<name>/ with a define.ts becomes dist/<name>.js (registers the element)
// and dist/elements/<name>.js (the class alone); dist/iigp-widgets.js registers them all.
const widgets = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/define.ts`) && existsSync(`src/${entry.name}/${entry.name}.ts`))
  .map((entry) => entry.name);

const entries: Record<string, string> = { 'iigp-widgets': resolve('src/iigp-widgets.ts') };
for (const name of widgets) {
  entries[name] = resolve(`src/${name}/define.ts`);
  entries[`elements/${name}`] = resolve(`src/${name}/${name}.ts`);
}

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        // `npm start`: the demo page, served from demo/ with the sources compiled on the fly.
        root: 'demo',
        server: { host: '127.0.0.1', port: 5173, strictPort: false },
      }
    : {
        plugins: [minifyTemplates()],
        build: {
          target: 'es2021',
          outDir: 'dist',
          emptyOutDir: true,
          minify: true,
          sourcemap: true,
          lib: { entry: entries, formats: ['es'] },
          rollupOptions: {
            output: {
              // Relative chunks, Lit included: any static host or CDN can serve dist/ as it is.
              entryFileNames: '[name].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
              // Vite keeps whitespace in library builds for bundlers; these files are served as they are.
              minify: true,
            },
          },
        },
      },
);
