import { addDays, mondayOf } from '../contract/localDates'

// What `npm run check:live` writes to the maintainer's own calendar: a handful of events in one
// far-future week, named so they cannot be taken for real ones. Every body sent is built here, so
// the plan printed before asking is exactly what is written.

export const PROBE_NAME = 'Coach Desk probe – delete me'
const PROBE_NOTE = 'Written by npm run check:live to see how intervals.icu behaves; it deletes this itself.'
/** About five years ahead: far from any real plan. */
const WEEKS_AHEAD = 260

export type EventBody = Record<string, unknown>

export interface ProbeBodies {
  /** uid: created twice with upsertOnUid=true and the same uid. */
  uidNote: EventBody
  uidNoteAgain: EventBody
  /** bulkUpdate: created on events/bulk, then sent again with only a new name. */
  bulkNote: EventBody
  bulkRename: EventBody
  /** target: the athlete's own target, then a target row with an unknown uid on the same day and type. */
  ownTarget: EventBody
  targetRow: EventBody
  /** rangePut: a note over two days that begins before the range, and one inside it. */
  longNote: EventBody
  dayNote: EventBody
  rangeDay: string
  rangeFlags: { hide_from_athlete: true }
  /** zip: one workout every format can hold, one that is prose (nothing to convert). */
  convertible: EventBody
  prose: EventBody
  zipDay: string
}

/** Monday to Sunday, the athlete's local dates. */
export type ProbeWeek = readonly [string, string, string, string, string, string, string]

export interface ProbePlan {
  athleteId: string
  week: ProbeWeek
  runId: string
  bodies: ProbeBodies
  /** Probe events an earlier run left behind, deleted first. */
  leftovers: number[]
}

export function isProbeEvent(event: { name?: string | null }): boolean {
  return (event.name ?? '').startsWith(PROBE_NAME)
}

/** The Monday about five years after `today`, and `offset` weeks later when that week is taken. */
export function probeWeek(today: string, offset = 0): ProbeWeek {
  const monday = mondayOf(addDays(today, (WEEKS_AHEAD + offset) * 7))
  const day = (i: number): string => addDays(monday, i)
  return [day(0), day(1), day(2), day(3), day(4), day(5), day(6)]
}

export function probeBodies(week: ProbeWeek, runId: string): ProbeBodies {
  const name = (what: string) => `${PROBE_NAME} (${what})`
  const at = (day: string) => `${day}T00:00:00`
  const uid = (what: string) => `coach-desk-probe-${runId}-${what}`
  const note = (day: string, what: string): EventBody => ({ category: 'NOTE', name: name(what), start_date_local: at(day), description: PROBE_NOTE })
  const uidNote = { ...note(week[0], 'uid'), uid: uid('uid') }
  const bulkNote = { ...note(week[1], 'bulk update'), uid: uid('bulk') }
  const ownTarget: EventBody = { category: 'TARGET', type: 'Ride', name: name('target'), start_date_local: at(week[2]), load_target: 1 }
  return {
    uidNote,
    uidNoteAgain: { ...uidNote, name: name('uid, sent again') },
    bulkNote,
    // The uid is the one intervals.icu answered with, or the one sent when it answers none.
    bulkRename: { category: 'NOTE', start_date_local: at(week[1]), uid: bulkNote.uid, name: name('bulk update, renamed') },
    ownTarget,
    targetRow: { ...ownTarget, name: name('target, from a plan'), load_target: 2, uid: uid('target') },
    longNote: { ...note(week[3], 'range, two days'), end_date_local: at(week[5]) },
    dayNote: note(week[4], 'range'),
    rangeDay: week[4],
    rangeFlags: { hide_from_athlete: true },
    convertible: { category: 'WORKOUT', type: 'Ride', name: name('zip, steps'), start_date_local: at(week[6]), description: '- 10m 55%' },
    prose: { category: 'WORKOUT', type: 'Ride', name: name('zip, prose'), start_date_local: at(week[6]), description: 'Ride easy, as you feel.' },
    zipDay: week[6],
  }
}

/** Every request that writes, in order, as the maintainer is asked to approve it. */
export function describePlan(plan: ProbePlan): string[] {
  const a = `/athlete/${plan.athleteId}`
  const b = plan.bodies
  const json = (body: unknown) => JSON.stringify(body)
  const bulk = `POST ${a}/events/bulk?upsertOnUid=true&updatePlanApplied=false`
  return [
    `Coach Desk will write to ${plan.athleteId}'s calendar in the week ${plan.week[0]} to ${plan.week[6]}, then delete all of it:`,
    ...(plan.leftovers.length ? [`  DELETE ${a}/events/{id} for ${plan.leftovers.length} probe event(s) an earlier run left: ${plan.leftovers.join(', ')}`] : []),
    `  uid:         POST ${a}/events?upsertOnUid=true ${json(b.uidNote)}`,
    `               POST ${a}/events?upsertOnUid=true ${json(b.uidNoteAgain)}`,
    `  bulk update: ${bulk} [${json(b.bulkNote)}]`,
    `               ${bulk} [${json(b.bulkRename)}] (with the uid intervals.icu answered, if any)`,
    `  target:      POST ${a}/events?upsertOnUid=false ${json(b.ownTarget)}`,
    `               ${bulk} [${json(b.targetRow)}]`,
    `  range PUT:   POST ${a}/events?upsertOnUid=false ${json(b.longNote)}`,
    `               POST ${a}/events?upsertOnUid=false ${json(b.dayNote)}`,
    `               PUT ${a}/events?oldest=${b.rangeDay}&newest=${b.rangeDay} ${json(b.rangeFlags)}`,
    `  zip:         POST ${a}/events?upsertOnUid=false ${json(b.convertible)}`,
    `               POST ${a}/events?upsertOnUid=false ${json(b.prose)}`,
    `  cleanup:     DELETE ${a}/events/{id} for every event above (and any event named "${PROBE_NAME}…" in that week), then a read to check`,
    'It also reads: that week, the two workouts as .zwo and that day as workouts.zip, your activities of the last year',
    '(looking for one imported from Strava, and its streams), and sends a burst of up to 60 small GETs to see a 429.',
  ]
}
