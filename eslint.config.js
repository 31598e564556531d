import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

const ELECTRON_MESSAGE = 'Services and the intervals.icu client know nothing of Electron; the Electron glue lives beside index.ts.'
const NO_ELECTRON = [{ name: 'electron', message: ELECTRON_MESSAGE }]
const NO_SIMULATOR = { group: ['**/sim', '**/sim/**'], message: 'Only the composition roots and tests start or read the simulator.' }

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src-main/icu/generated/**', '.stryker/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: { 'vue/block-lang': ['error', { script: { lang: 'ts' } }] },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multi-word-component-names': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    // Type-aware checks on main's production code: a promise nobody awaits fails silently (a failed start
    // said nothing), and a switch over a union must name every member, so a new one is not missed.
    files: ['src-main/**/*.ts'],
    ignores: ['**/*.test.ts', 'src-main/icu/generated/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // The layering the README describes, enforced on imports (each block names every rule its files need:
  // a later block's no-restricted-imports replaces an earlier one's for the same file).
  {
    // Only the composition roots (index.ts, the browser host's cli, the test harnesses, the bench) and the
    // live check, which writes the simulator's profile format, may reach the simulator.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/sim/**', 'src-main/index.ts', 'src-main/testing/**', 'src-main/liveCheck/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SIMULATOR] }] },
  },
  {
    files: ['src-main/services/**/*.ts', 'src-main/icu/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NO_ELECTRON, patterns: [NO_SIMULATOR, { group: ['electron/*'], message: ELECTRON_MESSAGE }] }] },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The window reaches main only through the bridge the preload exposes.' }],
          patterns: [{ group: ['**/src-main/**', '!**/src-main/contract', '!**/src-main/contract/**'], message: 'The window knows main only through the contract (@contract).' }],
        },
      ],
    },
  },
  {
    // The browser host is a transport: the core, the contract, the bridge the preload builds from the
    // contract, and the CSP it must serve as Electron does. Its cli is a composition root.
    files: ['src-host/**/*.ts'],
    ignores: ['src-host/cli.ts', 'src-host/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '!**/src-main/core', '!**/src-main/contract', '!**/src-main/contract/**', '!**/src-main/preload', '**/src-main/preload/*', '!**/src-main/preload/bridge', '!**/src-main/security'],
              message: 'The browser host carries calls to the core; app logic belongs in src-main behind createCore.',
            },
          ],
        },
      ],
    },
  },
)
