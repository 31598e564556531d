import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'

// The tests Stryker runs against the mutants of one folder (MUTATION_FOLDER, set by scripts/mutation.mjs):
// that folder's own tests, plus the suites named for it below. A folder's score says how well its own
// tests pin it, and a mutant is run only against the tests that cover it.
const folder = process.env.MUTATION_FOLDER ?? 'src-main/icu'
const alsoFor: Record<string, string[]> = {
  // The client is pinned by the bulk write suites too, which drive every endpoint the app writes with.
  'src-main/icu': ['src-main/services/calendar/bulk.test.ts', 'src-main/services/calendar/faults.test.ts'],
}
const renderer = folder.startsWith('src-renderer')

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@contract': resolve(import.meta.dirname, 'src-main/contract/index.ts') } },
  test: {
    environment: renderer ? 'happy-dom' : 'node',
    include: [`${folder}/**/*.test.ts`, ...(alsoFor[folder] ?? [])],
    // Tests that need a keychain or a build are not about these folders.
    exclude: ['**/node_modules/**', 'src-main/secrets/**', 'src-main/security.test.ts'],
    testTimeout: 30_000,
  },
})
