import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkHistory, BulkPlan, BulkReport } from '../../contract/calendar'
import { createCore, type Core } from '../../core'
import { createLogger } from '../../log'
import { MemorySecretStore } from '../../secrets/memory'
import { startSim, type SimHandle } from '../../sim'
import { nextWeekWorkouts, startBulkJob, type BulkJobProcess } from '../../testing/bulkJob'
import { ok } from '../../testing/core'
import { addDays } from '../dates'

/**
 * A bulk job in a process of its own is killed with SIGKILL at chosen points; a new core on the
 * same data folder must find the job, say what landed (read back from the simulator), and both
 * finishing and undoing must leave the simulator exactly as expected.
 */
let sim: SimHandle
let dataDir: string
let child: BulkJobProcess | null = null
let core: Core | null = null

beforeEach(async () => {
  sim = await startSim({ rateLimit: false })
  dataDir = mkdtempSync(join(tmpdir(), 'coach-desk-crash-'))
})
afterEach(async () => {
  await child?.kill()
  await core?.dispose()
  core = null
  await sim.close()
  rmSync(dataDir, { recursive: true, force: true })
})

function athletes(): string[] {
  return [...new Set(nextWeekWorkouts(sim).map((p) => p.athleteId))]
}

const startOf = (p: { athleteId: string; eventId: number }) => sim.state.athlete(p.athleteId)!.events.find((e) => e.id === p.eventId)!.start_date_local

/** Starts the child on a shift by +1 day and resolves when it has planned and begun to apply. */
async function runChild(sel: { athleteId: string; eventId: number }[]): Promise<void> {
  child = startBulkJob({
    simUrl: sim.url,
    dataDir,
    coachId: sim.coachId,
    apiKey: sim.apiKey,
    request: { selection: { events: sel }, action: { kind: 'shift', days: 1 } },
  })
  await child.applying
}

async function until(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function kill(): Promise<void> {
  await child!.kill()
  child = null
}

async function restart(): Promise<Core> {
  core = createCore({
    secrets: new MemorySecretStore(),
    baseUrl: sim.url,
    log: createLogger({ file: join(dataDir, 'logs', 'main.log'), minLevel: 'debug' }),
    emit: () => undefined,
    startDemo: () => startSim(),
    limiter: { perSecond: 100, burst: 100 },
    dataDir,
  })
  await ok(core.invoke('session:connect', { athleteId: sim.coachId, apiKey: sim.apiKey, storage: 'memory' }))
  return core
}

const writesTo = (athleteId: string) => new RegExp(`^/api/v1/athlete/${athleteId}/events/\\d+$`)

/** The kill points: each sets its faults, waits for its moment, and says how many shifts landed. */
const POINTS = [
  {
    name: 'before any write is processed',
    landed: 0,
    async at(ids: string[]) {
      for (const id of ids) sim.addFault({ method: 'PUT', path: writesTo(id), delayMs: 60_000 })
      return () => sim.requests.filter((r) => r.method === 'PUT').length > 0
    },
  },
  {
    name: 'between athletes',
    landed: 2,
    async at(ids: string[]) {
      for (const id of ids.slice(1)) sim.addFault({ method: 'PUT', path: writesTo(id), delayMs: 60_000 })
      return () => sim.requests.filter((r) => r.method === 'PUT' && r.path.includes(ids[0]!) && r.status === 200).length === 2
    },
  },
  {
    name: 'mid-request, after the server made the change',
    landed: 1,
    async at(ids: string[], sel: { athleteId: string; eventId: number; start: string }[]) {
      for (const id of ids) sim.addFault({ method: 'PUT', path: writesTo(id), stallAfterMs: 60_000, times: 1 })
      for (const id of ids) sim.addFault({ method: 'PUT', path: writesTo(id), delayMs: 60_000 })
      // Each athlete's first write lands and its answer stalls; kill once one has landed.
      return () => sel.some((p) => startOf(p) !== p.start)
    },
  },
]

describe.each(POINTS)('a bulk job killed $name', (point) => {
  it.each(['finish', 'undo'] as const)('is found at the next start, read back, and can be %s-ed', async (choice) => {
    const ids = athletes()
    const sel = nextWeekWorkouts(sim)
    expect(sel).toHaveLength(6)
    const ready = await point.at(ids, sel)
    await runChild(sel.map(({ athleteId, eventId }) => ({ athleteId, eventId })))
    await until(ready)
    // Let a landed change settle into the state before the kill.
    await new Promise((r) => setTimeout(r, 100))
    await kill()
    sim.clearFaults()
    const shifted = sel.filter((p) => startOf(p) !== p.start)
    if (point.name !== 'mid-request, after the server made the change') expect(shifted).toHaveLength(point.landed)
    else expect(shifted.length).toBeGreaterThanOrEqual(1)

    const c = await restart()
    const history = await ok<BulkHistory>(c.invoke('calendar:history', {}))
    expect(history.interrupted).toHaveLength(1)
    const job = history.interrupted[0]!
    expect(job.title).toBe('Shift by +1 day')
    expect(job.landed).toBe(shifted.length)
    expect(job.notLanded).toBe(6 - shifted.length)
    expect(job.unknown).toBe(0)

    const plan = await ok<BulkPlan | null>(c.invoke('calendar:resolveJob', { jobId: job.jobId, action: choice }))
    if (choice === 'finish') {
      expect(plan!.changes).toHaveLength(6 - shifted.length)
      const report = await ok<BulkReport>(c.invoke('calendar:applyBulk', { planId: plan!.planId }))
      expect([report.succeeded, report.failed]).toEqual([6, 0])
      for (const p of sel) expect(startOf(p)).toBe(`${addDays(p.start.slice(0, 10), 1)}${p.start.slice(10)}`)
      // One action: its undo puts every event back.
      const undo = await ok<BulkPlan>(c.invoke('calendar:planUndo', {}))
      await ok(c.invoke('calendar:applyBulk', { planId: undo.planId }))
    } else if (shifted.length) {
      expect(plan!.changes).toHaveLength(shifted.length)
      await ok(c.invoke('calendar:applyBulk', { planId: plan!.planId }))
    }
    for (const p of sel) expect(startOf(p)).toBe(p.start)
    expect((await ok<BulkHistory>(c.invoke('calendar:history', {}))).interrupted).toEqual([])
  })
})
