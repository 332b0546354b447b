// `npm run analyze` writes custom-elements.json from the JSDoc of src/ (Storybook, the configurator
// and the editor data read it). Widgets declare Lit properties in `static properties`; the ones
// marked `state: true` are internal reactive state, not attributes users can write.
const internal = new Set();
// Each widget module says its element's name once, as `export const tagName = 'iigp-…'`: module path => name.
const tagNames = new Map();

export default {
  // The elements and their shared base; parsers and helpers are not part of the HTML contract.
  globs: ['src/*/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.styles.ts',
    'src/**/define.ts',
    'src/formats/**',
    'src/snapshot/**',
    'src/shared/!(widget-element).ts',
  ],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      name: 'iigp-tag-name-constant',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isVariableStatement(node)) return;
        for (const decl of node.declarationList.declarations) {
          if (decl.name.getText() === 'tagName' && decl.initializer && ts.isStringLiteral(decl.initializer))
            tagNames.set(moduleDoc.path, decl.initializer.text);
        }
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          const tagName = tagNames.get(mod.path);
          const elements = (mod.declarations ?? []).filter(
            (decl) => decl.kind === 'class' && decl.superclass?.name === 'WidgetElement',
          );
          if (!tagName) continue;
          if (elements.length !== 1)
            throw new Error(`${mod.path}: tagName names ${elements.length} widget classes; it must name one`);
          Object.assign(elements[0], { customElement: true, tagName });
        }
      },
    },
    {
      name: 'iigp-hide-internal-state',
      analyzePhase({ ts, node }) {
        if (!ts.isPropertyDeclaration(node) || node.name?.getText() !== 'properties') return;
        if (!node.initializer || !ts.isObjectLiteralExpression(node.initializer)) return;
        for (const prop of node.initializer.properties) {
          if (/\bstate\s*:\s*true\b/.test(prop.initializer?.getText() ?? '')) internal.add(prop.name.getText());
        }
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !internal.has(a.fieldName ?? a.name));
            // `emit(type, …)` dispatches documented events; the analyzer would list its parameter too.
            if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('iigp-'));
            if (decl.members) decl.members = decl.members.filter((m) => !(internal.has(m.name) && m.kind === 'field'));
          }
        }
      },
    },
  ],
};
