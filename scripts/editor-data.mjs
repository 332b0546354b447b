// Generates editor support from custom-elements.json, so attribute names and values autocomplete:
//   vscode.html-custom-data.json  (VS Code: "html.customData" setting)
//   web-types.json                (JetBrains IDEs: found through package.json "web-types")
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const elements = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((decl) => decl.customElement && decl.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** `'list' | 'grid'` → ['list', 'grid']; booleans → no values. */
function values(attr) {
  const text = attr.type?.text ?? '';
  const literals = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  return literals.length > 1 ? literals : [];
}

/** What an editor offers for an element: its name, summary and the attributes a page may write. */
function described(el) {
  const attributes = (el.attributes ?? []).filter((a) => a.name !== 'state'); // read-only, set by the widget
  return { name: el.tagName, description: el.summary ?? el.description ?? '', attributes };
}

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map(described).map((el) => ({
    ...el,
    attributes: el.attributes.map((a) => ({
      name: a.name,
      description: a.description ?? '',
      ...(values(a).length ? { values: values(a).map((name) => ({ name })) } : {}),
      ...(a.type?.text?.startsWith('boolean') ? { valueSet: 'v' } : {}),
    })),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        ...described(el),
        attributes: described(el).attributes.map((a) => ({
          name: a.name,
          description: a.description ?? '',
          ...(a.default ? { default: a.default } : {}),
          value: a.type?.text?.startsWith('boolean')
            ? { type: 'boolean' }
            : values(a).length
              ? {
                  type: values(a)
                    .map((v) => `'${v}'`)
                    .join(' | '),
                }
              : { type: a.type?.text?.startsWith('number') ? 'number' : 'string' },
        })),
        events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        css: {
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

writeFileSync('vscode.html-custom-data.json', JSON.stringify(vscode, null, 2) + '\n');
writeFileSync('web-types.json', JSON.stringify(webTypes, null, 2) + '\n');
console.log(`editor data: ${elements.length} elements → vscode.html-custom-data.json, web-types.json`);
