import type { AttentionFlag, AttentionRules, AttentionSettings, RuleId } from '../../contract/attention'
import { missedWorkoutsOf } from '../../contract/outcome'
import { addDays, daysBetween, mondayOf } from '../dates'

// Every rule is a pure function of what one refresh loaded for an athlete, evaluated on the
// athlete's own today (from their timezone), so the same data gives the same flags anywhere.

export interface PlannedWorkout {
  id: number
  date: string
  name: string
  type: string | null
  load: number | null
  secs: number | null
}

export interface DoneActivity {
  id: string
  /** Local start, yyyy-MM-ddTHH:mm:ss. */
  start: string
  type: string
  name: string
  load: number | null
  secs: number | null
  pairedEventId: number | null
  compliance: number | null
  coachTick: number | null
  chatId: number | null
  stub: boolean
}

export interface DayOff {
  category: 'SICK' | 'INJURED'
  start: string
  /** Exclusive end date (the server sets the next midnight for a single day). */
  end: string
  name: string
}

export interface WellnessReading {
  date: string
  hrv: number | null
  restingHR: number | null
}

export interface AthleteAttentionData {
  today: string
  form: number | null
  rampRate: number | null
  fitness: number | null
  fatigue: number | null
  /** Planned workouts from four weeks back to twelve weeks ahead. */
  workouts: PlannedWorkout[]
  /** A races ahead, in date order. */
  races: { date: string; name: string }[]
  activities: DoneActivity[]
  daysOff: DayOff[]
  /** Null when wellness was not read (the rule is off). */
  wellness: WellnessReading[] | null
  /** Unread comments from the athlete, per activity. */
  unread: { activityId: string; activityName: string; count: number }[]
  /** The first day the activities and workouts cover. */
  loadedFrom: string
}

export const DEFAULT_SETTINGS: AttentionSettings = {
  rules: {
    missedWorkouts: { on: true, days: 7, count: 2 },
    compliance: { on: true, min: 70, max: 130 },
    rampRate: { on: true, max: 8 },
    form: { on: true, min: -30 },
    wellnessBaseline: { on: true, days: 3, hrvDropPct: 15, restingHrRise: 5 },
    inactive: { on: true, days: 4 },
    sickOrInjured: { on: true, days: 3 },
    unreadComment: { on: true },
  },
  notifications: true,
}

type Rule<K extends RuleId> = (data: AthleteAttentionData, limits: AttentionRules[K]) => AttentionFlag | null

const dayOf = (start: string): string => start.slice(0, 10)
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
const shortDate = (date: string): string =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

/** The planned workouts missed by the athlete's today, by the rules the calendar uses too (contract/outcome). */
export function missedAll(data: AthleteAttentionData): PlannedWorkout[] {
  const done = data.activities.map((a) => ({ id: a.id, date: dayOf(a.start), type: a.type, pairedEventId: a.pairedEventId }))
  return missedWorkoutsOf(data.workouts, done, data.today)
}

/** Planned workouts of the last `days` days (today not counted: it is not over) with nothing done. */
export function missedWorkouts(data: AthleteAttentionData, days: number): PlannedWorkout[] {
  const from = addDays(data.today, -days)
  return missedAll(data).filter((w) => w.date >= from)
}

const missed: Rule<'missedWorkouts'> = (data, { days, count }) => {
  const list = missedWorkouts(data, days)
  if (list.length < count) return null
  const names = list.slice(0, 3).map((w) => `${w.name} (${shortDate(w.date)})`).join(', ')
  return {
    rule: 'missedWorkouts',
    reason: `${plural(list.length, 'planned workout')} missed in the last ${plural(days, 'day')}: ${names}${list.length > 3 ? '…' : ''}`,
    severity: list.length >= count * 2 ? 'high' : 'medium',
  }
}

/** Load done and planned in the week starting on `monday`. */
export function weekLoad(data: AthleteAttentionData, monday: string): { planned: number; done: number } {
  const end = addDays(monday, 7)
  const inWeek = (date: string) => date >= monday && date < end
  return {
    planned: data.workouts.filter((w) => inWeek(w.date)).reduce((s, w) => s + (w.load ?? 0), 0),
    done: data.activities.filter((a) => inWeek(dayOf(a.start))).reduce((s, a) => s + (a.load ?? 0), 0),
  }
}

const compliance: Rule<'compliance'> = (data, { min, max }) => {
  const lastMonday = addDays(mondayOf(data.today), -7)
  if (lastMonday < data.loadedFrom) return null
  const { planned, done } = weekLoad(data, lastMonday)
  if (planned <= 0) return null
  const pct = Math.round((done / planned) * 100)
  if (pct >= min && pct <= max) return null
  return {
    rule: 'compliance',
    reason: `Last week ${pct}% of the planned load (${Math.round(done)} of ${Math.round(planned)}), outside ${min}–${max}%`,
    severity: pct < min / 2 || pct > max * 1.5 ? 'high' : 'medium',
  }
}

const ramp: Rule<'rampRate'> = (data, { max }) => {
  if (data.rampRate === null || data.rampRate <= max) return null
  return {
    rule: 'rampRate',
    reason: `Fitness rising ${data.rampRate.toFixed(1)} a week, above ${max}`,
    severity: data.rampRate > max * 1.5 ? 'high' : 'medium',
  }
}

const form: Rule<'form'> = (data, { min }) => {
  if (data.form === null || data.form >= min) return null
  return { rule: 'form', reason: `Form ${Math.round(data.form)}, below ${min}`, severity: data.form < min - 10 ? 'high' : 'medium' }
}

/** Mean of the readings before the last week: the athlete's own normal. At least 7 days are needed. */
function baseline(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null)
  return present.length >= 7 ? present.reduce((a, b) => a + b, 0) / present.length : null
}

const wellness: Rule<'wellnessBaseline'> = (data, { days, hrvDropPct, restingHrRise }) => {
  if (!data.wellness?.length) return null
  const baseFrom = addDays(data.today, -35)
  const baseTo = addDays(data.today, -7)
  const base = data.wellness.filter((w) => w.date >= baseFrom && w.date < baseTo)
  // The last `days` readings, allowing for this morning's not being in yet: a day more to find them in.
  const recentFrom = addDays(data.today, -days)
  const recent = (pick: (w: WellnessReading) => number | null): number[] =>
    data.wellness!.filter((w) => w.date >= recentFrom && w.date <= data.today && pick(w) !== null)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((w) => pick(w)!)
      .slice(-days)
  const reasons: string[] = []
  const hrvBase = baseline(base.map((w) => w.hrv))
  const hrvs = recent((w) => w.hrv)
  if (hrvBase !== null && hrvs.length === days && hrvs.every((v) => v < hrvBase * (1 - hrvDropPct / 100))) {
    const latest = hrvs[hrvs.length - 1]!
    reasons.push(`HRV ${Math.round(latest)} vs a usual ${Math.round(hrvBase)} (${Math.round((1 - latest / hrvBase) * 100)}% lower)`)
  }
  const hrBase = baseline(base.map((w) => w.restingHR))
  const hrs = recent((w) => w.restingHR)
  if (hrBase !== null && hrs.length === days && hrs.every((v) => v > hrBase + restingHrRise)) {
    reasons.push(`resting HR ${Math.round(hrs[hrs.length - 1]!)} vs a usual ${Math.round(hrBase)} bpm`)
  }
  if (!reasons.length) return null
  const text = reasons.join(' and ')
  return {
    rule: 'wellnessBaseline',
    reason: `${text[0]!.toUpperCase()}${text.slice(1)}, ${days === 1 ? 'today' : `${days} days running`}`,
    severity: reasons.length > 1 ? 'high' : 'medium',
  }
}

/** The last day with an activity, or null when none was loaded. */
export function lastActiveDay(data: AthleteAttentionData): string | null {
  return data.activities.reduce<string | null>((latest, a) => (latest === null || dayOf(a.start) > latest ? dayOf(a.start) : latest), null)
}

const inactive: Rule<'inactive'> = (data, { days }) => {
  const last = lastActiveDay(data)
  const idle = last === null ? null : daysBetween(last, data.today)
  if (idle !== null && idle < days) return null
  return {
    rule: 'inactive',
    reason: idle === null ? `No activity since ${shortDate(data.loadedFrom)}` : `No activity for ${plural(idle, 'day')} (last ${shortDate(last!)})`,
    severity: idle === null || idle >= days * 2 ? 'high' : 'medium',
  }
}

const sick: Rule<'sickOrInjured'> = (data, { days }) => {
  const from = addDays(data.today, -days)
  const hits = data.daysOff.filter((d) => d.start.slice(0, 10) <= data.today && (d.end ? d.end.slice(0, 10) : addDays(d.start, 1)) > from)
  if (!hits.length) return null
  const latest = hits.sort((a, b) => b.start.localeCompare(a.start))[0]!
  const what = latest.category === 'SICK' ? 'Sick' : 'Injured'
  return {
    rule: 'sickOrInjured',
    reason: `${what} from ${shortDate(latest.start.slice(0, 10))}${latest.name && !new RegExp(`^${what}$`, 'i').test(latest.name) ? `: ${latest.name}` : ''}`,
    severity: 'high',
  }
}

const unread: Rule<'unreadComment'> = (data) => {
  const total = data.unread.reduce((s, u) => s + u.count, 0)
  if (!total) return null
  const on = data.unread.length === 1 ? ` on “${data.unread[0]!.activityName}”` : ` on ${data.unread.length} activities`
  return { rule: 'unreadComment', reason: `${plural(total, 'unread comment')} from the athlete${on}`, severity: 'medium' }
}

const RULES: { [K in RuleId]: Rule<K> } = {
  sickOrInjured: sick,
  wellnessBaseline: wellness,
  missedWorkouts: missed,
  compliance,
  rampRate: ramp,
  form,
  inactive,
  unreadComment: unread,
}

/** Every flag of the rules switched on, the most serious first. */
export function evaluate(data: AthleteAttentionData, rules: AttentionRules): AttentionFlag[] {
  const flags: AttentionFlag[] = []
  for (const id of Object.keys(RULES) as RuleId[]) {
    const limits = rules[id]
    if (!limits.on) continue
    const flag = (RULES[id] as Rule<typeof id>)(data, limits as never)
    if (flag) flags.push(flag)
  }
  return flags.sort((a, b) => weight(b) - weight(a))
}

function weight(f: AttentionFlag): number {
  return f.severity === 'high' ? 2 : 1
}

/** How much an athlete needs the coach: high flags count double. Sorts the Needs attention list. */
export function attentionScore(flags: AttentionFlag[]): number {
  return flags.reduce((s, f) => s + weight(f), 0)
}
