import { cpSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.ts';
import { sharedModules, sourceGraph } from './scripts/module-graph.mjs';

// The class-only files, dist/elements/<widget>.js, for bundler users (`--mode elements`). The files pages
// load are built one by one by scripts/build.mjs, in `--mode page`.
const widgets = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/${entry.name}.ts`))
  .map((entry) => entry.name);
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
          response.setHeader = (name, value) =>
            /^access-control-allow-origin$/i.test(name) ? response : setHeader(name, value);
        }
        next();
      });
    },
  };
}

// Every page of demo/ (index, configurator, allied …).
const demoPages = readdirSync('demo')
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.slice(0, -'.html'.length));

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
          plugins: [
            {
              name: 'iigp-copy-demo-data',
              closeBundle: () => cpSync('demo/data', 'dist-demo/data', { recursive: true }),
            },
          ],
          build: {
            outDir: '../dist-demo',
            emptyOutDir: true,
            rollupOptions: { input: Object.fromEntries(demoPages.map((p) => [p, resolve(`demo/${p}.html`)])) },
          },
        }
      : mode === 'page'
        ? page()
        : mode === 'elements'
          ? elements()
          : {
              plugins: [
                {
                  name: 'iigp-use-npm-run-build',
                  config() {
                    throw new Error('Run `npm run build`: scripts/build.mjs builds each file of dist/ on its own.');
                  },
                },
              ],
            },
);

// Terser after Rolldown's own pass: about 1% fewer bytes (gzip) than Rolldown's minifier alone.
const minified = {
  target: 'es2021',
  minify: 'terser',
  terserOptions: { module: true, compress: { passes: 3, unsafe_arrows: true, ecma: 2020 } },
  sourcemap: true,
} as const;

/** One file a page loads; scripts/build.mjs gives the entry and makes every on-demand import its own file. */
function page(): UserConfig {
  return {
    plugins: [minifyTemplates()],
    build: {
      ...minified,
      outDir: 'dist',
      rollupOptions: {
        // The widget class is exported from its file (dist/recent-posts.js) for scripts on the page.
        preserveEntrySignatures: 'allow-extension',
        // Vite keeps whitespace in library builds for bundlers; these files are served as they are. The
        // same goes for the minifier's /* @__PURE__ */ marks: they help a bundler, never a browser.
        output: { minify: true, comments: { annotation: false } },
      },
    },
  };
}

/** dist/elements/<widget>.js, the classes alone for bundlers, sharing one chunk. */
function elements(): UserConfig {
  // Lit and the modules of src/ that two or more widget classes import statically: one chunk they share.
  const sharedByWidgets = sharedModules(sourceGraph(), Object.values(elementEntries));
  const inSharedChunk = (id: string) =>
    /node_modules\/(lit-html|@lit\/reactive-element)\//.test(id) || sharedByWidgets.has(id.split('?')[0]);
  return {
    plugins: [minifyTemplates()],
    build: {
      ...minified,
      outDir: 'dist/elements',
      emptyOutDir: true,
      lib: { entry: elementEntries, formats: ['es'] },
      rollupOptions: {
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          minify: true,
          codeSplitting: {
            groups: [
              {
                name: 'shared',
                test: inSharedChunk,
              },
            ],
          },
        },
      },
    },
  };
}
