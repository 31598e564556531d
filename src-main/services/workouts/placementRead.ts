import type { PlacementChoice } from '../../contract/calendar'
import { listEvents } from '../../icu/api'
import type { Event } from '../../icu/types'
import { athleteToday, maxDate, minDate } from '../dates'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { athleteThresholds } from './library'
import { placeNewEvents, type AthleteFacts, type NewEvent, type Placed } from './placement'

/**
 * Reads what new events meet, two requests per athlete in parallel through the one limiter: their events over
 * the days the new ones land on, and their sport settings. Then places the new events by the coach's choice.
 */
export async function placeAgainstCalendars(deps: ServiceDeps, roster: RosterCache, creates: NewEvent[], choice: PlacementChoice): Promise<Placed> {
  const http = deps.session.http()
  const now = deps.now()
  const ids = [...new Set(creates.map((c) => c.athleteId))]
  const rows = await roster.rows(ids)
  const existing = new Map<string, Event[]>()
  const athletes = new Map<string, AthleteFacts>()
  await Promise.all(
    ids.map(async (athleteId, i) => {
      const days = creates.filter((c) => c.athleteId === athleteId).map((c) => (c.event.start_date_local ?? '').slice(0, 10))
      // The roster answers a row for each id, in the order asked (or refuses an unknown one).
      const row = rows[i]!
      const [events, sports] = await Promise.all([
        listEvents(http, athleteId, { oldest: minDate(days), newest: maxDate(days) }),
        // Without settings the warning is left out; the plan itself does not depend on them.
        athleteThresholds(deps, athleteId).then((s) => s.flatMap((x) => x.types), () => null),
      ])
      existing.set(athleteId, (events ?? []).filter(Boolean))
      athletes.set(athleteId, { name: row.name, today: athleteToday(row.timezone, now), sports, recentSports: row.sports })
    }),
  )
  return placeNewEvents({ creates, existing, athletes, choice })
}
