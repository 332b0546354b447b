// The import graph of src/, read with the TypeScript parser: which module imports which, statically or
// on demand. vite.config.ts derives its shared chunk from it, and test/node/module-graph.test.mjs checks
// that it has no cycle and that every module is imported by some test.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every .ts file under `dir` (absolute paths, sorted), declarations excluded. */
export function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The relative imports of one file, resolved to absolute .ts paths: `kind` is `static` (import or
 * export … from, including type-only ones) or `dynamic` (import()).
 */
export function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found = [];
  const add = (specifier, kind) => {
    if (!ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
    found.push({ path: resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts')), kind });
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      add(node.moduleSpecifier, 'static');
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0])
      add(node.arguments[0], 'dynamic');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, 'static');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Map of every module of src/ to its imports. */
export function sourceGraph(dir = join(root, 'src')) {
  return new Map(tsFiles(dir).map((file) => [file, importsOf(file)]));
}

/** The import cycles of `graph` (each as a list of paths relative to the repository, first repeated last). */
export function cycles(graph) {
  const found = [];
  const state = new Map(); // undefined: not seen; 1: on the current path; 2: done
  const path = [];
  const visit = (file) => {
    state.set(file, 1);
    path.push(file);
    for (const { path: next } of graph.get(file) ?? []) {
      if (state.get(next) === 1) found.push([...path.slice(path.indexOf(next)), next].map((p) => relative(root, p)));
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 2);
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

/** `entry` and every module it imports statically, directly or not. */
export function staticClosure(graph, entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const { path, kind } of graph.get(entry) ?? []) if (kind === 'static') staticClosure(graph, path, seen);
  return seen;
}

/** The modules that two or more of `entries` import statically: what their separate files would each repeat. */
export function sharedModules(graph, entries) {
  const count = new Map();
  for (const entry of entries)
    for (const file of staticClosure(graph, entry)) count.set(file, (count.get(file) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n > 1).map(([file]) => file));
}
