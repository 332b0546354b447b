#!/usr/bin/env node
// `npm run build`, first step: the files pages load, each built on its own and needing no other file.
//
// - dist/iigp-widgets.js and dist/<widget>.js each carry Lit, the base and their widgets: a page learns
//   everything it needs from the one file it loads, with no second round trip for a shared chunk.
// - Every module the source imports on demand (a format parser, the .ics writer) becomes
//   dist/chunks/<name>-<hash>.js, self-contained as well: it imports nothing from the file that loaded
//   it, so a script URL with `?ver=` (as WordPress writes it) never loads a second copy of the widget.
//
// Vite (Rolldown) cannot give one module to several self-contained files in one build, so each file is
// its own build. On-demand imports become externals with a placeholder hash of the final length, filled
// in once every file's content is known (the source maps stay exact).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const HASH = '########';
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const PLACEHOLDER = /(["'`])\.\/(chunks\/)?([\w-]+)-########\.js\1/g;

// Every widget folder src/<name>/ with a define.ts becomes dist/<name>.js.
const widgets = readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() &&
      existsSync(join(root, 'src', entry.name, 'define.ts')) &&
      existsSync(join(root, 'src', entry.name, `${entry.name}.ts`)),
  )
  .map((entry) => entry.name);
const pages = new Map([
  ['iigp-widgets', join(root, 'src/iigp-widgets.ts')],
  ...widgets.map((name) => [name, join(root, 'src', name, 'define.ts')]),
]);

/** One self-contained file: its code, its source map, and the modules it imports on demand. */
async function bundle(name, entry, page) {
  const lazy = new Set();
  const result = await build({
    configFile: join(root, 'vite.config.ts'),
    mode: 'page',
    logLevel: 'warn',
    plugins: [
      {
        name: 'iigp-on-demand-files',
        enforce: 'pre',
        resolveId(source, importer, options) {
          if (options?.kind !== 'dynamic-import' || !importer || !source.startsWith('.')) return null;
          const target = resolve(dirname(importer), source).replace(/\.js$/, '.ts');
          if (!target.startsWith(join(root, 'src'))) return null;
          lazy.add(target);
          return { id: `./${page ? 'chunks/' : ''}${basename(target, '.ts')}-${HASH}.js`, external: true };
        },
      },
    ],
    build: {
      write: false,
      lib: { entry: { [name]: entry }, formats: ['es'] },
      rollupOptions: { output: { entryFileNames: page ? '[name].js' : 'chunks/[name].js' } },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = output.filter((item) => item.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`build: ${name} became ${chunks.length} files; it must be one`);
  const map = output.find((item) => item.type === 'asset' && item.fileName.endsWith('.map'));
  return { name, page, code: chunks[0].code, map: map && JSON.parse(String(map.source)), lazy };
}

const started = Date.now();
const built = new Map();
const byName = new Map();
for (const [name, entry] of pages) built.set(entry, await bundle(name, entry, true));
// The on-demand files, and theirs in turn (a parser may load another on demand).
for (let queue = [...built.values()].flatMap((file) => [...file.lazy]); queue.length;) {
  const entry = queue.shift();
  if (built.has(entry)) continue;
  const name = basename(entry, '.ts');
  if (byName.has(name))
    throw new Error(`build: two on-demand modules are named ${name}: ${byName.get(name)} and ${entry}`);
  byName.set(name, entry);
  const file = await bundle(name, entry, false);
  built.set(entry, file);
  queue.push(...file.lazy);
}

// Final names: each on-demand file is named by a hash of its content, which includes the names of the
// files it loads in turn.
function finish(file, seen = new Set()) {
  if (file.final) return file;
  if (seen.has(file)) throw new Error(`build: on-demand modules load each other in a cycle (${file.name})`);
  seen.add(file);
  file.final = file.code.replace(PLACEHOLDER, (_, quote, folder = '', name) => {
    const dep = finish(built.get(byName.get(name)), seen);
    return `${quote}./${folder}${dep.fileName}${quote}`;
  });
  file.fileName = file.page
    ? `${file.name}.js`
    : `${file.name}-${createHash('sha256').update(file.final).digest('hex').slice(0, 8)}.js`;
  return file;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'chunks'), { recursive: true });
for (const file of built.values()) {
  finish(file);
  const path = join(dist, file.page ? '' : 'chunks', file.fileName);
  // Chromium's compile hint: every function of these files runs as soon as they load, so V8 compiles
  // them all while the file downloads, off the main thread, instead of one by one on first call in the
  // page's tasks (about 18 ms of main-thread time for one widget on the bench machine, 50 ms for the
  // demo page). It is one line, so the source map moves down one line.
  const code =
    COMPILE_HINT + file.final.replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${file.fileName}.map\n`);
  writeFileSync(path, code);
  if (file.map)
    writeFileSync(
      `${path}.map`,
      JSON.stringify({ ...file.map, file: file.fileName, mappings: `;${file.map.mappings}` }),
    );
}
console.log(
  `build: ${pages.size} page files and ${built.size - pages.size} on-demand files in ${relative(root, dist)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
