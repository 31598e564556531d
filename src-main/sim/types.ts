import type { components } from '../icu/generated/openapi'
import type { SimProfile } from './profile'
import type { SimState } from './state'

type Schemas = components['schemas']

/** The live API sends unset fields as explicit nulls, so stored objects allow them too. */
export type Wire<T> = { [K in keyof T]?: T[K] | null }

export type Athlete = Wire<Schemas['Athlete']>
export type Activity = Wire<Schemas['Activity']>
export type Wellness = Wire<Schemas['Wellness']>
export type CalendarEvent = Wire<Schemas['Event']>
export type EventInput = Wire<Schemas['EventEx']>
export type SportSettings = Wire<Schemas['SportSettings']>
export type AthleteWithTags = Wire<Schemas['AthleteWithTags']>
export type WithSportSettings = Wire<Omit<Schemas['WithSportSettings'], 'sportSettings'>> & { sportSettings: SportSettings[] | null }
export type SummaryWithCats = Schemas['SummaryWithCats']
export type CategorySummary = Schemas['CategorySummary']
export type EventCategory = NonNullable<Schemas['Event']['category']>
export type ActivityType = NonNullable<Schemas['CategorySummary']['category']>

export interface SimOptions {
  /** Default 0 (a free port); the server always listens on 127.0.0.1. */
  port?: number
  /** Default 1; the same seed (and the same clock) gives the same data. */
  seed?: number
  /** Number of coached athletes, default 12. */
  athletes?: number
  /** The clock the data is generated around and "today" is computed from. */
  now?: () => Date
  /** Added to every response, default 0. */
  latencyMs?: number
  /** Default { perSecond: 10, burst: 20 }; false turns the limiter off. */
  rateLimit?: { perSecond: number; burst: number } | false
  /** Default true; false makes GET /api/v1/athletes answer 404, like servers from before mid-2026. */
  athletesEndpoint?: boolean
  /** Called with each request once its body is read (tests check requests against the OpenAPI document). */
  onRequest?: (entry: SimRequestLog) => void
  /** Readings of what the documentation leaves open; missing axes take DEFAULT_PROFILE's. */
  profile?: Partial<SimProfile>
}

export interface SimRequestLog {
  method: string
  path: string
  /** The raw query string without the leading '?'. */
  query: string
  /** 0 until answered, and for dropped connections. */
  status: number
  /** Epoch milliseconds (wall clock) when the request arrived. */
  at: number
  /** The request body as sent: parsed JSON, else the raw text; undefined when empty. */
  body?: unknown
}

export interface FaultRule {
  method?: string
  /** Matched against the pathname, e.g. /api/v1/athlete/i100001/events. */
  path?: string | RegExp
  /** Answer with this status (and body) instead of the real handler. */
  status?: number
  body?: unknown
  /** Seconds, sent as a Retry-After header. */
  retryAfter?: number
  /** Extra delay before answering, to provoke client timeouts. */
  delayMs?: number
  /** Destroy the socket without answering (the request never reaches a handler). */
  drop?: boolean
  /** Let the handler change the state, then destroy the socket: the answer is lost. */
  dropAfter?: boolean
  /** Let the handler change the state, then wait this long before answering (a stalled answer). */
  stallAfterMs?: number
  /** How many matching requests the rule applies to; default Infinity. */
  times?: number
}

export interface SimHandle {
  /** e.g. http://127.0.0.1:43123; clients append /api/v1/... */
  url: string
  coachId: string
  apiKey: string
  /** Every request received, in arrival order. */
  requests: SimRequestLog[]
  resetRequests(): void
  addFault(rule: FaultRule): void
  clearFaults(): void
  setLatency(ms: number): void
  state: SimState
  /** The readings in force; tests may change them between requests. */
  profile: SimProfile
  setProfile(profile: Partial<SimProfile>): void
  close(): Promise<void>
}

export type SportProfile = 'cyclist' | 'runner' | 'triathlete' | 'swimmer' | 'coach'

/** How the API key's owner relates to an athlete: decides 403s and the roster. */
export type Relation = 'self' | 'coached' | 'stranger'

export interface SimAthlete {
  id: string
  relation: Relation
  profile: SportProfile
  athlete: Athlete
  /** The coach's tags and notes for this athlete (AthleteWithTags.icu_tags / icu_notes). */
  tags: string[]
  notes: string
  externalId: string | null
  sportSettings: SportSettings[]
  /** Ascending by start_date_local. */
  activities: Activity[]
  /** One record per local day, ascending by id (the date). */
  wellness: Wellness[]
  events: CalendarEvent[]
}
