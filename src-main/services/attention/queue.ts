import type { ReviewItem } from '../../contract/attention'
import { addDays } from '../dates'
import type { LoadedAthlete } from './load'

/** How far back the review queue reaches, in each athlete's own days. */
export const REVIEW_DAYS = 14

/**
 * Every activity of the coached athletes not yet reviewed (no coach_tick on intervals.icu and not
 * marked in Coach Desk), or with a comment the coach has not read, oldest first across athletes.
 */
export function reviewQueue(athletes: LoadedAthlete[], reviewedLocally: Set<string>): ReviewItem[] {
  const items: ReviewItem[] = []
  for (const { row, data } of athletes) {
    if (!data) continue
    const from = addDays(data.today, -REVIEW_DAYS)
    for (const a of data.activities) {
      const unread = data.unread.find((u) => u.activityId === a.id)?.count ?? 0
      const reviewed = (a.coachTick ?? 0) > 0 || reviewedLocally.has(a.id)
      if (a.start.slice(0, 10) < from || (reviewed && !unread)) continue
      items.push({
        activityId: a.id,
        athleteId: row.id,
        athleteName: row.name,
        start: a.start,
        type: a.type,
        name: a.name,
        movingSecs: a.secs,
        load: a.load,
        compliance: a.compliance,
        unread,
        stub: a.stub,
      })
    }
  }
  // Local times of athletes in different timezones: sorted as written, which is the order a coach reads a day in.
  return items.sort((a, b) => a.start.localeCompare(b.start) || a.athleteName.localeCompare(b.athleteName))
}
