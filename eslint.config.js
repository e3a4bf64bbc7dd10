// ESLint for the whole repository: typed typescript-eslint rules on every
// TypeScript/JavaScript file, eslint-plugin-astro on .astro components.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated or downloaded: never ours to lint.
    ignores: [
      'dist/',
      '.astro/',
      '.netlify/',
      '.data/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      'public/audio/',
      'public/video/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans in messages and URLs are intended; objects still are not.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      // `_name` marks a deliberately unused binding; rest siblings drop fields on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Site code must not log (style.md); functions log through their logger.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro'],
    languageOptions: {
      // astro-eslint-parser takes a project, not the project service.
      parserOptions: { projectService: false, project: true },
    },
    rules: {
      // JSX returned from a callback in a template (`list.map((x) => <li>…</li>)`)
      // has no type outside Astro's language server, so this rule would flag every list.
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Client scripts inside .astro files are virtual files the TypeScript
    // project does not know: lint them without type information.
    files: ['**/*.astro/*.js', '**/*.astro/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Scripts, benchmarks and tests are command-line tools: printing is their output.
    files: ['scripts/**', 'tests/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
