// Layer boundaries (DESIGN.md): the folder tells the process.
// shared/ is pure TypeScript, renderer/ is DOM only, main/ is Node, and only main/app/ may load electron.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit', 'commander', 'tsx', 'exceljs'];

const forbid = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test/e2e/artifacts/', 'test/fixtures/lint/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'main/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**',
      'bin/**',
      '*.config.*',
      'renderer/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      [...nodeBuiltins, ...nodeOnlyPackages, 'electron'],
      ['**/main/**', 'node:*'],
      'renderer/ runs in the sandboxed window: no Node, no electron, no main/ — use window.api.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...forbid(
        [...nodeBuiltins, ...nodeOnlyPackages, 'electron', 'react', 'react-dom', 'antd'],
        ['**/main/**', '**/renderer/**', 'node:*'],
        'shared/ is pure TypeScript used by main and renderer: no Node, DOM, UI or electron imports.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'localStorage'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: forbid(
      ['electron'],
      ['**/renderer/**', '**/app/**'],
      'Only main/app/ may import electron or main/app; services must run under plain Node.',
    ),
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: forbid(
      ['electron'],
      ['**/main/app/**'],
      'Tests run under plain Node: loading electron (42+) attempts a download. Test main/app only through _electron.',
    ),
  },
  prettier,
);
