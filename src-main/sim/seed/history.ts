import { addDays, addSecondsLocal, localDateTimeIn, localToUtc, secondsToClock, todayIn } from '../dates'
import { createEvent } from '../eventModel'
import type { Rng } from '../random'
import type { Activity, CalendarEvent, EventInput } from '../types'
import { buildActivity } from './activity'
import { calendarExtras, isBlocked } from './calendar'
import { sessionsForDay, type Session } from './plan'
import type { AthleteSpec } from './roster'
import { renderWorkout, workoutDoc, workoutMetrics } from './workouts'

/** 16 weeks of done activities, ending today. */
export const HISTORY_DAYS = 112
/** Planned workouts stay on the calendar for the last 2 weeks and are planned 4 weeks ahead. */
export const PLANNED_PAST_DAYS = 14
export const PLANNED_FUTURE_DAYS = 28
const MISSED_SESSION_CHANCE = 0.07

export interface History {
  activities: Activity[]
  events: CalendarEvent[]
}

export interface IdRange {
  activityBase: number
  eventBase: number
}

export function buildHistory(spec: AthleteSpec, coachId: string, now: Date, rng: Rng, ids: IdRange): History {
  const today = todayIn(spec.timezone, now)
  const localNow = localDateTimeIn(spec.timezone, now)
  const updated = now.toISOString()
  const extras = calendarExtras(spec, today, rng)
  const activities: Activity[] = []
  const events: CalendarEvent[] = []
  let activityId = ids.activityBase
  let eventId = ids.eventBase
  const addEvent = (input: EventInput): CalendarEvent => {
    const event = createEvent(input, { id: eventId++, uid: rng.uuid(), athleteId: spec.id, createdBy: coachId, updated })
    events.push(event)
    return event
  }

  for (let offset = -(HISTORY_DAYS - 1); offset < PLANNED_FUTURE_DAYS; offset++) {
    const date = addDays(today, offset)
    const sessions = sessionsForDay(spec.profile, spec.level, spec.index, date, rng)
    if (isBlocked(extras, date)) continue
    let previousEnd: string | null = null
    for (const session of sessions) {
      const slot = schedule(session, date, previousEnd, spec, rng)
      previousEnd = slot.end
      const event = offset >= -PLANNED_PAST_DAYS ? addEvent(workoutInput(session, slot)) : null
      if (slot.end > localNow || rng.chance(MISSED_SESSION_CHANCE)) continue
      activityId += rng.int(3, 60)
      activities.push(doneActivity(`i${activityId}`, session, slot, event, spec, rng))
    }
  }
  if (extras.race) addEvent(extras.race.input)
  if (extras.holiday) addEvent(extras.holiday.input)
  for (const note of extras.notes) addEvent(note)
  return { activities, events }
}

interface Slot {
  start: string
  end: string
  movingTime: number
  thresholdSpeed: number
}

function schedule(session: Session, date: string, previousEnd: string | null, spec: AthleteSpec, rng: Rng): Slot {
  const thresholdSpeed = session.type === 'Swim' ? spec.swimThreshold : spec.runThreshold
  const planned = workoutMetrics(session.plan, thresholdSpeed)
  // A brick run starts as the ride ends; other sessions keep their slot.
  const start = session.kind === 'brick' && previousEnd ? addSecondsLocal(previousEnd, 300) : `${date}T${secondsToClock(session.startSecs)}`
  const movingTime = Math.round(planned.movingTime * rng.float(0.94, 1.08))
  return { start, end: addSecondsLocal(start, movingTime), movingTime, thresholdSpeed }
}

function doneActivity(id: string, session: Session, slot: Slot, event: CalendarEvent | null, spec: AthleteSpec, rng: Rng): Activity {
  const planned = workoutMetrics(session.plan, slot.thresholdSpeed)
  const intensity = (planned.intensity / 100) * rng.float(0.96, 1.04)
  const load = Math.round((slot.movingTime / 3600) * intensity * intensity * 100)
  const performed = {
    type: session.type,
    startLocal: slot.start,
    startUtc: localToUtc(slot.start, spec.timezone),
    movingTime: slot.movingTime,
    intensity,
    trainingLoad: load,
  }
  const activity = buildActivity(id, performed, spec, rng)
  if (event) {
    activity.paired_event_id = event.id
    const plannedLoad = event.icu_training_load ?? 0
    activity.compliance = plannedLoad > 0 ? Math.round((load / plannedLoad) * 1000) / 10 : null
  }
  return activity
}

function workoutInput(session: Session, slot: Slot): EventInput {
  const thresholdSpeed = slot.thresholdSpeed
  const start = slot.start
  const m = workoutMetrics(session.plan, thresholdSpeed)
  return {
    category: 'WORKOUT',
    name: session.name,
    description: renderWorkout(session.plan),
    type: session.type,
    indoor: session.type === 'VirtualRide',
    // Planned workouts sit on the day; the live server stores them at local midnight.
    start_date_local: `${start.slice(0, 10)}T00:00:00`,
    moving_time: m.movingTime,
    icu_training_load: m.load,
    icu_intensity: m.intensity,
    distance: m.distance,
    target: 'AUTO',
    workout_doc: workoutDoc(session.plan, thresholdSpeed) as EventInput['workout_doc'],
  }
}
