// Regular expressions must run in linear time: a feed is hostile input, and a backtracking pattern
// over a crafted field freezes the page. Kept apart from the main config so it can be folded in as is.
import regexp from 'eslint-plugin-regexp';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: ['src/**/*.ts', 'bin/**/*.mjs'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
];
