import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportReport } from '../../src-main/contract/exports'
import type { RosterList } from '../../src-main/contract/schemas'
import { addDays, athleteToday, mondayOf } from '../../src-main/services/dates'
import { fixedFolderDialogs } from '../../src-main/services/exports/dialogs'
import { connectedCore, rateBoundMs, type BenchRow } from '../harness'

const LATENCY = 80
const ATHLETES = 20

/**
 * Next week for 20 athletes as .fit into a folder per athlete: per athlete one events read (what is
 * planned, so the report can name every workout) and one workouts.zip (40), against one download
 * per planned workout; within 1.2x of the rate-limit bound.
 */
export async function exportsBench(): Promise<BenchRow[]> {
  const out = await mkdtemp(join(tmpdir(), 'coach-desk-bench-export-'))
  const c = await connectedCore({ athletes: ATHLETES + 2, latencyMs: LATENCY }, { dialogs: fixedFolderDialogs(out) })
  try {
    const roster = await c.core.invoke('roster:list', {})
    if (!roster.ok) throw new Error(roster.error.message)
    const athletes = (roster.value as RosterList).athletes.filter((a) => !a.isSelf).slice(0, ATHLETES)
    const ranges = athletes.map((a) => {
      const oldest = addDays(mondayOf(athleteToday(a.timezone, new Date())), 7)
      return { athleteId: a.id, oldest, newest: addDays(oldest, 6) }
    })
    const perEvent = ranges.reduce((n, r) => {
      const events = c.sim.state.athlete(r.athleteId)?.events ?? []
      return n + events.filter((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '').slice(0, 10) >= r.oldest && (e.start_date_local ?? '').slice(0, 10) <= r.newest).length
    }, 0)
    // Let the limiter's burst refill, as after a coach's pause.
    await new Promise((r) => setTimeout(r, 1500))
    c.sim.resetRequests()
    const t0 = performance.now()
    const r = await c.core.invoke('exports:saveMany', {
      exportId: '0b6c3f1e-5d2a-4e8b-9c7d-1a2b3c4d5e6f',
      selection: { ranges },
      format: 'fit',
      layout: 'folders',
    })
    const ms = performance.now() - t0
    if (!r.ok) throw new Error(r.error.message)
    const report = r.value as ExportReport
    const requests = c.sim.requests.length
    const boundMs = rateBoundMs(requests, LATENCY)
    return [
      {
        scenario: `export next week, ${ATHLETES} athletes, .fit, ${LATENCY} ms latency`,
        requests,
        requestTarget: `${2 * ATHLETES}`,
        naiveRequests: perEvent,
        ms,
        boundMs,
        ratio: ms / boundMs,
        target: '≤ 1.2x',
        pass: requests <= 2 * ATHLETES && ms / boundMs <= 1.2 && report.failed === 0 && report.leftOut === 0 && report.written === perEvent,
        note: `${report.written} of ${report.results.length} workouts written, ${report.leftOut} left out, ${report.failed} failed`,
      },
    ]
  } finally {
    await c.close()
    await rm(out, { recursive: true, force: true })
  }
}
