import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { silentLogger } from '../log'
import { MemorySecretStore } from '../secrets/memory'
import { addDays, mondayOf } from '../services/dates'
import type { ServiceDeps } from '../services/deps'
import { CalendarLoader } from '../services/calendar/load'
import { RosterCache } from '../services/roster'
import { SessionService } from '../services/session'
import type { SimHandle } from '../sim'

// Shared by the export tests: what is on disk, a week that has workouts, and the services built
// by hand where a test injects file system failures.

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) await walk(path)
      else out.push(relative(dir, path).split('\\').join('/'))
    }
  }
  await walk(dir)
  return out.sort()
}

/** The Monday-to-Sunday week of the athlete's first planned workout from today on, and its workouts. */
export function plannedWeek(sim: SimHandle, athleteId: string) {
  const a = sim.state.athlete(athleteId)!
  const today = new Date().toISOString().slice(0, 10)
  const first = a.events.find((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '') >= today)!
  const oldest = mondayOf(first.start_date_local!.slice(0, 10))
  const newest = addDays(oldest, 6)
  const workouts = a.events.filter((e) => e.category === 'WORKOUT' && e.start_date_local!.slice(0, 10) >= oldest && e.start_date_local!.slice(0, 10) <= newest)
  return { athleteId, oldest, newest, workouts, name: a.athlete.name ?? athleteId }
}

/** Session (in demo mode against `sim`), roster and calendar loader, as the core builds them. */
export async function exportDeps(sim: SimHandle, dataDir: string) {
  const session = new SessionService({
    keychain: new MemorySecretStore(),
    baseUrl: sim.url,
    log: silentLogger,
    limiter: { perSecond: 100, burst: 100, maxInFlight: 6 },
    startDemo: async () => ({ url: sim.url, coachId: sim.coachId, apiKey: sim.apiKey, close: async () => {} }),
    onChange: () => {},
  })
  await session.openDemo()
  const deps: ServiceDeps = { session, now: () => new Date(), log: silentLogger, emit: () => {}, dataDir }
  return { ...deps, roster: new RosterCache(deps), loader: new CalendarLoader(deps) }
}
