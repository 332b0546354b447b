// The build under measure: copied first (`npm run build` empties dist/, and a rebuild during the run
// must not mix versions), the static import closure of a file, and the RSS parser chunk.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function snapshotDist(src) {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (!existsSync(join(src, 'recent-posts.js'))) {
      if (attempt === 0) console.log('bench: waiting for dist/ (run `npm run build` first)…');
      execFileSync('sleep', ['2']);
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), 'iigp-bench-dist-'));
    cpSync(src, dir, { recursive: true });
    if (distComplete(dir)) return dir;
    rmSync(dir, { recursive: true, force: true });
    execFileSync('sleep', ['2']);
  }
  throw new Error('bench: dist/ is missing or incomplete; run `npm run build` first');
}

/** Every relative import of every .js file resolves to a file that exists. */
function distComplete(dir) {
  const files = [];
  for (const sub of ['', 'chunks', 'elements']) {
    const d = join(dir, sub);
    if (existsSync(d)) for (const f of readdirSync(d)) if (f.endsWith('.js')) files.push(join(d, f));
  }
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:from\s*|import\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      if (!existsSync(join(dirname(file), spec))) return false;
    }
  }
  return files.some((f) => f.endsWith('recent-posts.js'));
}

/** The file and every chunk it imports statically (what a page downloads before the data). */
export function closure(dir, entry, seen = new Set()) {
  const file = join(dir, entry);
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    closure(dirname(file), spec, seen);
  }
  return seen;
}

/** The on-demand chunk that holds the RSS parser (`parseFeed`), by its export. */
export function feedChunkOf(dist) {
  const chunk = readdirSync(join(dist, 'chunks')).find(
    (f) => f.endsWith('.js') && /export\s*\{[^}]*\bas parseFeed\b/.test(readFileSync(join(dist, 'chunks', f), 'utf8')),
  );
  if (!chunk) throw new Error('bench: no chunk in dist/chunks exports parseFeed');
  return chunk;
}
