// Prints the bytes a user downloads for each file in dist/ they may load (the file and every chunk it
// imports, statically or on demand), gzip -9 and brotli, and fails when a file is over its budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = 'dist';
const KB = 1024;
// The budget (README, Performance): 12 KB per single-widget file, 20 KB for the all-in-one; the aim is 10 / 16 KB.
const singleBudget = 12 * KB;
const budgets = { 'iigp-widgets.js': 20 * KB };
const aims = { 'iigp-widgets.js': 16 * KB };
const singleAim = 10 * KB;

function imports(file, seen, lazy) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const staticRe = /(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
  const dynamicRe = /import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;
  for (const [, spec] of code.matchAll(staticRe)) imports(join(dirname(file), spec), seen, lazy);
  for (const [, spec] of code.matchAll(dynamicRe)) lazy.add(join(dirname(file), spec));
}

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const fmt = (n) => `${(n / KB).toFixed(2)} KB`.padStart(10);

if (!existsSync(dist)) {
  console.error('size: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const entries = readdirSync(dist).filter((f) => f.endsWith('.js'));
let failed = 0;
console.log(
  `${'file (with everything it imports)'.padEnd(40)}${'raw'.padStart(10)}${'gzip -9'.padStart(10)}${'brotli'.padStart(10)}  budget (gzip)`,
);
for (const entry of entries.sort()) {
  const seen = new Set();
  const lazy = new Set();
  imports(join(dist, entry), seen, lazy);
  const files = [...seen];
  // Compressed one by one, as a browser downloads them.
  const raw = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const gz = files.reduce((n, f) => n + gzip(readFileSync(f)), 0);
  const br = files.reduce((n, f) => n + brotli(readFileSync(f)), 0);
  const budget = budgets[entry] ?? singleBudget;
  const ok = gz <= budget;
  if (!ok) failed++;
  const aim = aims[entry] ?? singleAim;
  const note = ` (aim ${aim / KB} KB: ${gz > aim ? 'not yet' : 'met'})`;
  console.log(`${entry.padEnd(40)}${fmt(raw)}${fmt(gz)}${fmt(br)}  ${ok ? 'ok' : 'OVER'} ≤ ${budget / KB} KB${note}`);
  // On-demand files, and theirs in turn (the Atom reader behind the feed parser), each with what it adds.
  const listed = new Set(seen);
  const list = (files, depth) => {
    for (const file of files) {
      if (listed.has(file)) continue;
      const extra = new Set();
      const further = new Set();
      imports(file, extra, further);
      const only = [...extra].filter((f) => !listed.has(f));
      only.forEach((f) => listed.add(f));
      const lgz = only.reduce((n, f) => n + gzip(readFileSync(f)), 0);
      console.log(`${'  '.repeat(depth)}+ ${relative(dist, file).padEnd(40 - 2 * depth)}${''.padStart(10)}${fmt(lgz)}`);
      list(further, depth + 1);
    }
  };
  list(lazy, 1);
}
if (failed) {
  console.error(`size: ${failed} file(s) over budget.`);
  process.exit(1);
}
