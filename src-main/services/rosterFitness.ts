import type { SummaryWithCats } from '../icu/types'
import { projectFitness } from './athlete/fitness'
import { mondayOf } from './dates'
import { num, round1 } from './decode'

/** A week of the athlete-summary in which the athlete was active: its fitness and fatigue are as of its last activity. */
export interface ActiveWeekFitness {
  monday: string
  fitness: number
  fatigue: number
}

export interface FitnessOnDay {
  fitness: number | null
  fatigue: number | null
  form: number | null
  fitnessDate: string
}

/** The summary's weeks with at least one activity and both numbers, oldest first. */
export function activeWeeks(weeks: SummaryWithCats[]): ActiveWeekFitness[] {
  const out: ActiveWeekFitness[] = []
  for (const w of weeks) {
    const fitness = num(w.fitness)
    const fatigue = num(w.fatigue)
    if (w.date && (w.count ?? 0) > 0 && fitness !== null && fatigue !== null) out.push({ monday: w.date.slice(0, 10), fitness, fatigue })
  }
  return out
}

/**
 * Fitness, fatigue and form on the athlete's today, worked out without another request: the weekly
 * summary gives them as of the last activity of a week, the roster's last-activity read says which
 * day that was, and no load since then means each day after it only decays (42-day fitness, 7-day
 * fatigue), which is what the athlete's wellness record for today holds. Null when the summary has
 * no numbers for the week of that activity (it was loaded before the activity came in) or the
 * activity is dated after today.
 */
export function fitnessOnToday(weeks: ActiveWeekFitness[], lastActivityDate: string, today: string): FitnessOnDay | null {
  const day = lastActivityDate.slice(0, 10)
  if (day > today) return null
  const week = weeks.find((w) => w.monday === mondayOf(day))
  if (!week) return null
  if (day === today) {
    return { fitness: round1(week.fitness), fatigue: round1(week.fatigue), form: round1(week.fitness - week.fatigue), fitnessDate: today }
  }
  const last = projectFitness({ date: day, ctl: week.fitness, atl: week.fatigue }, [], today).at(-1)!
  return { fitness: last.ctl, fatigue: last.atl, form: last.form, fitnessDate: today }
}
