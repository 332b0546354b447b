// The published package: `npm pack` holds only what users need, every export resolves for a bundler
// and for TypeScript, and the editor data lists every element. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('npm pack contains dist, types, manifest, editor data and docs, and nothing else', () => {
  const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root));
  const paths = files.map((f) => f.path);
  for (const needed of [
    'dist/iigp-widgets.js',
    'bin/iigp-widgets.mjs',
    'dist/node/snapshot.js',
    'custom-elements.json',
    'vscode.html-custom-data.json',
    'web-types.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'package.json',
  ]) {
    assert.ok(paths.includes(needed), `${needed} is missing from the package`);
  }
  const stray = paths.filter(
    (p) =>
      !/^(dist\/|bin\/|custom-elements\.json$|vscode\.html-custom-data\.json$|web-types\.json$|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/.test(
        p,
      ),
  );
  assert.deepEqual(stray, [], 'files users do not need are packed');
  assert.ok(
    !paths.some((p) => p.startsWith('dist/') && p.endsWith('.zip')),
    'the WordPress plugin zip is not part of the npm package',
  );
});

test('every export of the packed tarball resolves for a bundler and for TypeScript', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'iigp-pack-'));
  try {
    const [{ filename }] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], root));
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    npm(
      ['install', join(scratch, filename), '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
      scratch,
    );
    const specifiers = Object.keys(pkg.exports)
      .filter((key) => key.endsWith('.js') || key === '.')
      .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
    assert.ok(specifiers.length >= 9, 'the all-in-one, and each widget with and without registration');
    const entry = specifiers.map((s, i) => `import * as m${i} from '${s}'; console.log(m${i});`).join('\n');
    writeFileSync(join(scratch, 'entry.js'), entry);
    const result = await build({
      entryPoints: [join(scratch, 'entry.js')],
      bundle: true,
      write: false,
      format: 'esm',
      absWorkingDir: scratch,
      logLevel: 'silent',
    });
    assert.equal(result.errors.length, 0);
    // Class-only imports must not register anything; the define files must.
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (typeof value === 'string') continue;
      const installed = join(scratch, 'node_modules', pkg.name);
      assert.ok(existsSync(join(installed, value.import)), `${key}: ${value.import} is not in the package`);
      assert.ok(existsSync(join(installed, value.types)), `${key}: ${value.types} is not in the package`);
    }
    writeFileSync(
      join(scratch, 'check.ts'),
      `import { RecentPostsElement } from '${pkg.name}/recent-posts/element.js';\nimport '${pkg.name}';\nconst el: RecentPostsElement = document.createElement('iigp-recent-posts');\nel.limit = 3;\n`,
    );
    execFileSync(
      join(root, 'node_modules/.bin/tsc'),
      [
        '--noEmit',
        '--strict',
        '--module',
        'esnext',
        '--moduleResolution',
        'bundler',
        '--target',
        'es2021',
        '--lib',
        'es2022,dom',
        '--skipLibCheck',
        'check.ts',
      ],
      { cwd: scratch, stdio: 'pipe' },
    );
    // The installed command runs with the package's runtime dependencies only (its DOM is bundled).
    const out = join(scratch, 'posts.json');
    const said = execFileSync(
      join(scratch, 'node_modules', '.bin', 'iigp-widgets'),
      ['snapshot', join(root, 'demo', 'data', 'posts.xml'), '--out', out],
      { cwd: scratch, encoding: 'utf8' },
    );
    assert.match(said, /^Wrote \d+ posts \(JSON Feed 1\.1\)/);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, 'https://jsonfeed.org/version/1.1');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('editor data lists every element of the manifest with its attributes', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
  const vscode = JSON.parse(readFileSync(join(root, 'vscode.html-custom-data.json'), 'utf8'));
  const webTypes = JSON.parse(readFileSync(join(root, 'web-types.json'), 'utf8'));
  assert.deepEqual(vscode.tags.map((t) => t.name).sort(), tags.map((t) => t.tagName).sort());
  assert.deepEqual(webTypes.contributions.html.elements.map((t) => t.name).sort(), tags.map((t) => t.tagName).sort());
  const posts = vscode.tags.find((t) => t.name === 'iigp-recent-posts');
  assert.deepEqual(
    posts.attributes.find((a) => a.name === 'layout').values.map((v) => v.name),
    ['list', 'grid'],
  );
  assert.equal(pkg['web-types'], './web-types.json');
});

test('each file a page loads stands alone: no static imports, and every on-demand import is a file in dist/chunks/', () => {
  const dist = join(root, 'dist');
  const pages = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
  assert.ok(pages.includes('iigp-widgets.js') && pages.includes('recent-posts.js'), 'the page files are built');
  const loaded = new Set();
  for (const [folder, file] of [...pages.map((f) => ['', f]), ...chunks.map((f) => ['chunks', f])]) {
    const code = readFileSync(join(dist, folder, file), 'utf8');
    assert.doesNotMatch(code, /(^|[;}])\s*import\s*[\w{*"'`]/, `${folder}/${file} imports another file statically`);
    for (const [, spec] of code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
      const target = join(dist, folder, spec);
      assert.ok(existsSync(target), `${folder}/${file} loads ${spec}, which is missing`);
      assert.match(
        spec,
        folder ? /^\.\/[\w-]+-[0-9a-f]{8}\.js$/ : /^\.\/chunks\/[\w-]+-[0-9a-f]{8}\.js$/,
        `${spec}: a hashed file in chunks/`,
      );
      loaded.add(target);
    }
  }
  const unused = chunks.filter((f) => !loaded.has(join(dist, 'chunks', f)));
  assert.deepEqual(unused, [], 'every file in dist/chunks/ is loaded by something');
});

test('each file a page loads starts with the compile hint, and its source map still points at the source', async () => {
  const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
  const dist = join(root, 'dist');
  const files = [
    ...readdirSync(dist).filter((f) => f.endsWith('.js')),
    ...readdirSync(join(dist, 'chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `chunks/${f}`),
  ];
  for (const file of files) {
    const code = readFileSync(join(dist, file), 'utf8');
    assert.ok(code.startsWith('//# allFunctionsCalledOnLoad\n'), `${file} starts with the compile hint`);
  }
  // A string that stands once in the source: the map must lead back to its line, the element's tagName.
  const code = readFileSync(join(dist, 'recent-posts.js'), 'utf8');
  const map = new TraceMap(readFileSync(join(dist, 'recent-posts.js.map'), 'utf8'));
  const lines = code.split('\n');
  const line = lines.findIndex((l) => l.includes('`iigp-recent-posts`'));
  assert.ok(line > 0, 'the element name is in the built file');
  const position = originalPositionFor(map, { line: line + 1, column: lines[line].indexOf('`iigp-recent-posts`') });
  assert.match(position.source ?? '', /src\/recent-posts\/recent-posts\.ts$/);
  const source = readFileSync(join(root, 'src/recent-posts/recent-posts.ts'), 'utf8').split('\n');
  assert.match(source[position.line - 1], /export const tagName = 'iigp-recent-posts'/);
});
