// A Coach Desk core in a process of its own, for the crash test: it connects to the simulator
// the test runs, plans the bulk action it is given, applies it and says how far it got on stdout.
// The test kills it with SIGKILL at chosen points and starts a new core on the same data folder.
import { createCore } from '../core'
import { createLogger } from '../log'
import { MemorySecretStore } from '../secrets/memory'
import { startSim } from '../sim'

function env(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`bulkChild needs ${name}`)
  return value
}
const [SIM_URL, DATA_DIR, COACH_ID, API_KEY, BULK_REQUEST] = ['SIM_URL', 'DATA_DIR', 'COACH_ID', 'API_KEY', 'BULK_REQUEST'].map(env) as [string, string, string, string, string]

const core = createCore({
  secrets: new MemorySecretStore(),
  baseUrl: SIM_URL,
  log: createLogger({ file: `${DATA_DIR}/logs/child.log`, minLevel: 'debug' }),
  emit: () => undefined,
  startDemo: () => startSim(),
  limiter: { perSecond: 100, burst: 100 },
  dataDir: DATA_DIR,
})

async function main(): Promise<void> {
  const connected = await core.invoke('session:connect', { athleteId: COACH_ID, apiKey: API_KEY, storage: 'memory' })
  if (!connected.ok) throw new Error(JSON.stringify(connected.error))
  const plan = await core.invoke('calendar:planBulk', JSON.parse(BULK_REQUEST))
  if (!plan.ok) throw new Error(JSON.stringify(plan.error))
  const planId = (plan.value as { planId: string }).planId
  process.stdout.write(`applying ${planId}\n`)
  const report = await core.invoke('calendar:applyBulk', { planId })
  process.stdout.write(`applied ${JSON.stringify(report)}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`)
  process.exit(1)
})
