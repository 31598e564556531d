// Mutation testing, one folder at a time (scripts/mutation.mjs sets MUTATION_FOLDER): `npm run test:mutation`.
// Not part of `npm test`: a folder takes minutes to hours. scripts/mutation.mjs builds each run's incremental
// file (MUTATION_INCREMENTAL) from the store, `.stryker/store`, and files the run's results back there, so a
// rerun tests only the mutants in code or tests changed since. The store is committed (see README).
const folder = process.env.MUTATION_FOLDER ?? 'src-main/icu'
const name = folder.replaceAll('/', '-')
// A run may narrow the folder to some of its files (paths or globs, comma-separated).
const files = (process.env.MUTATION_FILES ?? '').split(',').filter(Boolean)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [...(files.length ? files : [`${folder}/**/*.ts`]), `!${folder}/**/*.test.ts`, '!**/generated/**'],
  // Two cores shared with other work: one test process at a time.
  concurrency: 1,
  incremental: true,
  incrementalFile: process.env.MUTATION_INCREMENTAL ?? `.stryker/${name}.incremental.json`,
  reporters: ['progress', 'clear-text'],
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 85, low: 70, break: null },
  ignoreStatic: true,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 20,
  tempDirName: '.stryker/tmp',
  ignorePatterns: ['out', 'dist', 'test-results', '.reports', '.stryker', 'e2e', 'bench'],
}
