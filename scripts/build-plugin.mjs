#!/usr/bin/env node
// Builds the WordPress plugin from the library build (run after `npm run build`):
//   1. copies dist/*.js, dist/chunks/*.js and dist/elements/*.js into wordpress/iigp-widgets/assets/
//      (source maps and type declarations stay out of the plugin);
//   2. writes wordpress/iigp-widgets/elements.php: every iigp-* element of custom-elements.json with its
//      attributes (for the shortcodes and KSES);
//      and wordpress/iigp-widgets/blocks/<name>/block.json: one dynamic block per element, its attributes
//      the element's in camelCase (for the block editor and the server render);
//   3. writes dist/iigp-widgets-wordpress.zip (folder iigp-widgets/ inside, as WordPress expects), with
//      the small ZIP writer of scripts/zip.mjs.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entriesOf, zip } from './zip.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const plugin = join(root, 'wordpress', 'iigp-widgets');
const assets = join(plugin, 'assets');
const zipPath = join(dist, 'iigp-widgets-wordpress.zip');

if (!existsSync(join(dist, 'iigp-widgets.js'))) {
  console.error('build-plugin: dist/iigp-widgets.js is missing; run `npm run build` first');
  process.exit(1);
}

// 1. Assets.
rmSync(assets, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });
let copied = 0;
for (const sub of ['', 'chunks', 'elements']) {
  const from = join(dist, sub);
  if (!existsSync(from)) continue;
  for (const name of readdirSync(from)) {
    if (!name.endsWith('.js') || !statSync(join(from, name)).isFile()) continue;
    mkdirSync(join(assets, sub), { recursive: true });
    cpSync(join(from, name), join(assets, sub, name));
    copied++;
  }
}

// 2. elements.php from custom-elements.json.
const php = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const elements = {};
const manifestPath = join(root, 'custom-elements.json');
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.tagName?.startsWith('iigp-')) continue;
      const attributes = (elements[decl.tagName] ??= {});
      for (const attr of decl.attributes ?? []) {
        if (!/^[a-z][a-z0-9-]*$/.test(attr.name) || attr.name === 'state' || attr.name.startsWith('on')) continue;
        const member = (decl.members ?? []).find((m) => m.name === attr.fieldName);
        const boolean = /^boolean\b/.test(attr.type?.text ?? '');
        attributes[attr.name] = boolean
          ? String(member?.default ?? attr.default) === 'true'
            ? 'boolean-on'
            : 'boolean'
          : 'text';
      }
    }
  }
}
const lines = Object.entries(elements).map(
  ([tag, attrs]) =>
    `  ${php(tag)} => [${Object.entries(attrs)
      .map(([n, t]) => `${php(n)} => ${php(t)}`)
      .join(', ')}],`,
);
writeFileSync(
  join(plugin, 'elements.php'),
  `<?php\n// Written by scripts/build-plugin.mjs from custom-elements.json: element => [attribute => kind].\nreturn [\n${lines.join('\n')}\n];\n`,
);

// 2b. One block per element: wordpress/iigp-widgets/blocks/<name>/block.json, its attributes the element's
// attributes in camelCase with their types, defaults and (for unions of strings) their values, so a new
// element attribute needs no PHP or editor change. `fallback` is the author's fallback content.
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const blockTitles = {
  'recent-posts': 'Recent posts',
  'workshop-list': 'Workshop list',
  'faculty-card': 'Faculty card',
  'newsletter-archive': 'Newsletter archive',
};
const blockIcons = {
  'recent-posts': 'excerpt-view',
  'workshop-list': 'calendar-alt',
  'faculty-card': 'id',
  'newsletter-archive': 'media-document',
};
rmSync(join(plugin, 'blocks'), { recursive: true, force: true });
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.tagName?.startsWith('iigp-') || !elements[decl.tagName]) continue;
      const name = decl.tagName.slice('iigp-'.length);
      const attributes = {};
      for (const attr of decl.attributes ?? []) {
        if (!(attr.name in elements[decl.tagName])) continue;
        const member = (decl.members ?? []).find((m) => m.name === attr.fieldName);
        const type = attr.type?.text ?? 'string';
        const fallback = member?.default ?? attr.default;
        const values = [...type.matchAll(/'([^']*)'/g)].map((m) => m[1]);
        const definition = /^boolean\b/.test(type)
          ? { type: 'boolean', default: String(fallback) === 'true' }
          : /^number\b/.test(type)
            ? { type: 'number' }
            : values.length && /^('[^']*'\s*\|?\s*)+$/.test(type.trim())
              ? { type: 'string', enum: values }
              : { type: 'string' };
        if (definition.type === 'number' && fallback !== undefined && Number.isFinite(Number(fallback)))
          definition.default = Number(fallback);
        if (definition.enum && typeof fallback === 'string') definition.default = fallback.replace(/^'|'$/g, '');
        // What the sidebar says under each control.
        definition.description = (attr.description ?? '').replace(/`/g, '');
        attributes[camel(attr.name)] = definition;
      }
      attributes.fallback = {
        type: 'string',
        description: 'Shown without JavaScript and when the data cannot be loaded.',
      };
      const block = {
        $schema: 'https://schemas.wp.org/trunk/block.json',
        apiVersion: 3,
        name: `iigp/${name}`,
        title: blockTitles[name] ?? decl.tagName,
        category: 'iigp',
        icon: blockIcons[name] ?? 'admin-site',
        description: decl.summary ?? decl.description?.split('\n')[0] ?? '',
        keywords: ['iigp', ...name.split('-')],
        textdomain: 'iigp-widgets',
        attributes,
        supports: { html: false, align: ['wide', 'full'] },
        editorScript: 'iigp-widgets-editor',
      };
      mkdirSync(join(plugin, 'blocks', name), { recursive: true });
      writeFileSync(join(plugin, 'blocks', name, 'block.json'), JSON.stringify(block, null, 2) + '\n');
    }
  }
}

// 3. The zip.
const files = entriesOf(plugin, 'iigp-widgets/');
const archive = zip(files);
writeFileSync(zipPath, archive);
console.log(
  `build-plugin: ${copied} scripts copied, ${Object.keys(elements).length} elements listed; ${relative(root, zipPath)} (${files.length} files, ${(archive.length / 1024).toFixed(1)} KB)`,
);
