// `npm run check:live`: which reading of each undocumented behaviour the live intervals.icu plays,
// probed on the maintainer's own calendar. ICU_ATHLETE_ID and ICU_API_KEY from the environment;
// ICU_BASE_URL to point it elsewhere (the simulator, a proxy). `--yes` skips the question,
// `--save <file>` writes the profile for `npm run sim -- --profile <file>`.
import { writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { athleteToday } from '../contract/localDates'
import { silentLogger } from '../log'
import { profileOf } from './reading'
import { runLiveCheck } from './runLiveCheck'

const { values } = parseArgs({ options: { yes: { type: 'boolean' }, save: { type: 'string' } } })
const athleteId = process.env.ICU_ATHLETE_ID?.trim()
const apiKey = process.env.ICU_API_KEY?.trim()
if (!athleteId || !apiKey) {
  console.error('Set ICU_ATHLETE_ID (your own athlete id, e.g. i12345) and ICU_API_KEY (Settings → Developer Settings).')
  process.exit(2)
}

async function ask(plan: string[]): Promise<boolean> {
  console.log(plan.join('\n'))
  if (values.yes) return true
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    return /^y(es)?$/i.test((await rl.question('\nWrite these to your calendar? [y/N] ')).trim())
  } finally {
    rl.close()
  }
}

try {
  const report = await runLiveCheck({
    baseUrl: process.env.ICU_BASE_URL || 'https://intervals.icu',
    apiKey: () => apiKey,
    athleteId,
    today: athleteToday(undefined, new Date()),
    log: silentLogger,
    confirm: ask,
  })
  if (!report.ran) {
    console.log('Nothing was written.')
    process.exit(0)
  }
  console.log('')
  for (const r of report.results) console.log(`${r.axis.padEnd(14)} ${String(r.reading).padEnd(12)} ${r.why}`)
  const cleanup = report.cleanup
  if (cleanup && cleanup.left.length === 0 && cleanup.errors.length === 0) {
    console.log(`\nCleanup: removed every probe event (${cleanup.removed}); the week reads back empty of them.`)
  } else {
    console.error(`\nCleanup did not finish. Delete these events by hand: ${cleanup?.left.join(', ') || 'see below'}`)
    for (const e of cleanup?.errors ?? []) console.error(`  ${e}`)
    process.exitCode = 1
  }
  const profile = JSON.stringify(profileOf(report.results), null, 2)
  console.log(`\nProfile (axes found unknown are left out; the simulator plays its default for them):\n${profile}`)
  if (values.save) {
    writeFileSync(values.save, `${profile}\n`)
    console.log(`Saved to ${values.save}; load it with: npm run sim -- --profile ${values.save}`)
  }
} catch (e) {
  console.error(`check:live stopped: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
