// The WordPress plugin's list of elements and attributes (shortcodes, KSES) is derived from
// custom-elements.json by scripts/build-plugin.mjs, never kept by hand. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const plugin = join(root, 'wordpress/iigp-widgets');

test('elements.php lists every element of custom-elements.json with every attribute an author may set', () => {
  const built = join(plugin, 'elements.php');
  assert.ok(existsSync(built), 'wordpress/iigp-widgets/elements.php is missing: run `npm run build` first');
  const listed = JSON.parse(execFileSync('php', ['-r', `echo json_encode(include '${built}');`], { encoding: 'utf8' }));
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const elements = manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((decl) => decl.customElement && decl.tagName);
  assert.deepEqual(Object.keys(listed).sort(), elements.map((el) => el.tagName).sort());
  for (const el of elements) {
    const expected = el.attributes.map((a) => a.name).filter((name) => name !== 'state');
    assert.deepEqual(Object.keys(listed[el.tagName]).sort(), expected.sort(), `attributes of <${el.tagName}>`);
    assert.ok('loading' in listed[el.tagName], `<${el.tagName}> loading="lazy" is allowed`);
  }
  assert.equal(listed['iigp-recent-posts']['show-date'], 'boolean-on');
  assert.equal(listed['iigp-recent-posts']['show-image'], 'boolean');
});

test('the plugin keeps no list of its own', () => {
  const php = readFileSync(join(plugin, 'iigp-widgets.php'), 'utf8');
  for (const attribute of ["'excerpt-words'", "'show-description'", "'group-by'", "'bio-words'"]) {
    assert.ok(!php.includes(attribute), `iigp-widgets.php names ${attribute}: take it from elements.php`);
  }
});
