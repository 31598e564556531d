import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'

// The tests Stryker runs against the mutants of one folder (MUTATION_FOLDER, set by scripts/mutation.mjs):
// that folder's own tests, plus any named in MUTATION_ALSO (comma-separated). A folder's score says how
// well its own tests pin it (a mutant only a suite elsewhere kills counts as surviving), and each mutant
// is run only against the tests that cover it. The suites elsewhere drive a simulator per test under
// every profile, which makes a run of a folder hours long on a shared machine.
const folder = process.env.MUTATION_FOLDER ?? 'src-main/icu'
const also = (process.env.MUTATION_ALSO ?? '').split(',').filter(Boolean)
// MUTATION_TESTS (comma-separated) runs only those of the folder's tests: for a big folder whose other
// suites have nothing to do with the files measured. Fewer tests can only lower the score.
const only = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean)
const renderer = folder.startsWith('src-renderer')

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@contract': resolve(import.meta.dirname, 'src-main/contract/index.ts') } },
  test: {
    environment: renderer ? 'happy-dom' : 'node',
    include: [...(only.length ? only : [`${folder}/**/*.test.ts`]), ...also],
    // Tests that need a keychain or a build are not about these folders.
    exclude: ['**/node_modules/**', 'src-main/secrets/**', 'src-main/security.test.ts'],
    testTimeout: 30_000,
  },
})
