// `npm run test:mutation [folder or file...]`: Stryker over each folder in turn (smallest first), then the
// mutation score per folder. A file (or glob) inside a folder narrows that folder's run to it; a folder
// is then measured file set by file set, and its score adds up the last run of each file. One Stryker at
// a time, one test process each: the machine's cores are shared. With nothing named, every folder is run.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'

const FOLDERS = ['src-main/icu', 'src-main/contract', 'src-main/workouts', 'src-renderer/src/stores', 'src-main/services']
const asked = process.argv.slice(2).map((f) => f.replace(/\/$/, ''))
const folderOf = (path) => FOLDERS.find((f) => path === f || path.startsWith(`${f}/`))
const unknown = asked.filter((p) => !folderOf(p))
if (unknown.length) {
  console.error(`Not in a folder under mutation testing: ${unknown.join(', ')}. Folders: ${FOLDERS.join(', ')}`)
  process.exit(2)
}

/** Folder -> the files to mutate (null: the whole folder), in the order they were named. */
const runs = new Map()
for (const path of asked.length ? asked : FOLDERS) {
  const folder = folderOf(path)
  if (path === folder) runs.set(folder, null)
  else if (runs.get(folder) !== null) runs.set(folder, [...(runs.get(folder) ?? []), path])
}

const stem = (folder) => `.stryker/${folder.replaceAll('/', '-')}`
let failed = false
for (const [folder, files] of runs) {
  console.log(`\n== Stryker: ${files ? files.join(', ') : folder}`)
  // Stryker's incremental file is its last run's report; this folder's report gathers every run's files,
  // so a run of one file set starts from what the runs of the others already know.
  if (existsSync(`${stem(folder)}.report.json`)) copyFileSync(`${stem(folder)}.report.json`, `${stem(folder)}.incremental.json`)
  const env = { ...process.env, MUTATION_FOLDER: folder, ...(files ? { MUTATION_FILES: files.join(',') } : {}) }
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env })
  if (r.status !== 0) failed = true
  else gather(folder)
}

/** Adds the last run's files to the folder's report, and drops files that are gone. */
function gather(folder) {
  const run = JSON.parse(readFileSync(`${stem(folder)}.incremental.json`, 'utf8'))
  const file = `${stem(folder)}.report.json`
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { ...run, files: {}, testFiles: {} }
  all.files = Object.fromEntries(Object.entries({ ...all.files, ...run.files }).filter(([path]) => existsSync(path)))
  all.testFiles = { ...all.testFiles, ...run.testFiles }
  writeFileSync(file, JSON.stringify(all))
}

/** Stryker's score: killed and timed-out mutants over every mutant that ran or that no test covers. */
function score(files) {
  const count = {}
  for (const f of files) for (const m of f.mutants) count[m.status] = (count[m.status] ?? 0) + 1
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0)
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0)
  return { detected, valid, survived: count.Survived ?? 0, noCoverage: count.NoCoverage ?? 0, pct: valid ? (100 * detected) / valid : 100 }
}

console.log('\nMutation score per folder (the last run of each file):')
for (const folder of FOLDERS) {
  const file = `${stem(folder)}.report.json`
  if (!existsSync(file)) {
    console.log(`  ${folder.padEnd(24)} not run yet`)
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const measured = Object.entries(report.files)
  const sources = readdirSync(folder, { recursive: true })
    .map((f) => `${folder}/${f}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('/generated/'))
  // A file changed since its run counts with its old result until it is run again.
  const changed = measured.filter(([path, f]) => readFileSync(path, 'utf8') !== f.source).map(([path]) => path)
  const s = score(measured.map(([, f]) => f))
  const files = measured.length < sources.length ? `${measured.length} of ${sources.length} files` : `all ${sources.length} files`
  console.log(
    `  ${folder.padEnd(24)} ${s.pct.toFixed(1).padStart(5)}%  (${s.detected} of ${s.valid} detected; ${s.survived} survived, ${s.noCoverage} not covered; ${files})` +
      (changed.length ? `\n  ${''.padEnd(24)} changed since their run: ${changed.join(', ')}` : ''),
  )
  for (const [path, f] of measured) {
    const p = score([f])
    console.log(`    ${path.slice(folder.length + 1).padEnd(28)} ${p.pct.toFixed(1).padStart(5)}%  (${p.detected} of ${p.valid})`)
  }
}
process.exit(failed ? 1 : 0)
