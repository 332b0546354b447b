import { defineConfig } from 'vite';

// Storybook's own Vite settings (see main.ts): nothing beyond Storybook's defaults, on purpose.
export default defineConfig({
  server: { host: '127.0.0.1' },
});
