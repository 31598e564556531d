// `npm run test:mutation [folder or file...]`: Stryker over each folder in turn, then the mutation score
// per folder. A file (or glob) inside a folder narrows that folder's run to it. One Stryker at a time, one
// test process each: the machine's cores are shared. With nothing named, every folder is run.
//
// What each run learns is kept per source file and per test file in the store (`.stryker/store`, or
// MUTATION_STORE): a folder's score adds up the last run of each of its files, and the next run starts
// from the store, so it tests only the mutants in code or tests changed since. Stryker numbers tests per
// run; the store names them by file and title instead, so runs of different file sets can be combined.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const FOLDERS = ['src-main/icu', 'src-main/contract', 'src-main/workouts', 'src-renderer/src/stores', 'src-main/services']
const STORE = process.env.MUTATION_STORE ?? '.stryker/store'
// `--scores`: only print the scores the store holds. `--survivors`: with them, each surviving or uncovered
// mutant of the files or folders named (all when none is), where it is and what it changed.
const survivors = process.argv.includes('--survivors')
const scoresOnly = survivors || process.argv.includes('--scores')
const asked = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((f) => f.replace(/\/$/, ''))
const folderOf = (path) => FOLDERS.find((f) => path === f || path.startsWith(`${f}/`))
const unknown = asked.filter((p) => !folderOf(p))
if (unknown.length) {
  console.error(`Not in a folder under mutation testing: ${unknown.join(', ')}. Folders: ${FOLDERS.join(', ')}`)
  process.exit(2)
}

/** Folder -> the files to mutate (null: the whole folder), in the order they were named. */
const runs = new Map()
for (const path of scoresOnly ? [] : asked.length ? asked : FOLDERS) {
  const folder = folderOf(path)
  if (path === folder) runs.set(folder, null)
  else if (runs.get(folder) !== null) runs.set(folder, [...(runs.get(folder) ?? []), path])
}

// Stryker's incremental file, one per run: two runs of the same folder (different files) may share the checkout.
const incremental = (folder) => `.stryker/${folder.replaceAll('/', '-')}.${process.pid}.incremental.json`
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
/** Written whole or not at all: another run may be reading the store at the same moment. */
function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, JSON.stringify(value))
  renameSync(partial, file)
}
/** Every record under one side of the store: relative path -> record. */
function records(side) {
  const root = join(STORE, side)
  if (!existsSync(root)) return new Map()
  const out = new Map()
  for (const f of readdirSync(root, { recursive: true })) {
    if (String(f).endsWith('.json')) out.set(String(f).slice(0, -'.json'.length), readJson(join(root, String(f))))
  }
  return out
}
const testKey = (file, name) => `${file}\u0000${name}`

// A file's record names each test once, in `tests`; its mutants list the tests that cover and kill them by
// their place in that list (a mutant may be covered by hundreds of tests, named in full each time otherwise).
/** A file's record as written: the test names of its mutants moved into one table. */
function packed(f) {
  const tests = []
  const at = new Map()
  const index = (key) => {
    if (!at.has(key)) at.set(key, tests.push(key) - 1)
    return at.get(key)
  }
  const mutants = f.mutants.map((m) => ({ ...m, coveredBy: (m.coveredBy ?? []).map(index), killedBy: (m.killedBy ?? []).map(index) }))
  return { ...f, tests, mutants }
}
/** A file's record as read, its mutants naming their tests in full again (a record written before the table came is read as it is). */
function unpacked(f) {
  if (!f.tests) return f
  const { tests, ...rest } = f
  const name = (ids) => (ids ?? []).map((i) => tests[i])
  return { ...rest, mutants: f.mutants.map((m) => ({ ...m, coveredBy: name(m.coveredBy), killedBy: name(m.killedBy) })) }
}
const writeFileRecord = (path, f) => writeJson(join(STORE, 'files', `${path}.json`), packed(f))
/** Every file record, and each one still written in full rewritten with the table. */
function fileRecords() {
  const out = new Map()
  for (const [path, f] of records('files')) {
    if (!f.tests) writeFileRecord(path, f)
    out.set(path, unpacked(f))
  }
  return out
}

/** The store's knowledge of the files a run mutates as a Stryker report, numbering its tests afresh. */
function assemble(folder, files) {
  const mutated = mutatedBy(folder, files)
  const testFiles = {}
  const ids = new Map()
  for (const [file, t] of records('tests')) {
    if (!existsSync(file)) continue
    testFiles[file] = {
      source: t.source,
      tests: t.tests.map((test) => {
        const id = String(ids.size)
        ids.set(testKey(file, test.name), id)
        return { ...test, id }
      }),
    }
  }
  const renumber = (keys) => (keys ?? []).map((k) => ids.get(k)).filter((id) => id !== undefined)
  const sources = {}
  for (const [path, f] of fileRecords()) {
    if (!mutated(path) || !existsSync(path)) continue
    sources[path] = { ...f, mutants: f.mutants.map((m) => ({ ...m, coveredBy: renumber(m.coveredBy), killedBy: renumber(m.killedBy) })) }
  }
  return { schemaVersion: '1.0', thresholds: { high: 85, low: 70 }, projectRoot: process.cwd(), files: sources, testFiles }
}

/** Whether a file is one a run mutates: every file of the folder, or those named (paths or globs). */
function mutatedBy(folder, files) {
  if (!files) return (path) => folderOf(path) === folder
  const patterns = files.map(globPattern)
  return (path) => patterns.some((re) => re.test(path))
}
/** `**` any folders, `*` and `?` within one name; everything else as written. */
function globPattern(glob) {
  const body = glob
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) =>
      part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  return new RegExp(`^${body}$`)
}

/**
 * Splits Stryker's last report into the store's records, naming its tests by file and title. Only the files
 * this run mutated are written: Stryker also carries the earlier results of the folder's other files into its
 * report, re-read against this checkout's code, and those are not this run's to record.
 */
function keep(folder, files) {
  const run = readJson(incremental(folder))
  const mutated = mutatedBy(folder, files)
  const names = new Map()
  for (const [file, t] of Object.entries(run.testFiles ?? {})) {
    for (const test of t.tests) names.set(test.id, testKey(file, test.name))
    writeJson(join(STORE, 'tests', `${file}.json`), { source: t.source, tests: t.tests.map(({ name, location }) => ({ name, location })) })
  }
  const rename = (ids) => (ids ?? []).map((id) => names.get(id)).filter((k) => k !== undefined)
  for (const [path, f] of Object.entries(run.files)) {
    if (!mutated(path)) continue
    const mutants = f.mutants.map((m) => ({ ...m, coveredBy: rename(m.coveredBy), killedBy: rename(m.killedBy) }))
    writeFileRecord(path, { ...f, mutants })
  }
  // A file with nothing to mutate (types, re-exports) is left out of Stryker's report: it was run all the same.
  for (const path of files ?? sourcesOf(folder)) {
    if (!run.files[path] && existsSync(path)) {
      writeFileRecord(path, { language: 'typescript', source: readFileSync(path, 'utf8'), mutants: [] })
    }
  }
}

/** The files of a folder that Stryker mutates. */
function sourcesOf(folder) {
  return readdirSync(folder, { recursive: true })
    .map((f) => `${folder}/${f}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('/generated/'))
}

let failed = false
for (const [folder, files] of runs) {
  console.log(`\n== Stryker: ${files ? files.join(', ') : folder}`)
  writeJson(incremental(folder), assemble(folder, files))
  // A mutant can break a test's cleanup: what the tests leave goes to a temp folder of this run's own, removed after.
  const tmp = mkdtempSync(join(tmpdir(), 'mutation-'))
  const env = { ...process.env, TMPDIR: tmp, MUTATION_FOLDER: folder, MUTATION_INCREMENTAL: incremental(folder), ...(files ? { MUTATION_FILES: files.join(',') } : {}) }
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env })
  rmSync(tmp, { recursive: true, force: true })
  if (r.status !== 0) failed = true
  else keep(folder, files)
  rmSync(incremental(folder), { force: true })
}

/** Stryker's score: killed and timed-out mutants over every mutant that ran or that no test covers. */
function score(files) {
  const count = {}
  for (const f of files) for (const m of f.mutants) count[m.status] = (count[m.status] ?? 0) + 1
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0)
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0)
  return { detected, valid, survived: count.Survived ?? 0, noCoverage: count.NoCoverage ?? 0, pct: valid ? (100 * detected) / valid : 100 }
}

const stored = fileRecords()
console.log('\nMutation score per folder (the last run of each file):')
for (const folder of FOLDERS) {
  const measured = [...stored].filter(([path]) => folderOf(path) === folder && existsSync(path)).sort(([a], [b]) => a.localeCompare(b))
  const sources = sourcesOf(folder)
  if (!measured.length) {
    console.log(`  ${folder.padEnd(24)} not run yet (${sources.length} files)`)
    continue
  }
  // A file changed since its run counts with its old result until it is run again.
  const changed = measured.filter(([path, f]) => readFileSync(path, 'utf8') !== f.source).map(([path]) => path)
  const notRun = sources.filter((s) => !stored.has(s))
  const s = score(measured.map(([, f]) => f))
  const files = notRun.length ? `${measured.length} of ${sources.length} files` : `all ${sources.length} files`
  console.log(
    `  ${folder.padEnd(24)} ${s.pct.toFixed(1).padStart(5)}%  (${s.detected} of ${s.valid} detected; ${s.survived} survived, ${s.noCoverage} not covered; ${files})` +
      (notRun.length ? `\n  ${''.padEnd(24)} not run: ${notRun.map((p) => p.slice(folder.length + 1)).join(', ')}` : '') +
      (changed.length ? `\n  ${''.padEnd(24)} changed since their run: ${changed.join(', ')}` : ''),
  )
  for (const [path, f] of measured) {
    const p = score([f])
    console.log(`    ${path.slice(folder.length + 1).padEnd(28)} ${p.pct.toFixed(1).padStart(5)}%  (${p.detected} of ${p.valid})`)
  }
}
if (survivors) {
  const named = asked.length ? (path) => asked.some((a) => path === a || path.startsWith(`${a}/`) || globPattern(a).test(path)) : () => true
  console.log('\nMutants that survived or that no test covers (the last run of each file):')
  for (const [path, f] of [...stored].filter(([p]) => named(p) && existsSync(p)).sort(([a], [b]) => a.localeCompare(b))) {
    const alive = f.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    if (!alive.length) continue
    console.log(`  ${path}`)
    for (const m of alive.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
      const replacement = (m.replacement ?? '').replace(/\s+/g, ' ')
      const where = `${m.location.start.line}:${m.location.start.column}`
      console.log(`    ${where.padEnd(8)} ${m.status === 'NoCoverage' ? 'not covered ' : ''}${m.mutatorName}: ${replacement.length > 100 ? `${replacement.slice(0, 100)}…` : replacement}`)
    }
  }
}
process.exit(failed ? 1 : 0)
