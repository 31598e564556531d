import type { BulkPlan } from '../../contract/calendar'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import type { NewEvent } from '../workouts/placement'
import { placeAgainstCalendars } from '../workouts/placementRead'

/**
 * A copy to other athletes or dates lands on calendars too: the preview says what is already planned on those
 * days and what deserves a look (sport, days off, unlikely dates), read from the plan's own creates.
 */
export async function withCopyPlacement(deps: ServiceDeps, roster: RosterCache, plan: BulkPlan): Promise<BulkPlan> {
  const creates: NewEvent[] = plan.changes
    .filter((c) => c.kind === 'create' && c.date)
    .map((c) => ({
      athleteId: c.athleteId,
      event: {
        category: String(c.after?.category ?? 'WORKOUT') as NewEvent['event']['category'],
        name: c.name,
        type: typeof c.after?.sport === 'string' ? c.after.sport : undefined,
        description: typeof c.after?.description === 'string' ? c.after.description : '',
        start_date_local: `${c.date}T00:00:00`,
      },
    }))
  if (!creates.length) return plan
  const placed = await placeAgainstCalendars(deps, roster, creates, 'alongside')
  return { ...plan, placement: placed.placement }
}
