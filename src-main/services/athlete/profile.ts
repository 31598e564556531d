import type { AthleteProfile, SportSettingsView } from '../../contract/schemas'
import { getAthlete, listSportSettings, listWellness } from '../../icu/api'
import type { SportSettings, WithSportSettings } from '../../icu/types'
import { addDays, athleteToday } from '../dates'
import { num, personName, round1, strings } from '../decode'
import type { ServiceDeps } from '../deps'
import { canWrite, type RosterCache } from '../roster'

type Deps = Pick<ServiceDeps, 'session' | 'now'>

/**
 * Sport settings by athlete, kept from the last profile load: the activity views need zone names
 * and bounds, and the profile already carried them, so they cost no request of their own.
 */
export class SettingsCache {
  private generation = -1
  private byAthlete = new Map<string, SportSettingsView[]>()

  constructor(private readonly deps: Deps) {}

  set(athleteId: string, settings: SportSettingsView[]): void {
    this.sync()
    this.byAthlete.set(athleteId, settings)
  }

  async get(athleteId: string, signal?: AbortSignal): Promise<SportSettingsView[]> {
    this.sync()
    const hit = this.byAthlete.get(athleteId)
    if (hit) return hit
    const list = ((await listSportSettings(this.deps.session.http(), athleteId, { signal })) ?? []).filter(Boolean).map(sportSettingsView)
    this.byAthlete.set(athleteId, list)
    return list
  }

  /** The record for an activity type (Ride covers VirtualRide and the rest of its types). */
  async forType(athleteId: string, type: string, signal?: AbortSignal): Promise<SportSettingsView | null> {
    const all = await this.get(athleteId, signal)
    return all.find((s) => s.types.includes(type)) ?? null
  }

  private sync(): void {
    if (this.generation !== this.deps.session.generation) {
      this.generation = this.deps.session.generation
      this.byAthlete.clear()
    }
  }
}

/**
 * Two requests: the athlete with sport settings, and today's wellness record for fitness and form.
 * The coach's tags and notes come only with GET /athletes, so they are read from the roster, which
 * the coach has already loaded (it costs no request then).
 */
export async function athleteProfile(
  deps: Deps,
  settings: SettingsCache,
  roster: Pick<RosterCache, 'rows'>,
  athleteId: string,
  signal?: AbortSignal,
): Promise<AthleteProfile> {
  const http = deps.session.http()
  // The athlete's today is within a day of UTC's, so the requests go out together.
  const utc = deps.now().toISOString().slice(0, 10)
  const [a, days, row] = await Promise.all([
    getAthlete(http, athleteId, { signal }) as Promise<WithSportSettings>,
    listWellness(http, athleteId, { oldest: addDays(utc, -1), newest: addDays(utc, 1), fields: ['id', 'ctl', 'atl'] }, { signal }),
    roster
      .rows([athleteId])
      .then(([r]) => r)
      .catch(() => null),
  ])
  const timezone = a.timezone || 'UTC'
  const today = athleteToday(timezone, deps.now())
  const w = (days ?? []).find((d) => d?.id === today)
  const extra = a as WithSportSettings & { icu_tags?: unknown; icu_notes?: unknown }
  const sports = (a.sportSettings ?? []).filter(Boolean).map(sportSettingsView)
  settings.set(athleteId, sports)
  const ctl = num(w?.ctl)
  const atl = num(w?.atl)
  return {
    id: a.id ?? athleteId,
    name: personName(a, athleteId),
    avatarUrl: a.profile_medium ?? null,
    timezone,
    today,
    city: a.city ?? null,
    country: a.country ?? null,
    sex: a.sex ?? null,
    weight: num(a.icu_weight ?? a.weight),
    restingHr: num(a.icu_resting_hr),
    tags: row ? row.tags : strings(extra.icu_tags),
    notes: row ? row.notes : typeof extra.icu_notes === 'string' ? extra.icu_notes : '',
    fitness: round1(ctl),
    fatigue: round1(atl),
    form: ctl === null || atl === null ? null : round1(ctl - atl),
    // READ means the coach can look but not change; the coach's own record has no permission field.
    canEdit: canWrite(row ?? { isSelf: false, permission: a.icu_permission ?? null }),
    sports,
  }
}

export function sportSettingsView(s: SportSettings): SportSettingsView {
  const numbers = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : [])
  return {
    id: s.id ?? 0,
    types: strings(s.types),
    ftp: num(s.ftp),
    indoorFtp: num(s.indoor_ftp),
    wPrime: num(s.w_prime),
    lthr: num(s.lthr),
    maxHr: num(s.max_hr),
    thresholdPace: num(s.threshold_pace),
    paceUnits: s.pace_units ?? null,
    powerZones: numbers(s.power_zones),
    powerZoneNames: strings(s.power_zone_names),
    hrZones: numbers(s.hr_zones),
    hrZoneNames: strings(s.hr_zone_names),
    paceZones: numbers(s.pace_zones),
    paceZoneNames: strings(s.pace_zone_names),
  }
}
