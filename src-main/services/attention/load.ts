import { AppError } from '../../contract/errors'
import type { RosterRow } from '../../contract/schemas'
import { listActivities, listEvents, listWellness } from '../../icu/api'
import type { IcuHttp } from '../../icu/http'
import type { Priority } from '../../icu/limiter'
import { listChats, type Chat } from '../../icu/messages'
import { addDays, mondayOf } from '../dates'
import { num } from '../decode'
import type { AthleteAttentionData, DayOff, DoneActivity, PlannedWorkout, WellnessReading } from './rules'

// One refresh of attention data: per athlete one events read (planned workouts and sick or injured
// days of the last four weeks and this one), one activities read of the same weeks (trimmed with
// `fields`), and one wellness read when the wellness rule is on; then the coach's chats once, for
// the unread comments of every athlete. Every rule is computed from these: none asks on its own.

/** The last four weeks and this one: what the compliance table and every rule look at. */
export const WEEKS_BACK = 4
/** How far ahead the next A race is looked for (and planned load read for its projection). */
export const RACE_DAYS_AHEAD = 84
const ACTIVITY_FIELDS = ['id', 'start_date_local', 'type', 'name', 'icu_training_load', 'moving_time', 'paired_event_id', 'compliance', 'coach_tick', 'icu_chat_id', 'source']

export interface LoadedAthlete {
  row: RosterRow
  data: AthleteAttentionData | null
  error: string | null
}

export interface AttentionLoad {
  athletes: LoadedAthlete[]
  /** Activity id -> chat id, from the chats list and the activities. */
  chatOf: Map<string, number>
  requests: number
}

export async function loadAttention(
  http: IcuHttp,
  coachId: string,
  rows: RosterRow[],
  withWellness: boolean,
  o: { signal?: AbortSignal; priority?: Priority } = {},
): Promise<AttentionLoad> {
  let requests = 0
  const counted = <T>(p: Promise<T>): Promise<T> => {
    requests++
    return p
  }
  const chatsP = counted(listChats(http, coachId, o)).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'CANCELLED') throw e
    return null
  })
  // Awaited together, so a cancelled chats read is never left unhandled when an athlete's read failed first.
  const [athletes, chats] = await Promise.all([
    Promise.all(
      rows.map(async (row): Promise<LoadedAthlete> => {
        const monday = mondayOf(row.today)
        const from = addDays(monday, -7 * WEEKS_BACK)
        try {
          const [events, activities, wellness] = await Promise.all([
            counted(listEvents(http, row.id, { oldest: from, newest: addDays(row.today, RACE_DAYS_AHEAD), category: ['WORKOUT', 'SICK', 'INJURED', 'RACE_A'] }, o)),
            counted(listActivities(http, row.id, { oldest: from, newest: `${row.today}T23:59:59`, fields: ACTIVITY_FIELDS }, o)),
            withWellness
              ? counted(listWellness(http, row.id, { oldest: addDays(row.today, -35), newest: row.today, fields: ['id', 'hrv', 'restingHR'] }, o))
              : Promise.resolve(null),
          ])
          const data: AthleteAttentionData = {
            today: row.today,
            form: row.form,
            rampRate: row.rampRate,
            fitness: row.fitness,
            fatigue: row.fatigue,
            workouts: (events ?? []).filter((e) => e?.category === 'WORKOUT').map(plannedWorkout),
            races: (events ?? [])
              .filter((e) => e?.category === 'RACE_A' && (e.start_date_local ?? '').slice(0, 10) >= row.today)
              .map((e) => ({ date: (e.start_date_local ?? '').slice(0, 10), name: e.name || 'A race' }))
              .sort((a, b) => a.date.localeCompare(b.date)),
            daysOff: (events ?? []).filter((e) => e?.category === 'SICK' || e?.category === 'INJURED').map(dayOff),
            activities: (activities ?? []).filter((a) => a?.id).map(doneActivity),
            wellness: withWellness ? (wellness ?? []).filter((w) => typeof w?.id === 'string').map(reading) : null,
            unread: [],
            loadedFrom: from,
          }
          return { row, data, error: null }
        } catch (e) {
          if (e instanceof AppError && e.code === 'CANCELLED') throw e
          return { row, data: null, error: e instanceof AppError ? e.message : 'Could not load this athlete.' }
        }
      }),
    ),
    chatsP,
  ])
  const chatOf = new Map<string, number>()
  for (const a of athletes) for (const act of a.data?.activities ?? []) if (act.chatId !== null) chatOf.set(act.id, act.chatId)
  for (const chat of chats ?? []) addUnread(chat, athletes, chatOf)
  return { athletes, chatOf, requests }
}

/** An ACTIVITY chat with messages the coach has not seen counts against the athlete who owns the activity. */
function addUnread(chat: Chat, athletes: LoadedAthlete[], chatOf: Map<string, number>): void {
  if (chat?.type !== 'ACTIVITY' || !chat.activity_id || typeof chat.id !== 'number') return
  chatOf.set(chat.activity_id, chat.id)
  const count = num(chat.new_message_count) ?? 0
  if (count <= 0) return
  const owner = athletes.find((a) => a.row.id === chat.athlete_id || a.data?.activities.some((x) => x.id === chat.activity_id))
  if (!owner?.data) return
  const activity = owner.data.activities.find((x) => x.id === chat.activity_id)
  owner.data.unread.push({ activityId: chat.activity_id, activityName: activity?.name || chat.name || 'an activity', count })
}

function plannedWorkout(e: NonNullable<Awaited<ReturnType<typeof listEvents>>>[number]): PlannedWorkout {
  return {
    id: e.id ?? 0,
    date: (e.start_date_local ?? '').slice(0, 10),
    name: e.name || 'Workout',
    type: e.type ?? null,
    load: num(e.icu_training_load),
    secs: num(e.moving_time),
  }
}

function dayOff(e: NonNullable<Awaited<ReturnType<typeof listEvents>>>[number]): DayOff {
  return { category: e.category as DayOff['category'], start: e.start_date_local ?? '', end: e.end_date_local ?? '', name: e.name ?? '' }
}

function doneActivity(a: NonNullable<Awaited<ReturnType<typeof listActivities>>>[number]): DoneActivity {
  return {
    id: a.id ?? '',
    start: a.start_date_local ?? '',
    type: a.type ?? 'Other',
    name: a.name || a.type || 'Activity',
    load: num(a.icu_training_load),
    secs: num(a.moving_time),
    pairedEventId: num(a.paired_event_id),
    compliance: num(a.compliance),
    coachTick: num(a.coach_tick),
    chatId: num(a.icu_chat_id),
    stub: a.source === 'STRAVA',
  }
}

function reading(w: NonNullable<Awaited<ReturnType<typeof listWellness>>>[number]): WellnessReading {
  return { date: w.id ?? '', hrv: num(w.hrv), restingHR: num(w.restingHR) }
}
