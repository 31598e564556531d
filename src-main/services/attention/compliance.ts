import type { ComplianceWeek } from '../../contract/attention'
import { addDays, mondayOf } from '../dates'
import { WEEKS_BACK } from './load'
import { missedAll, type AthleteAttentionData } from './rules'

/** Planned vs done per week (count, time, load) for the last four weeks and this one, oldest first. */
export function complianceWeeks(data: AthleteAttentionData): ComplianceWeek[] {
  const thisMonday = mondayOf(data.today)
  const weeks: ComplianceWeek[] = []
  const missed = new Set(missedAll(data).map((w) => w.id))
  for (let back = WEEKS_BACK; back >= 0; back--) {
    const monday = addDays(thisMonday, -7 * back)
    const next = addDays(monday, 7)
    const planned = data.workouts.filter((w) => w.date >= monday && w.date < next)
    const done = data.activities.filter((a) => a.start.slice(0, 10) >= monday && a.start.slice(0, 10) < next)
    weeks.push({
      monday,
      plannedCount: planned.length,
      plannedSecs: Math.round(planned.reduce((s, w) => s + (w.secs ?? 0), 0)),
      plannedLoad: Math.round(planned.reduce((s, w) => s + (w.load ?? 0), 0)),
      doneCount: done.length,
      doneSecs: Math.round(done.reduce((s, a) => s + (a.secs ?? 0), 0)),
      doneLoad: Math.round(done.reduce((s, a) => s + (a.load ?? 0), 0)),
      missed: planned
        .filter((w) => missed.has(w.id))
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((w) => ({ date: w.date, name: w.name })),
    })
  }
  return weeks
}
