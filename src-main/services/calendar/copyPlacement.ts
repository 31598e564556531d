import type { PlacementChoice } from '../../contract/calendar'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { placeAgainstCalendars } from '../workouts/placementRead'
import type { PlaceNewEvents } from './service'

/**
 * A copy to other athletes or dates lands on calendars too: like an assignment, it meets what is already
 * planned on those days with the coach's choice (alongside, replace, skip) and says what deserves a look
 * (sport, days off, unlikely dates, which Apply then needs confirmed).
 */
export function placeCopies(deps: ServiceDeps, roster: RosterCache, choice: PlacementChoice): PlaceNewEvents {
  return (creates) => placeAgainstCalendars(deps, roster, creates, choice)
}
