// Every regular expression of the library and the snapshot command runs in linear time: the
// super-linear backtracking rules of eslint-plugin-regexp (eslint.regexp.config.js) find none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

test('no regular expression can backtrack super-linearly (npm run lint:regexp)', async () => {
  const eslint = new ESLint({ overrideConfigFile: 'eslint.regexp.config.js' });
  const results = await eslint.lintFiles(['src', 'bin']);
  const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  assert.ok(results.length > 20, 'the sources were linted');
  assert.deepEqual(problems, []);
});
