import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', '.evalgate/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The action's log is read by the runner for workflow commands: every line goes through
    // src/github/log.ts, which escapes text from pull requests (see docs/security.md).
    files: ['src/**/*.ts'],
    ignores: ['src/github/log.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='core'][property.name=/^(info|notice|warning|error|setFailed|debug|startGroup|endGroup|group)$/]",
          message:
            'Write to the Actions log through src/github/log.ts (it escapes workflow commands).',
        },
        {
          selector:
            "ImportDeclaration[source.value='@actions/core'] ImportSpecifier[imported.name=/^(info|notice|warning|error|setFailed|debug|startGroup|endGroup|group)$/]",
          message:
            'Write to the Actions log through src/github/log.ts (it escapes workflow commands).',
        },
      ],
    },
  },
  {
    // The action and what it runs print nothing directly: the action logs through
    // src/github/log.ts, the CLI through its escaped `log`/`print` (src/cli.ts).
    files: [
      'src/main.ts',
      'src/github/**/*.ts',
      'src/pipeline/**/*.ts',
      'src/targets/**/*.ts',
      'src/run/**/*.ts',
      'src/checks/**/*.ts',
    ],
    rules: { 'no-console': 'error' },
  },
);
