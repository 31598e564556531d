import type { SimChat } from '../chats'
import { addDays, localToUtc, todayIn } from '../dates'
import { createEvent } from '../eventModel'
import type { SimState } from '../state'
import type { Activity, SimAthlete } from '../types'
import type { History } from './history'
import type { AthleteSpec } from './roster'

// A few of the default dozen have a week that needs the coach, so every attention rule has
// someone to flag in the demo and the tests. Athletes 1 to 6 and 12 keep their plain history:
// other suites rely on it.

/** Oliver Hughes skipped his planned sessions over the last five days. */
const MISSED_WORKOUTS = 7
/** Lucía Martín doubled her training last week: fitness ramps and form drops. */
const OVERREACHING = 8
/** David Kowalski's calf strain is back: an injured day on the calendar and no activity since. */
const INJURED = 9
/** Sofia Rossi's HRV is down and her resting heart rate up for four days. */
const WELLNESS_OFF = 10

/** Changes the generated history before fitness is computed from it. */
export function shapeHistory(spec: AthleteSpec, history: History, now: Date, eventId: number): void {
  const today = todayIn(spec.timezone, now)
  if (spec.index === MISSED_WORKOUTS) {
    const from = addDays(today, -5)
    const skipped = new Set(history.events.filter((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '') >= from && (e.start_date_local ?? '') < today).map((e) => e.id))
    history.activities = history.activities.filter((a) => !skipped.has(a.paired_event_id ?? -1))
  }
  if (spec.index === OVERREACHING) {
    const from = addDays(today, -8)
    for (const a of history.activities) if ((a.start_date_local ?? '') >= from) scaleLoad(a, 2.6)
  }
  if (spec.index === INJURED) {
    const from = addDays(today, -6)
    history.activities = history.activities.filter((a) => (a.start_date_local ?? '') < from)
    const start = addDays(today, -2)
    history.events.push(
      createEvent(
        {
          category: 'INJURED',
          name: 'Calf strain',
          description: 'Left calf tight again after the hill session. Physio on Thursday.',
          start_date_local: `${start}T00:00:00`,
          end_date_local: `${addDays(today, 3)}T00:00:00`,
        },
        { id: eventId, uid: `injured-${spec.id}`, athleteId: spec.id, createdBy: spec.id, updated: localToUtc(`${start}T07:30:00`, spec.timezone) },
      ),
    )
  }
}

function scaleLoad(a: Activity, factor: number): void {
  a.icu_training_load = Math.round((a.icu_training_load ?? 0) * factor)
  a.moving_time = Math.round((a.moving_time ?? 0) * Math.sqrt(factor))
}

/** Changes the wellness generated from the history: HRV down, resting heart rate up, for four days. */
export function shapeWellness(spec: AthleteSpec, athlete: SimAthlete): void {
  if (spec.index !== WELLNESS_OFF) return
  const days = athlete.wellness.slice(-4)
  const usual = athlete.wellness.slice(-35, -7)
  const mean = (xs: (number | null | undefined)[]) => {
    const v = xs.filter((x): x is number => typeof x === 'number')
    return v.reduce((a, b) => a + b, 0) / Math.max(1, v.length)
  }
  const hrv = mean(usual.map((w) => w.hrv))
  const rhr = mean(usual.map((w) => w.restingHR))
  days.forEach((w, i) => {
    w.hrv = Math.round(hrv * (0.7 - i * 0.02) * 10) / 10
    w.restingHR = Math.round(rhr + 7 + i)
  })
}

interface Thread {
  athleteIndex: number
  /** Which activity, counting back from the newest (0). */
  back: number
  /** Who writes, in order; true for the coach. Read threads end with the coach's reply. */
  lines: [fromCoach: boolean, text: string][]
}

const THREADS: Thread[] = [
  { athleteIndex: 1, back: 3, lines: [[false, 'Power felt easy on the last two reps, could I go up 5 W next time?'], [true, 'Yes, take the last two at 105% next week.']] },
  { athleteIndex: 2, back: 0, lines: [[false, 'Legs felt heavy from the start, cut the last rep. Achilles fine though.']] },
  { athleteIndex: 3, back: 1, lines: [[true, 'Nice even pacing on the swim set.'], [false, 'Thanks! The pool was packed so I did the last 400 in the slow lane.'], [false, 'Also: can we move Saturday’s long ride to Sunday?']] },
  { athleteIndex: 6, back: 2, lines: [[false, 'Shoulder a bit sore after this one.'], [true, 'Keep the next swim easy and tell me how it feels.']] },
]

/** Days of activities the coach has not reviewed yet; older ones carry the coach's tick. */
const UNREVIEWED_DAYS = 3

/** The coach's reviews so far (coach_tick on older activities) and comment threads, some unread. */
export function seedCoaching(state: SimState, now: Date): void {
  const coach = state.coach
  for (const athlete of state.coached) {
    const from = addDays(todayIn(athlete.athlete.timezone ?? 'UTC', now), -UNREVIEWED_DAYS)
    for (const a of athlete.activities) if ((a.start_date_local ?? '') < from) a.coach_tick = 1
  }
  for (const t of THREADS) {
    const athlete = state.coached[t.athleteIndex - 1]
    if (!athlete) continue
    const activity = athlete.activities[athlete.activities.length - 1 - t.back]
    if (!activity?.id) continue
    const chat: SimChat = { id: state.allocateChatId(), activityId: activity.id, athleteId: athlete.id, name: activity.name ?? '', messages: [], lastSeen: new Map() }
    const startMs = Date.parse(activity.start_date ?? now.toISOString()) + ((activity.elapsed_time ?? 3600) + 1800) * 1000
    t.lines.forEach(([fromCoach, content], i) => {
      const who = fromCoach ? coach : athlete
      const id = state.allocateMessageId()
      const created = new Date(Math.min(now.getTime() - 60_000, startMs + i * 47 * 60_000)).toISOString()
      chat.messages.push({ id, athlete_id: who.id, name: who.athlete.name ?? '', created, type: 'TEXT', content, activity_id: activity.id })
      chat.lastSeen.set(who.id, id)
    })
    state.chats.set(chat.id, chat)
    activity.icu_chat_id = chat.id
  }
}
