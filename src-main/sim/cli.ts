// `npm run sim`: the simulator alone on a fixed port, for manual work against the app.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { parseProfile, type SimProfile } from './profile'
import { startSim } from './server'

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}"`)
    process.exit(2)
  }
  return n
}

/** A profile saved by `npm run check:live -- --save <file>`. */
function profileOption(file: string | undefined): SimProfile | undefined {
  if (file === undefined) return undefined
  try {
    return parseProfile(JSON.parse(readFileSync(file, 'utf8')) as unknown)
  } catch (error) {
    console.error(`--profile ${file}: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  }
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    latency: { type: 'string' },
    seed: { type: 'string' },
    athletes: { type: 'string' },
    'no-rate-limit': { type: 'boolean' },
    profile: { type: 'string' },
  },
})
const profile = profileOption(values.profile)

const sim = await startSim({
  port: numberOption(values.port ?? process.env.SIM_PORT, 'port', 8787),
  latencyMs: numberOption(values.latency, 'latency', 0),
  seed: numberOption(values.seed, 'seed', 1),
  athletes: numberOption(values.athletes, 'athletes', 12),
  rateLimit: values['no-rate-limit'] ? false : undefined,
  profile,
})

console.log(`intervals.icu simulator listening on ${sim.url}`)
console.log(`  coach athlete id: ${sim.coachId}`)
console.log(`  API key:          ${sim.apiKey}`)
console.log(`  athletes:         ${sim.state.coached.length} coached`)
console.log(`  profile:          ${JSON.stringify(sim.profile)}`)
console.log('')
console.log('Point the app at it with:')
console.log(`  ICU_BASE_URL=${sim.url} npm run dev`)
console.log('and connect with the athlete id and API key above. Ctrl-C stops it.')

const stop = (): void => {
  void sim.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
