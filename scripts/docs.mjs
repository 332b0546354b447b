// Writes the reference tables of README.md (between <!-- api:start --> and <!-- api:end -->) from
// custom-elements.json, so the docs say exactly what the code does. `--check` fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const shared = new Set([
  'src',
  'format',
  'limit',
  'heading',
  'heading-level',
  'locale',
  'time-zone',
  'max-age',
  'loading',
  'state',
]);
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

const elements = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((decl) => decl.customElement && decl.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

let out = '';
for (const el of elements) {
  out += `### \`<${el.tagName}>\`\n\n${cell(el.summary ?? el.description)}\n\n`;
  const own = (el.attributes ?? []).filter((a) => !shared.has(a.name) || a.name === 'format' || a.name === 'limit');
  if (own.length) {
    out += '| attribute | default | meaning |\n|---|---|---|\n';
    for (const a of own)
      out += `| \`${a.name}\` | ${a.default ? `\`${cell(a.default)}\`` : ''} | ${cell(a.description)} |\n`;
    out += '\n';
  }
  const lists = [
    ['Parts (`::part`)', el.cssParts],
    ['CSS custom properties', el.cssProperties],
    ['Slots', el.slots],
    ['Events', el.events],
  ];
  for (const [title, items] of lists) {
    if (!items?.length) continue;
    out += `${title}: ${items.map((i) => `\`${i.name || '(default)'}\` ${cell(i.description)}`.trim()).join(' · ')}\n\n`;
  }
}

const readme = readFileSync('README.md', 'utf8');
const start = '<!-- api:start -->';
const end = '<!-- api:end -->';
const next = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n\n${out.trim()}\n\n${end}`);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('docs: README.md reference tables are out of date; run `npm run docs` and commit.');
    process.exit(1);
  }
  console.log(`docs: README.md reference tables match custom-elements.json (${elements.length} elements).`);
} else {
  writeFileSync('README.md', next);
  console.log(`docs: wrote reference tables for ${elements.length} elements.`);
}
