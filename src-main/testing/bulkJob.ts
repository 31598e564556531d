import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { addDays, athleteToday, mondayOf } from '../services/dates'
import type { SimHandle } from '../sim'

const CHILD = join(import.meta.dirname, 'bulkChild.ts')

export interface BulkJobProcess {
  /** Resolves once the child has planned the action and begun to apply it. */
  applying: Promise<void>
  /** Ends the child with SIGKILL, as a crash or a power cut would, and waits for it to be gone. */
  kill(): Promise<void>
}

/** A Coach Desk core in a process of its own applying one bulk action, to be killed midway. */
export function startBulkJob(opts: { simUrl: string; dataDir: string; coachId: string; apiKey: string; request: unknown }): BulkJobProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      SIM_URL: opts.simUrl,
      DATA_DIR: opts.dataDir,
      COACH_ID: opts.coachId,
      API_KEY: opts.apiKey,
      BULK_REQUEST: JSON.stringify(opts.request),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const applying = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('applying')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`the bulk job ended (${code}) before applying: ${err}`)))
  })
  return {
    applying,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await gone
    },
  }
}

export interface PickedWorkout {
  athleteId: string
  eventId: number
  /** start_date_local as it was when picked. */
  start: string
}

/** The first three writable athletes' first two workouts of next week, straight from the simulator. */
export function nextWeekWorkouts(sim: SimHandle): PickedWorkout[] {
  const monday = addDays(mondayOf(athleteToday('Europe/London', new Date())), 7)
  const ids = sim.state.coached.filter((a) => a.athlete.icu_permission !== 'READ').slice(0, 3).map((a) => a.id)
  return ids.flatMap((id) =>
    sim.state
      .athlete(id)!
      .events.filter((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '') >= monday && (e.start_date_local ?? '') < addDays(monday, 7))
      .slice(0, 2)
      .map((e) => ({ athleteId: id, eventId: e.id!, start: e.start_date_local! })),
  )
}
