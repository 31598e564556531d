import { AppError } from '../../contract/errors'
import { CONFIRM_DATE_FIRST, unlikelyDates } from '../../contract/unlikelyDates'
import { athleteToday } from '../dates'
import type { ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'

/**
 * One event created on, or moved to, a day before the athlete's own today or more than a year ahead: refused
 * before anything is sent unless the coach said yes, in the words the bulk preview uses for the same dates.
 */
export async function holdUnlikelyDate(deps: Pick<ServiceDeps, 'now'>, roster: RosterCache, athleteId: string, date: string, confirmed: boolean | undefined) {
  // The roster answers a row for the id (loading itself if it has not) or refuses an athlete not on it.
  const row = (await roster.rows([athleteId]))[0]!
  if (confirmed) return
  // The athlete's today in their timezone, worked out now as the placement of new events does.
  const found = unlikelyDates([date], athleteToday(row.timezone, deps.now()), row.name)
  if (found.length) throw new AppError('INVALID_INPUT', `${CONFIRM_DATE_FIRST} ${found.map((u) => u.message).join(' ')}`)
}
