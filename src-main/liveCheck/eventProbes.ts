import type { Event } from '../icu/types'
import type { ProbeCalendar } from './probeCalendar'
import type { ProbeBodies } from './probePlan'
import { found, unknown, type AxisResult } from './reading'

// The probes that write events. Each reads back what it wrote before naming a reading.

const echoed = (e: Event): string | null => (typeof e.uid === 'string' && e.uid !== '' ? e.uid : null)

/** uid: is the client's uid echoed, and does a repeated create with upsertOnUid find the first? */
export async function probeUid(cal: ProbeCalendar, b: ProbeBodies): Promise<AxisResult<'uid'>> {
  const sent = b.uidNote.uid as string
  const first = await cal.create(b.uidNote, true)
  const again = await cal.create(b.uidNoteAgain, true)
  const uid = echoed(first)
  const matched = again.id === first.id
  if (matched && uid === sent) return found('uid', 'kept', 'the uid sent came back, and a second create with it updated the first')
  if (matched && uid === null) return found('uid', 'notEchoed', 'the answer carried no uid, yet a second create with it updated the first')
  if (!matched && uid !== sent) {
    return found('uid', 'replaced', `a second create with the same uid made another event${uid ? ` (the answer's uid was ${uid})` : ''}`)
  }
  return unknown('uid', `the uid was echoed as ${uid ?? 'nothing'} but a second create ${matched ? 'updated' : 'did not update'} the first`)
}

/** bulkUpdate: a matching events/bulk row without a description; does the description survive? */
export async function probeBulkUpdate(cal: ProbeCalendar, b: ProbeBodies): Promise<AxisResult<'bulkUpdate'>> {
  const [created] = await cal.bulk([b.bulkNote])
  if (!created) return unknown('bulkUpdate', 'events/bulk answered with no event')
  const [renamed] = await cal.bulk([{ ...b.bulkRename, uid: echoed(created) ?? b.bulkRename.uid }])
  if (renamed?.id !== created.id) return unknown('bulkUpdate', 'events/bulk did not match the event by its uid, so no update happened')
  const now = await cal.get(created.id as number)
  if (now.name !== b.bulkRename.name) return unknown('bulkUpdate', 'the matching row did not rename the event')
  if (now.description === b.bulkNote.description) return found('bulkUpdate', 'merge', 'a row without a description left the description as it was')
  if (now.description == null || now.description === '') return found('bulkUpdate', 'replace', 'a row without a description cleared it')
  return unknown('bulkUpdate', `the description became ${JSON.stringify(now.description)}`)
}

/** target: a TARGET row whose uid matches nothing, on a day with a target of that type. */
export async function probeTarget(cal: ProbeCalendar, b: ProbeBodies): Promise<AxisResult<'target'>> {
  const own = await cal.create(b.ownTarget)
  const [row] = await cal.bulk([b.targetRow])
  if (!row) return unknown('target', 'events/bulk answered with no event')
  if (row.id !== own.id) return found('target', 'none', 'the target row was created beside the existing target')
  const now = await cal.get(own.id as number)
  if (now.load_target === b.targetRow.load_target) return found('target', 'byDate', 'the target row updated the existing target of that day and type')
  return unknown('target', 'the answer named the existing target, but its load target did not change')
}

/** rangePut: does the range PUT change a two-day event that began the day before the range? */
export async function probeRangePut(cal: ProbeCalendar, b: ProbeBodies): Promise<AxisResult<'rangePut'>> {
  const long = await cal.create(b.longNote)
  const day = await cal.create(b.dayNote)
  await cal.putRange(b.rangeDay, b.rangeDay, b.rangeFlags)
  const [longNow, dayNow] = [await cal.get(long.id as number), await cal.get(day.id as number)]
  if (dayNow.hide_from_athlete !== true) return unknown('rangePut', 'the range PUT did not hide even the event that starts inside the range')
  if (longNow.hide_from_athlete === true) return found('rangePut', 'overlapping', 'it also hid the event that began the day before and runs into the range')
  return found('rangePut', 'byStart', 'it hid only the event that starts inside the range')
}
