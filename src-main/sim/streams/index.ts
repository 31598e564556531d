import type { components } from '../../icu/generated/openapi'
import { createRng } from '../random'
import type { Activity, SimAthlete } from '../types'
import { activitySeed, generateStreams, type StreamSet } from './generate'
import { groupsFor, intervalsFor } from './intervals'
import { segmentsFor } from './segments'

export type { StreamSet } from './generate'

export interface Analysis {
  streams: StreamSet
  intervals: components['schemas']['Interval'][]
  groups: components['schemas']['IntervalGroup'][]
}

// Streams are generated on request from the activity's own seed rather than stored: 16 weeks of
// 1 Hz data for a dozen athletes would be hundreds of megabytes. A few recent ones are kept.
const CACHE_SIZE = 12
const cache = new Map<string, Analysis>()

/** The samples and intervals of one activity; identical on every call for the same activity. */
export function analyse(owner: SimAthlete, activity: Activity): Analysis {
  const key = `${owner.id}/${activity.id}/${activity.moving_time}/${activity.start_date_local}`
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const result = build(owner, activity)
  cache.set(key, result)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return result
}

function build(owner: SimAthlete, activity: Activity): Analysis {
  if (!activity.stream_types?.length || !activity.moving_time) return { streams: {}, intervals: [], groups: [] }
  const type = activity.type ?? 'Ride'
  const settings = owner.sportSettings.find((s) => (s.types ?? []).includes(type as never)) ?? owner.sportSettings[0]
  const ride = owner.sportSettings.find((s) => (s.types ?? []).includes('Ride'))
  const ftp = activity.icu_ftp ?? ride?.ftp ?? 200
  const event = activity.paired_event_id ? (owner.events.find((e) => e.id === activity.paired_event_id) ?? null) : null
  const segments = segmentsFor(activity, event, createRng(activitySeed(`${activity.id}/plan`)))
  const streams = generateStreams(activity, segments, {
    ftp,
    lthr: activity.lthr ?? settings?.lthr ?? 160,
    maxHr: activity.athlete_max_hr ?? settings?.max_hr ?? 190,
    restingHr: activity.icu_resting_hr ?? owner.athlete.icu_resting_hr ?? 50,
    thresholdSpeed: settings?.threshold_pace ?? 3.5,
  })
  const intervals = intervalsFor(segments, streams, ftp, ride?.power_zones ?? [55, 75, 90, 105, 120, 150, 999])
  return { streams, intervals, groups: groupsFor(intervals, segments) }
}
