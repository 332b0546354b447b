// `npm run lint` (with Prettier): typescript-eslint's recommended rules, and the Lit and web-component
// rules, for every source folder. Generated and third-party files are left alone.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import regexp from 'eslint-plugin-regexp';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-demo/',
      'coverage/',
      'storybook-static/',
      'node_modules/',
      'wordpress/iigp-widgets/assets/',
      '.storybook/public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // Browser code: the widgets, their tests, stories and the demo; bench pages run in the browser too.
    files: ['src/**', 'test/**', 'stories/**', 'demo/**', 'bench/pages/**', 'bench/baseline/**', '.storybook/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  {
    // Node: the build, the snapshot command, the bench runner, Node tests, configuration files.
    files: [
      'scripts/**',
      'bin/**',
      'bench/*.mjs',
      'bench/lib/**',
      'test/node/**',
      'test/server/**',
      'test/storybook/**',
      'test/wordpress/**',
      'demo/serve.mjs',
      '*.js',
      '*.mjs',
      '*.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The plugin's editor scripts, and the WordPress tests' functions that run in the editor's page:
    // WordPress's own packages are the `wp` global.
    files: ['wordpress/iigp-widgets/editor/**', 'test/wordpress/**'],
    languageOptions: { globals: { ...globals.browser, wp: 'readonly' } },
  },
  {
    // Regular expressions run in linear time: a feed is hostile input, and a pattern that backtracks
    // super-linearly over a crafted field freezes the page. (test/node/regexp-lint.test.mjs runs these.)
    files: ['src/**/*.ts', 'bin/**/*.mjs'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // The bench runner hands functions to the browser (page.evaluate): they use its globals.
    files: ['bench/*.mjs', 'bench/measures/**', 'bench/lib/probes.mjs'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      // `_`-prefixed names are placeholders kept for their position (callback parameters, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // An empty catch says "ignore this failure" here (storage full, a URL that does not parse, …).
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The naive baseline of the bench: classic scripts sharing globals with rss-parser's browser bundle.
    files: ['bench/baseline/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { RSSParser: 'readonly' } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { vars: 'local' }] },
  },
  {
    files: ['bench/pages/**/*.js'],
    languageOptions: {
      globals: { RSSParser: 'readonly', hand_rolled_render: 'readonly', hand_rolled_feed: 'readonly' },
    },
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) read as expressions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
