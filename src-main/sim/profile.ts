/**
 * What the live intervals.icu does where its documentation is silent or contested. Each axis names
 * the readings the simulator can play; suites that write run under every one of them, so the app
 * is right whichever the live service turns out to be. `npm run check:live` detects the live
 * profile on a maintainer's account and prints it in this shape.
 */
export interface SimProfile {
  /**
   * The `uid` a client sends on a create. kept: stored, matched by upsertOnUid and echoed in
   * every answer (the default). notEchoed: stored and matched, but left out of every answer (one
   * public client's report under API-key auth). replaced: ignored; the server makes its own.
   */
  uid: 'kept' | 'notEchoed' | 'replaced'
  /**
   * An events/bulk row that matches an existing event. merge: only the fields sent change (the
   * default). replace: the event becomes what was sent; fields left out are cleared.
   */
  bulkUpdate: 'merge' | 'replace'
  /**
   * A TARGET row on events/bulk with upsertOnUid. byDate: it updates the athlete's target for
   * that date and type (the document's rule, the default). none: it is created beside it.
   */
  target: 'byDate' | 'none'
  /**
   * GET workouts.zip over a range holding a workout that cannot be converted. omit: the zip
   * leaves it out (the default). refuse: the whole range is a 422.
   */
  zip: 'omit' | 'refuse'
  /** A 429 from the rate limiter. sent: with `Retry-After: 1` (the default). absent: without. */
  retryAfter: 'sent' | 'absent'
  /**
   * Streams of an activity imported from Strava. stub: an empty list (the default).
   * unprocessable: 422 with a message.
   */
  stravaStreams: 'stub' | 'unprocessable'
  /**
   * Which events the range PUT /events?oldest&newest changes. byStart: those that start inside
   * (the default). overlapping: every event that overlaps the range, multi-day ones too.
   */
  rangePut: 'byStart' | 'overlapping'
}

export const DEFAULT_PROFILE: SimProfile = {
  uid: 'kept',
  bulkUpdate: 'merge',
  target: 'byDate',
  zip: 'omit',
  retryAfter: 'sent',
  stravaStreams: 'stub',
  rangePut: 'byStart',
}

/** Every reading of every axis; the first is the default. */
export const VARIANTS: { [K in keyof SimProfile]: readonly SimProfile[K][] } = {
  uid: ['kept', 'notEchoed', 'replaced'],
  bulkUpdate: ['merge', 'replace'],
  target: ['byDate', 'none'],
  zip: ['omit', 'refuse'],
  retryAfter: ['sent', 'absent'],
  stravaStreams: ['stub', 'unprocessable'],
  rangePut: ['byStart', 'overlapping'],
}

export type ProfileAxis = keyof SimProfile

export interface NamedProfile {
  /** e.g. "default", "uid=notEchoed", "all-hard". */
  name: string
  profile: SimProfile
}

/**
 * The profiles a suite runs under for the axes it depends on: the default, each other reading of
 * each axis alone, and every axis at its last (least forgiving) reading at once. For use with
 * `describe.each(profilesFor([...]))`.
 */
export function profilesFor(axes: readonly ProfileAxis[]): NamedProfile[] {
  const out: NamedProfile[] = [{ name: 'default', profile: { ...DEFAULT_PROFILE } }]
  for (const axis of axes) {
    for (const value of VARIANTS[axis].slice(1)) {
      out.push({ name: `${axis}=${value}`, profile: { ...DEFAULT_PROFILE, [axis]: value } })
    }
  }
  if (axes.length > 1) {
    const hard = { ...DEFAULT_PROFILE }
    for (const axis of axes) (hard as Record<string, unknown>)[axis] = VARIANTS[axis].at(-1)
    out.push({ name: 'all-hard', profile: hard })
  }
  return out
}

/** A profile from JSON (as check:live prints it): unknown axes or readings are refused. */
export function parseProfile(json: unknown): SimProfile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('A profile is a JSON object.')
  const out: SimProfile = { ...DEFAULT_PROFILE }
  for (const [key, value] of Object.entries(json)) {
    if (!(key in VARIANTS)) throw new Error(`Unknown profile axis "${key}".`)
    const readings = VARIANTS[key as ProfileAxis] as readonly unknown[]
    if (!readings.includes(value)) throw new Error(`Unknown reading "${String(value)}" for ${key}; expected one of ${readings.join(', ')}.`)
    ;(out as unknown as Record<string, unknown>)[key] = value
  }
  return out
}
