import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { i18nConfig } from './eslint.i18n.js'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto']

/** Layering rules: shared is pure, the engine never sees electron, the renderer never sees the engine. */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  // Type-aware: promises nobody awaits, unsafe `any` flows and non-exhaustive switches are errors.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    // Tests: asymmetric matchers (expect.any, objectContaining) are typed `any`, fakes implement
    // async interfaces without awaiting, and mocks are passed around as bare methods. Floating
    // promises and exhaustive switches stay errors here too.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JavaScript config files are not part of a TypeScript project.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'src/shared is pure: no electron, no Node.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'shared imports only shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message:
                'The engine runs in plain Node; only src/main/shell and index.ts import electron.',
            },
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'The engine does not import UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the IPC bridge may answer IPC: every handler there checks the sender and the argument.
    files: ['src/main/index.ts', 'src/main/shell/**/*.ts'],
    ignores: ['src/main/shell/ipc-bridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Register IPC only in src/main/shell/ipc-bridge.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only api.ts touches the preload API; features stay unaware of their transport.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/api.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='etcdDesk']",
          message: 'Use api from src/renderer/src/api.ts.',
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', ...nodeBuiltins],
              message: 'preload imports only electron and ../shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The window talks to the engine only through the contract.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The window talks to the engine only through the contract.',
            },
          ],
        },
      ],
    },
  },
  // Window strings come from the catalogues (eslint.i18n.js lists files not converted yet).
  ...i18nConfig,
)
