import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportReport } from '../../src-main/contract/exports'
import type { RosterList } from '../../src-main/contract/schemas'
import { addDays, athleteToday, mondayOf } from '../../src-main/services/dates'
import { fixedFolderDialogs } from '../../src-main/services/exports/dialogs'
import { connectedCore, floorMs, median, ok, refill, repeat, serviceFloorNote, type BenchRow } from '../harness'

const LATENCY = 80
const ATHLETES = 20
const RUNS = 3

/**
 * Next week for 20 athletes as .fit into a folder per athlete: per athlete one events read (what is
 * planned, so the report can name every workout) and one workouts.zip (40, side by side), against
 * one download per planned workout; the median of 3 runs against the floor.
 */
export async function exportsBench(): Promise<BenchRow[]> {
  const out = await mkdtemp(join(tmpdir(), 'coach-desk-bench-export-'))
  let perEvent = 0
  try {
    const runs = await repeat(
      RUNS,
      async () => {
        // A folder per run: nothing written before is in the way.
        const folder = await mkdtemp(join(out, 'run-'))
        const c = await connectedCore({ athletes: ATHLETES + 2, latencyMs: LATENCY }, { dialogs: fixedFolderDialogs(folder) })
        const roster = await ok<RosterList>(c.core.invoke('roster:list', {}))
        const ranges = roster.athletes
          .filter((a) => !a.isSelf)
          .slice(0, ATHLETES)
          .map((a) => {
            const oldest = addDays(mondayOf(athleteToday(a.timezone, new Date())), 7)
            return { athleteId: a.id, oldest, newest: addDays(oldest, 6) }
          })
        perEvent = ranges.reduce((n, r) => {
          const events = c.sim.state.athlete(r.athleteId)?.events ?? []
          return n + events.filter((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '').slice(0, 10) >= r.oldest && (e.start_date_local ?? '').slice(0, 10) <= r.newest).length
        }, 0)
        await refill()
        return { c, ranges }
      },
      async ({ c, ranges }) => {
        const report = await ok<ExportReport>(
          c.core.invoke('exports:saveMany', { exportId: crypto.randomUUID(), selection: { ranges }, format: 'fit', layout: 'folders' }),
        )
        if (report.failed || report.leftOut || report.written !== perEvent) throw new Error(`export: ${report.written} written, ${report.leftOut} left out, ${report.failed} failed`)
        return report
      },
    )
    const requests = runs.at(-1)!.requests
    const ms = median(runs.map((r) => r.ms))
    // The events read and the zip do not depend on each other: side by side per athlete.
    const chains = Array.from({ length: ATHLETES }, () => [2])
    const boundMs = floorMs(chains, LATENCY)
    const last = runs.at(-1)!.value
    const rateLimited = runs.reduce((n, r) => n + r.rateLimited, 0)
    return [
      {
        scenario: `export next week, ${ATHLETES} athletes, .fit, ${LATENCY} ms latency`,
        requests,
        requestTarget: `${2 * ATHLETES}`,
        minimalRequests: 2 * ATHLETES,
        naiveRequests: perEvent,
        ms,
        boundMs,
        ratio: ms / boundMs,
        target: '≤ 1.2x',
        pass: requests <= 2 * ATHLETES && ms / boundMs <= 1.2 && rateLimited === 0,
        rateLimited,
        runs: runs.length,
        note: `${last.written} of ${last.results.length} workouts written, ${last.leftOut} left out, ${last.failed} failed (last run); ${serviceFloorNote(chains, LATENCY, ms)}`,
      },
    ]
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}
