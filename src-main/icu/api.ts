import type { IcuHttp } from './http'
import type { Activity, AthleteWithTags, Event, SummaryWithCats, Wellness, WithSportSettings } from './types'

// One function per intervals.icu endpoint the app uses. Paths are relative to /api/v1.

type Opts = { signal?: AbortSignal }

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
  })
}

export function listWellness(
  http: IcuHttp,
  athleteId: string,
  q: { oldest: string; newest: string },
  o: Opts = {},
): Promise<Wellness[] | null> {
  return http.request({ path: `/athlete/${enc(athleteId)}/wellness`, query: q, signal: o.signal })
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

function enc(id: string): string {
  return encodeURIComponent(id)
}
