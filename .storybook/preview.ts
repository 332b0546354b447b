import { setCustomElementsManifest } from '@storybook/web-components';
import type { Loader, Preview, WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setupWorker } from 'msw/browser';
import customElements from '../custom-elements.json';
import { handlers } from '../stories/data/handlers';
import { actionName, declarationOf, pageColumn, scriptProperties } from '../stories/support/widget';

// Controls and docs (attributes, properties, events, slots, parts, CSS properties) come from the
// manifest that `npm run analyze` writes from the JSDoc in src/, so they stay true as the code changes.
setCustomElementsManifest(customElements);

/**
 * Tidies the argTypes Storybook derives from the manifest: one control per attribute (the same
 * property under its camelCase name is hidden), select controls for `'a' | 'b'` attribute types,
 * internal members and read-only `state` without a control, and the light-DOM children as an arg.
 */
const manifestControls: ArgTypesEnhancer<WebComponentsRenderer> = (context) => {
  const tag = typeof context.component === 'string' ? context.component : undefined;
  const declaration = tag ? declarationOf(tag) : undefined;
  if (!declaration) return context.argTypes;
  const argTypes: Record<string, StrictInputType> = { ...context.argTypes };
  const scriptOnly = scriptProperties(declaration);
  const documentedEvents = new Set((declaration.events ?? []).filter((e) => e.description).map((e) => e.name));
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category === 'properties' && !scriptOnly.has(name)) {
      argTypes[name] = { ...argType, table: { ...argType.table, disable: true } };
    } else if (category === 'events' && !documentedEvents.has(name)) {
      delete argTypes[name];
    } else if (category === 'attributes') {
      const type = String(argType.table?.type?.summary ?? '');
      const options = [...type.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      if (name === 'state') argTypes[name] = { ...argType, control: false };
      else if (options.length && /^('[^']*'\s*\|?\s*)+$/.test(type.replace(/\|\s*undefined/, '').trim())) {
        argTypes[name] = { ...argType, control: { type: 'select' }, options };
      } else if (/^boolean/.test(type)) argTypes[name] = { ...argType, control: { type: 'boolean' } };
      else if (/^number/.test(type)) argTypes[name] = { ...argType, control: { type: 'number' } };
      else if (/^string/.test(type)) argTypes[name] = { ...argType, control: { type: 'text' } };
    } else if (category === 'css custom properties') {
      argTypes[name] = { ...argType, control: { type: 'text' } };
    }
  }
  // Undocumented "events" (the analyzer's misreadings) get no action either.
  for (const event of declaration.events ?? []) {
    if (!event.description) delete argTypes[actionName(event.name)];
  }
  argTypes.children = {
    name: 'children',
    description:
      'Light-DOM children (HTML): the fallback shown before the script runs, without JavaScript, on error, and when there is nothing ' +
      'to show; named-slot content such as `<p slot="bio">`; the list of links a newsletter archive enhances.',
    control: { type: 'text' },
    table: { category: 'slots', type: { summary: 'HTML' } },
  };
  return argTypes;
};

/** Each story starts without the loader's saved copies, so stories never bleed into each other. */
const forgetSavedCopies: Loader = async () => {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('iigp-widgets:')) localStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was saved either.
  }
  return {};
};

/** The msw worker, served from .storybook/public (staticDirs), relative so a sub-folder deploy works. */
async function startWorker() {
  const worker = setupWorker();
  await worker.start({
    serviceWorker: { url: './mockServiceWorker.js' },
    quiet: true,
    onUnhandledRequest: 'bypass',
  });
  return worker;
}

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [forgetSavedCopies, mswLoader(startWorker)],
  decorators: [pageColumn],
  argTypesEnhancers: [manifestControls],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: { test: 'error' },
    msw: { handlers },
    docs: { toc: true },
    options: {
      storySort: { order: ['Getting started', ['Designers', 'Webmasters'], 'Widgets'] },
    },
  },
};

export default preview;
