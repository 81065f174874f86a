import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'http', 'worker_threads']

/** Purity by folder (docs/ARCHITECTURE.md): each rule names what a folder may not import. */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }]
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off'
    }
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'bin/**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly' }
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react-*', 'better-sqlite3', 'zustand', ...nodeBuiltins],
      'src-main/shared is pure TypeScript: no electron, node, react or sqlite imports.'
    )
  },
  {
    files: ['src-main/backend/**/*.ts', 'src-main/web-host/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/web.ts', 'src-main/cli.ts'],
    rules: restrict(['electron', 'electron/*', 'react', 'zustand'], 'The backend never imports electron (it must run under plain Node).')
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/stores/**'],
    rules: restrict(
      ['zustand', 'zustand/*', 'electron', 'better-sqlite3', ...nodeBuiltins],
      'Only src-renderer/stores imports zustand; the renderer never imports electron, node or sqlite.'
    )
  },
  {
    files: ['src-renderer/stores/**/*.ts'],
    rules: {
      // Stores hold client state; features render it. A store reaching into a feature is the
      // tangle issue 16 undid, so the direction is enforced.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['electron', 'better-sqlite3', ...nodeBuiltins].map((group) => ({
              group: [group],
              message: 'The renderer never imports electron, node or sqlite.'
            })),
            {
              group: ['**/features/**'],
              message: 'A store never imports a feature: move the shared code to stores/, queries/ or what-if/.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src-renderer/**/*.tsx', 'src-renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  }
)
