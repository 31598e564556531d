import type { IcuHttp } from './http'
import type { Priority } from './limiter'
import type { Activity, ActivityStream, AthleteWithTags, Event, SportSettings, SummaryWithCats, Wellness, WithSportSettings } from './types'

// One function per intervals.icu endpoint the app uses. Paths are relative to /api/v1.

type Opts = { signal?: AbortSignal; priority?: Priority }

export function getAthlete(http: IcuHttp, athleteId: string, o: Opts = {}): Promise<WithSportSettings> {
  return http.request({ path: `/athlete/${enc(athleteId)}`, signal: o.signal })
}

/** GET /athletes: the coach's roster including the coach. API key only; newer servers only (404 before). */
export function listAthletes(http: IcuHttp, o: Opts = {}): Promise<AthleteWithTags[] | null> {
  return http.request({ path: '/athletes', signal: o.signal })
}

/** One row per followed athlete and week (weeks start Monday); fitness/fatigue/form as of the week. */
export function athleteSummary(
  http: IcuHttp,
  coachId: string,
  q: { start?: string; end?: string; tags?: string[] },
  o: Opts = {},
): Promise<SummaryWithCats[] | null> {
  return http.request({
    path: `/athlete/${enc(coachId)}/athlete-summary`,
    query: { start: q.start, end: q.end, tags: q.tags?.length ? q.tags.join(',') : undefined },
    signal: o.signal,
  })
}

/** Newest first; `limit` keeps the newest N; `fields` trims the payload (and drops nulls). */
export function listActivities(
  http: IcuHttp,
  athleteId: string,
  q: { oldest: string; newest?: string; limit?: number; fields?: string[] },
  o: Opts = {},
): Promise<Activity[] | null> {
  return http.request({
    path: `/athlete/${enc(athleteId)}/activities`,
    query: { oldest: q.oldest, newest: q.newest, limit: q.limit, fields: q.fields?.join(',') },
    signal: o.signal,
    priority: o.priority,
  })
}

export function listWellness(
  http: IcuHttp,
  athleteId: string,
  q: { oldest: string; newest: string; fields?: string[] },
  o: Opts = {},
): Promise<Wellness[] | null> {
  const query = { oldest: q.oldest, newest: q.newest, fields: q.fields?.join(',') }
  return http.request({ path: `/athlete/${enc(athleteId)}/wellness`, query, signal: o.signal })
}

export function listEvents(
  http: IcuHttp,
  athleteId: string,
  q: { oldest: string; newest: string; category?: string[] },
  o: Opts = {},
): Promise<Event[] | null> {
  return http.request({
    path: `/athlete/${enc(athleteId)}/events`,
    query: { oldest: q.oldest, newest: q.newest, category: q.category?.join(',') },
    signal: o.signal,
    priority: o.priority,
  })
}

export function getEvent(http: IcuHttp, athleteId: string, eventId: number, o: Opts = {}): Promise<Event> {
  return http.request({ path: `/athlete/${enc(athleteId)}/events/${eventId}`, signal: o.signal })
}

/** POST /events with upsertOnUid: a create that a retry cannot duplicate. */
export function createEventOnUid(http: IcuHttp, athleteId: string, event: Record<string, unknown>, o: Opts = {}): Promise<Event> {
  return http.request({
    method: 'POST',
    path: `/athlete/${enc(athleteId)}/events`,
    query: { upsertOnUid: true },
    body: event,
    idempotent: true,
    signal: o.signal,
  })
}

export function updateEvent(http: IcuHttp, athleteId: string, eventId: number, patch: Record<string, unknown>, o: Opts = {}): Promise<Event> {
  return http.request({ method: 'PUT', path: `/athlete/${enc(athleteId)}/events/${eventId}`, body: patch, signal: o.signal })
}

/** PUT /events?oldest&newest: only hide_from_athlete and athlete_cannot_edit are applied, over the range. */
export function updateEventFlagsInRange(
  http: IcuHttp,
  athleteId: string,
  range: { oldest: string; newest: string },
  flags: Record<string, unknown>,
  o: Opts = {},
): Promise<Event[] | null> {
  return http.request({ method: 'PUT', path: `/athlete/${enc(athleteId)}/events`, query: range, body: flags, signal: o.signal })
}

/**
 * POST /events/bulk with upsertOnUid (both flags are required by the spec; plan_applied stays as it
 * was). Not repeated by the client on a lost answer: callers read back instead, so a create never
 * doubles even where the server does not match the uid.
 */
export function createEventsBulk(http: IcuHttp, athleteId: string, rows: Array<Record<string, unknown>>, o: Opts = {}): Promise<Event[] | null> {
  return http.request({
    method: 'POST',
    path: `/athlete/${enc(athleteId)}/events/bulk`,
    query: { upsertOnUid: true, updatePlanApplied: false },
    body: rows,
    signal: o.signal,
  })
}

/** PUT /events/bulk-delete by id; ids already gone are ignored by the server. */
export function deleteEventsBulk(http: IcuHttp, athleteId: string, ids: number[], o: Opts = {}): Promise<{ eventsDeleted?: number } | null> {
  return http.request({ method: 'PUT', path: `/athlete/${enc(athleteId)}/events/bulk-delete`, body: ids.map((id) => ({ id })), signal: o.signal })
}

function enc(id: string): string {
  return encodeURIComponent(id)
}

/** One activity; `intervals` adds icu_intervals and icu_groups. Strava imports come back as a stub. */
export function getActivity(http: IcuHttp, activityId: string, q: { intervals?: boolean } = {}, o: Opts = {}): Promise<Activity> {
  return http.request({ path: `/activity/${enc(activityId)}`, query: { intervals: q.intervals || undefined }, signal: o.signal })
}

/** Only the fields sent change. Activities imported from Strava cannot be updated. */
export function updateActivity(http: IcuHttp, activityId: string, patch: Record<string, unknown>, o: Opts = {}): Promise<Activity> {
  return http.request({ method: 'PUT', path: `/activity/${enc(activityId)}`, body: patch, signal: o.signal })
}

/** Per-second samples; `types` picks the streams (time, watts, heartrate, cadence, velocity_smooth, altitude...). */
export function getActivityStreams(http: IcuHttp, activityId: string, types: string[], o: Opts = {}): Promise<ActivityStream[] | null> {
  return http.request({ path: `/activity/${enc(activityId)}/streams`, query: { types: types.join(',') }, signal: o.signal })
}

/** Only the fields sent change; the date is the record's id. */
export function updateWellness(http: IcuHttp, athleteId: string, date: string, patch: Record<string, unknown>, o: Opts = {}): Promise<Wellness> {
  return http.request({ method: 'PUT', path: `/athlete/${enc(athleteId)}/wellness/${enc(date)}`, body: patch, signal: o.signal })
}

/** Several days in one request; each row's `id` is its date. Answers with an empty body. */
export function updateWellnessBulk(http: IcuHttp, athleteId: string, rows: Array<Record<string, unknown>>, o: Opts = {}): Promise<void> {
  return http.request({ method: 'PUT', path: `/athlete/${enc(athleteId)}/wellness-bulk`, body: rows, signal: o.signal })
}

/** GET wellness.csv: the server's own CSV of the range, read as text. */
export async function getWellnessCsv(http: IcuHttp, athleteId: string, q: { oldest: string; newest: string }, o: Opts = {}): Promise<string> {
  const bytes = await http.request<Uint8Array>({ path: `/athlete/${enc(athleteId)}/wellness.csv`, query: q, binary: true, signal: o.signal })
  return new TextDecoder().decode(bytes)
}

export function listSportSettings(http: IcuHttp, athleteId: string, o: Opts = {}): Promise<SportSettings[] | null> {
  return http.request({ path: `/athlete/${enc(athleteId)}/sport-settings`, signal: o.signal })
}

/** The live API refuses this call without recalcHrZones; send only the fields that change. */
export function updateSportSettings(
  http: IcuHttp,
  athleteId: string,
  settingsId: number,
  recalcHrZones: boolean,
  patch: Record<string, unknown>,
  o: Opts = {},
): Promise<SportSettings> {
  return http.request({
    method: 'PUT',
    path: `/athlete/${enc(athleteId)}/sport-settings/${settingsId}`,
    query: { recalcHrZones },
    body: patch,
    signal: o.signal,
  })
}

/**
 * The endpoint upserts on external_id only for rows made by the same OAuth application; with an API
 * key a repeated POST could duplicate, so it is not retried after a timeout or 5xx (a 429 still is).
 */
export function createManualActivities(http: IcuHttp, athleteId: string, rows: Array<Record<string, unknown>>, o: Opts = {}): Promise<Activity[] | null> {
  return http.request({
    method: 'POST',
    path: `/athlete/${enc(athleteId)}/activities/manual/bulk`,
    body: rows,
    idempotent: false,
    signal: o.signal,
  })
}
