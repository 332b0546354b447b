// The shape of src/: no import cycle anywhere, and every module is loaded by some test (the tests mirror
// the layout: each format family of src/formats/ has its test file in test/formats/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { cycles, importsOf, root, sourceGraph, tsFiles } from '../../scripts/module-graph.mjs';

const src = join(root, 'src');
const graph = sourceGraph(src);
const name = (file) => relative(root, file);

/** The modules of src/ that `entries` load, statically or on demand, directly or through others. */
function reached(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { path } of graph.get(file) ?? importsOf(file)) if (graph.has(path)) visit(path);
  };
  entries.forEach(visit);
  return seen;
}

test('the cycle finder finds a cycle, and names it', () => {
  const a = join(root, 'a.ts');
  const b = join(root, 'b.ts');
  const c = join(root, 'c.ts');
  const edge = (path) => ({ path, kind: 'static' });
  const found = cycles(
    new Map([
      [a, [edge(b)]],
      [b, [edge(c)]],
      [c, [edge(b)]],
    ]),
  );
  assert.deepEqual(found, [['b.ts', 'c.ts', 'b.ts']]);
});

test('no import cycle in src/', () => {
  assert.ok(graph.size > 40, `src/ was read (${graph.size} modules)`);
  const found = cycles(graph);
  assert.deepEqual(
    found.map((cycle) => cycle.join(' -> ')),
    [],
    'import cycles in src/',
  );
});

test('every module of src/ is loaded by some test', () => {
  // The Node tests load the snapshot pipeline through its build (dist/node/snapshot.js): its entry, and the
  // DOM the build injects into it.
  const snapshot = ['snapshot.ts', 'dom.ts'].map((file) => join(src, 'snapshot', file));
  const loaded = reached([...tsFiles(join(root, 'test')), ...snapshot]);
  const missed = [...graph.keys()].filter((file) => !loaded.has(file)).map(name);
  assert.deepEqual(missed, [], 'modules no test loads');
});

test('each format family of src/formats/ has a test file of its own in test/formats/, which loads all of it', () => {
  const families = readdirSync(join(src, 'formats'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  assert.ok(families.length >= 6, 'xml, json, wordpress, schema, ical, dates');
  for (const family of families) {
    const testFile = join(root, 'test', 'formats', `${family.name}.test.ts`);
    assert.ok(existsSync(testFile), `${name(testFile)} is missing`);
    const loaded = reached([testFile]);
    const missed = tsFiles(join(src, 'formats', family.name)).filter((file) => !loaded.has(file));
    assert.deepEqual(missed.map(name), [], `modules of ${family.name}/ that ${basename(testFile)} does not load`);
  }
});

test('a module loaded on demand has a file name no other module of src/ has (it becomes dist/chunks/<name>-<hash>.js)', () => {
  const onDemand = new Set(
    [...graph.values()].flatMap((imports) => imports.filter((i) => i.kind === 'dynamic').map((i) => i.path)),
  );
  assert.ok(onDemand.size > 10, 'the format parsers are loaded on demand');
  const clashes = [...onDemand].flatMap((file) =>
    [...graph.keys()]
      .filter((other) => other !== file && basename(other) === basename(file))
      .map((other) => `${name(file)} and ${name(other)}`),
  );
  assert.deepEqual(clashes, []);
});
