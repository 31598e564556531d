import type { SportSettingsChanges, SportSettingsView } from '../../contract/schemas'
import { AppError } from '../../contract/errors'
import { updateSportSettings } from '../../icu/api'
import type { ServiceDeps } from '../deps'
import { sportSettingsView, type SettingsCache } from './profile'

/** 100 m in 40 s is faster than the world record; a bigger speed means seconds were typed as m/s. */
const MAX_SWIM_SPEED = 2.5
/** 1 km in 2:20 is faster than any runner over distance. */
const MAX_RUN_SPEED = 7.2

/**
 * Checks that need the record being changed (its sport, its current max HR), then sends only the
 * changed fields. `recalcHrZones` is the coach's choice, passed through: intervals.icu requires it.
 */
export async function saveSportSettings(
  deps: Pick<ServiceDeps, 'session'>,
  cache: SettingsCache,
  q: { athleteId: string; settingsId: number; recalcHrZones: boolean; changes: SportSettingsChanges },
): Promise<SportSettingsView> {
  const all = await cache.get(q.athleteId)
  const current = all.find((s) => s.id === q.settingsId)
  if (!current) throw new AppError('NOT_FOUND', 'Those sport settings are not on intervals.icu any more. Reload the athlete.')
  const problem = settingsProblem(current, q.changes)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  const saved = await updateSportSettings(deps.session.http(), q.athleteId, q.settingsId, q.recalcHrZones, settingsPatch(q.changes))
  const view = sportSettingsView(saved)
  cache.set(
    q.athleteId,
    all.map((s) => (s.id === view.id ? view : s)),
  )
  return view
}

export function settingsProblem(current: SportSettingsView, c: SportSettingsChanges): string | null {
  const swim = current.types.includes('Swim')
  const run = current.types.includes('Run')
  if (c.thresholdPace !== undefined) {
    if (swim && c.thresholdPace > MAX_SWIM_SPEED) return 'That swim threshold is faster than the world record: it is stored as a speed in m/s.'
    if (run && c.thresholdPace > MAX_RUN_SPEED) return 'That run threshold is faster than any runner: it is stored as a speed in m/s.'
  }
  const maxHr = c.maxHr ?? current.maxHr
  const lthr = c.lthr ?? current.lthr
  if (maxHr !== null && lthr !== null && lthr >= maxHr) return `LTHR (${lthr} bpm) must be below max HR (${maxHr} bpm).`
  const topHr = c.hrZones?.at(-1)
  if (topHr !== undefined && maxHr !== null && topHr > maxHr) {
    return `The top HR zone ends at ${topHr} bpm, above max HR (${maxHr} bpm).`
  }
  return null
}

export function settingsPatch(c: SportSettingsChanges): Record<string, unknown> {
  const names: Record<keyof SportSettingsChanges, string> = {
    ftp: 'ftp',
    indoorFtp: 'indoor_ftp',
    wPrime: 'w_prime',
    lthr: 'lthr',
    maxHr: 'max_hr',
    thresholdPace: 'threshold_pace',
    powerZones: 'power_zones',
    hrZones: 'hr_zones',
    paceZones: 'pace_zones',
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(c) as [keyof SportSettingsChanges, unknown][]) if (v !== undefined) out[names[k]] = v
  return out
}
