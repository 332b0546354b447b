#!/usr/bin/env node
// `npm run build`, the Node part: dist/node/snapshot.js, the snapshot command's pipeline (src/snapshot/),
// which bin/iigp-widgets.mjs runs. One file for Node 20, with the widgets' own format modules and the
// DOM they need (src/snapshot/dom.ts: @xmldom/xmldom and parse5, bundled, so the package needs no runtime
// dependency for it and a snapshot does not change with a dependency's update). Also used by the Node
// tests, which build in memory (`write: false`) so that they test the source, not an old dist/.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTFILE = join(root, 'dist', 'node', 'snapshot.js');

/** The esbuild options of the Node entry; `write: false` returns the code instead of writing it. */
export function options({ write = true } = {}) {
  return {
    entryPoints: [join(root, 'src', 'snapshot', 'snapshot.ts')],
    // The browser's DOMParser, XMLSerializer and document, wherever the format modules name them.
    inject: [join(root, 'src', 'snapshot', 'dom.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: OUTFILE,
    write,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  };
}

/** The licence of every package bundled in, as their MIT and BSD licences ask of a copy. */
function licences(metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    // The innermost node_modules names the package (a dependency may be nested in its user's folder).
    const at = input.lastIndexOf('node_modules/');
    const m = at >= 0 && /^((?:@[^/]+\/)?[^/]+)\//.exec(input.slice(at + 'node_modules/'.length));
    if (m) packages.add(input.slice(0, at) + 'node_modules/' + m[1]);
  }
  return [...packages]
    .sort()
    .map((path) => {
      const folder = resolve(root, path);
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const file = readdirSync(folder).find((f) => /^licen[sc]e/i.test(f));
      const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const text =
        file && existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8').trim() : '(no licence file)';
      return `${name} ${version}\n\n${text.replace(/\*\//g, '* /')}`;
    })
    .join('\n\n---\n\n');
}

/** The built code as text, with the licences of what it bundles (also for the tests). */
export async function buildInMemory() {
  const result = await esbuild(options({ write: false }));
  return `${result.outputFiles[0].text}\n/*\nBundled packages and their licences:\n\n${licences(result.metafile)}\n*/\n`;
}

/** Writes dist/node/snapshot.js; returns its size in bytes. */
export async function build() {
  const code = await buildInMemory();
  mkdirSync(dirname(OUTFILE), { recursive: true });
  writeFileSync(OUTFILE, code);
  return code.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`dist/node/snapshot.js: ${((await build()) / 1024).toFixed(1)} KB`);
}
