// Every regular expression of the library and the snapshot command runs in linear time: the
// super-linear backtracking rules of eslint-plugin-regexp (in eslint.config.js) find none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

test('no regular expression can backtrack super-linearly', async () => {
  const eslint = new ESLint({
    overrideConfig: {
      rules: Object.fromEntries(
        ['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move'].map((rule) => [rule, 'error']),
      ),
    },
    ruleFilter: ({ ruleId }) => ruleId.startsWith('regexp/'),
  });
  const results = await eslint.lintFiles(['src', 'bin']);
  const problems = results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
  assert.ok(results.length > 20, 'the sources were linted');
  assert.deepEqual(problems, []);
});
