// Lint rules that catch real mistakes, not style (Prettier owns the style):
// floating promises, focused or skipped tests, unused code, and imports that
// cross a layer boundary the architecture forbids.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const focusedOrSkipped = ['it', 'test', 'describe'].flatMap((object) =>
  ['only', 'skip', 'todo'].map((property) => ({ object, property, message: `${object}.${property} leaves tests out of the run` })),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.data/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': ['error', ...focusedOrSkipped],
    },
  },
  {
    // Tests read JSON answers whose shape the assertions check.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain is pure: no AWS, no HTTP, no process environment, no adapters.
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '@aws-lambda-powertools/*', '@middy/*', 'aws-lambda', 'node:http', 'node:fs', 'node:fs/*'],
              message: 'the domain is pure: no AWS, no HTTP, no I/O',
            },
            {
              group: ['**/adapters/**', '**/infra/**', '**/functions/**', '**/use-cases/**'],
              message: 'the domain imports nothing outside the domain and events',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'the domain reads no environment: pass values in' }],
    },
  },
  {
    // Events are frozen contracts: they import nothing but zod and each other.
    files: ['events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../shared/**', '../functions/**', '../infra/**'],
              message: 'a published event owns its schema; it borrows nothing from the live code',
            },
          ],
        },
      ],
    },
  },
  {
    // Handlers and use cases never reach into the local runner or the CDK app.
    files: ['functions/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/infra/local/**', '**/infra/stacks/**', '**/infra/cli/**', 'aws-cdk-lib', 'aws-cdk-lib/*'],
              message: 'runtime code does not import the local runner, the CLI or the CDK app',
            },
          ],
        },
      ],
    },
  },
);
