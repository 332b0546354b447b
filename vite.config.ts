import { cpSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { flattenImports } from './scripts/flatten-imports.ts';
import { minifyTemplates } from './scripts/minify-templates.ts';

// Every widget folder src/<name>/ with a define.ts becomes dist/<name>.js (registers the element)
// and dist/elements/<name>.js (the class alone); dist/iigp-widgets.js registers them all.
const widgets = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/define.ts`) && existsSync(`src/${entry.name}/${entry.name}.ts`))
  .map((entry) => entry.name);

const entries: Record<string, string> = { 'iigp-widgets': resolve('src/iigp-widgets.ts') };
for (const name of widgets) entries[name] = resolve(`src/${name}/define.ts`);
// The class-only files are built in a second pass (`--mode elements`), so that they do not split the
// registering files into more chunks than a page needs.
const elementEntries = Object.fromEntries(widgets.map((name) => [name, resolve(`src/${name}/${name}.ts`)]));

/** The demo server answers like WordPress: feeds (XML) carry no CORS header, JSON does. */
function wordpressLikeCors(): Plugin {
  return {
    name: 'iigp-wordpress-like-cors',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (/\.xml(\?|$)/.test(request.url ?? '')) {
          response.removeHeader('Access-Control-Allow-Origin');
          const setHeader = response.setHeader.bind(response);
          response.setHeader = (name, value) => (/^access-control-allow-origin$/i.test(name) ? response : setHeader(name, value));
        }
        next();
      });
    },
  };
}

const demoPages = ['index', 'configurator', 'allied'];

export default defineConfig(({ command, mode }) =>
  command === 'serve'
    ? {
        // `npm start`: the demo pages, served from demo/ with the sources compiled on the fly.
        root: 'demo',
        plugins: [wordpressLikeCors()],
        server: { host: '127.0.0.1', port: 5173, strictPort: false },
      }
    : mode === 'demo'
      ? {
          // `npm run build:demo`: the demo and the configurator as static files in dist-demo/.
          root: 'demo',
          base: './',
          // The sample data is fetched at run time by the widgets: copy it as it is.
          plugins: [{ name: 'iigp-copy-demo-data', closeBundle: () => cpSync('demo/data', 'dist-demo/data', { recursive: true }) }],
          build: {
            outDir: '../dist-demo',
            emptyOutDir: true,
            rollupOptions: { input: Object.fromEntries(demoPages.map((p) => [p, resolve(`demo/${p}.html`)])) },
          },
        }
      : library(mode === 'elements'),
);

/**
 * The library build. The default pass writes the files pages load: dist/iigp-widgets.js and
 * dist/<widget>.js (each registers), sharing Lit and the base through relative chunks. The
 * `elements` pass writes dist/elements/<widget>.js, the classes alone, for bundler users.
 */
function library(elementsPass: boolean): UserConfig {
  return {
    plugins: [minifyTemplates(), flattenImports()],
    build: {
      target: 'es2021',
      outDir: elementsPass ? 'dist/elements' : 'dist',
      emptyOutDir: true,
      minify: true,
      sourcemap: true,
      lib: { entry: elementsPass ? elementEntries : entries, formats: ['es'] },
      rollupOptions: {
        // Lets a widget's class live in its own entry file (dist/recent-posts.js) rather than in a
        // chunk behind it: one file fewer on the critical path.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Relative chunks, Lit included: any static host or CDN can serve dist/ as it is.
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Vite keeps whitespace in library builds for bundlers; these files are served as they are.
          minify: true,
          // What every widget needs (Lit, the base, the loader) in one chunk: each extra file costs a
          // request and compresses worse on its own.
          codeSplitting: {
            groups: [
              {
                name: 'shared',
                test: /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/|\/src\/shared\/(widget-element|loader|styles|define|attributes|format|url)\.ts|\/src\/formats\/(detect|format-error)\.ts/,
              },
            ],
          },
        },
      },
    },
  };
}
