import type { Activity } from './types'

/**
 * Strava's terms keep its data out of the API: intervals.icu answers activities imported from
 * Strava with a stub (the spec's `Hidden` schema) and refuses to update them.
 */
export function publicActivity(a: Activity): Activity {
  if (a.source !== 'STRAVA') return a
  return {
    id: a.id,
    icu_athlete_id: a.icu_athlete_id,
    start_date_local: a.start_date_local,
    source: 'STRAVA',
    _note: 'STRAVA activities are not available via the API',
  } as Activity
}
