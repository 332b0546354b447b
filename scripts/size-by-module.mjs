#!/usr/bin/env node
// `node scripts/size-by-module.mjs dist/workshop-list.js`: where a built file's bytes come from, per
// source module, through its source map. Prints the minified bytes each module contributes and those
// bytes gzipped on their own (a module's share of the file's gzip size is roughly that, a little less).
// For finding bytes when a file nears its budget; `npm run size` is the measure that counts.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/size-by-module.mjs dist/<file>.js (after npm run build)');
  process.exit(1);
}
const code = readFileSync(file, 'utf8');
const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
const text = new Map();
code.split('\n').forEach((line, index) => {
  for (let column = 0; column < line.length; column++) {
    const source = originalPositionFor(map, { line: index + 1, column }).source ?? '(no source)';
    text.set(source, (text.get(source) ?? '') + line[column]);
  }
});
const gzip = (value) => gzipSync(value, { level: 9 }).length;
console.log(`${file}: ${code.length} B minified, ${gzip(code)} B gzip -9`);
console.log('minified   gzip alone   module');
const rows = [...text].map(([source, bytes]) => [
  source.replace(/^.*?node_modules\//, '').replace(/^.*?\/src\//, 'src/'),
  bytes,
]);
for (const [source, bytes] of rows.sort((a, b) => b[1].length - a[1].length))
  console.log(`${String(bytes.length).padStart(8)} ${String(gzip(bytes)).padStart(12)}   ${source}`);
