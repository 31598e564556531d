// `npm run test:mutation [folder...]`: Stryker over each folder in turn (smallest first), then the
// mutation score per folder from each folder's last report. One folder at a time, one test process at
// a time: the machine's cores are shared. With no folder named, every folder is run.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const FOLDERS = ['src-main/icu', 'src-main/contract', 'src-main/workouts', 'src-renderer/src/stores', 'src-main/services']
const asked = process.argv.slice(2).map((f) => f.replace(/\/$/, ''))
const unknown = asked.filter((f) => !FOLDERS.includes(f))
if (unknown.length) {
  console.error(`Not a folder under mutation testing: ${unknown.join(', ')}. One of: ${FOLDERS.join(', ')}`)
  process.exit(2)
}

let failed = false
for (const folder of asked.length ? asked : FOLDERS) {
  console.log(`\n== Stryker: ${folder}`)
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, MUTATION_FOLDER: folder } })
  if (r.status !== 0) failed = true
}

/** Stryker's score: killed and timed-out mutants over every mutant that ran or that no test covers. */
function score(report) {
  const count = {}
  for (const file of Object.values(report.files)) for (const m of file.mutants) count[m.status] = (count[m.status] ?? 0) + 1
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0)
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0)
  return { detected, valid, survived: count.Survived ?? 0, noCoverage: count.NoCoverage ?? 0, pct: valid ? (100 * detected) / valid : 100 }
}

console.log('\nMutation score per folder (last run of each):')
for (const folder of FOLDERS) {
  const file = `.stryker/${folder.replaceAll('/', '-')}.report.json`
  if (!existsSync(file)) {
    console.log(`  ${folder.padEnd(26)} not run yet`)
    continue
  }
  const s = score(JSON.parse(readFileSync(file, 'utf8')))
  console.log(`  ${folder.padEnd(26)} ${s.pct.toFixed(1).padStart(5)}%  (${s.detected} of ${s.valid} detected; ${s.survived} survived, ${s.noCoverage} not covered)`)
}
process.exit(failed ? 1 : 0)
