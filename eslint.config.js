// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'

/**
 * Process boundaries, enforced here rather than by convention:
 * - shared/   pure TypeScript: no Node, DOM, Electron, React or SQLite;
 * - renderer/ no Electron, no Node built-ins, nothing from electron/ (it talks through the contract);
 * - electron/ only main/ and preload/ may import `electron`; nothing imports renderer/.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

const restrict = (paths, patterns) => ['error', { paths, patterns }]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(
        [
          'electron',
          'better-sqlite3',
          'react',
          'react-dom',
          'ag-grid-community',
          'ag-grid-react',
          'playwright-core',
          ...nodeBuiltins,
        ],
        [
          {
            group: ['**/electron/**', '**/renderer/**'],
            message: 'shared/ is used by both processes; it imports neither.',
          },
          { group: ['node:*'], message: 'shared/ is pure TypeScript: no Node built-ins.' },
        ],
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'better-sqlite3', 'playwright-core', ...nodeBuiltins],
        [
          {
            group: ['**/electron/**'],
            message: 'The renderer reaches the core only through the typed API (renderer/src/api).',
          },
          { group: ['node:*'], message: 'The renderer has no Node.' },
        ],
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            name: 'electron',
            message: 'Only electron/main and electron/preload import electron; the core runs in plain Node.',
          },
        ],
        [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
      ),
    },
  },
  {
    // A deferred transaction that reads first cannot wait for the write lock: SQLite answers
    // SQLITE_BUSY at once when it upgrades, whatever the busy timeout, if another connection (the
    // import thread, the CLI, a second window) is writing. Write transactions begin IMMEDIATE.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression > CallExpression.callee[callee.property.name='transaction']",
          message:
            'Use writeTransaction() or tx() from electron/db/statements: a deferred transaction fails with SQLITE_BUSY instead of waiting for the write lock.',
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [],
        [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }],
      ),
    },
  },
)
