import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for designers: every widget in every state, on mocked data (msw), with controls and docs
 * generated from custom-elements.json. `npm run storybook` (dev) or `npm run build-storybook` (static).
 */
const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    // A Vite config of its own: the project's vite.config.ts serves demo/ and builds the library,
    // neither of which Storybook wants.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  // The msw worker (generated with `npx msw init .storybook/public --no-save`) is served at the root.
  // demo/data/ is also served as /mock/: the pictures and photos the sample data links to (relative
  // to the data's URL) load from there; the data itself is answered by msw (stories/data/handlers.ts).
  staticDirs: ['./public', { from: '../demo/data', to: '/mock' }],
  core: { disableTelemetry: true },
  docs: { defaultName: 'Docs' },
};

export default config;
