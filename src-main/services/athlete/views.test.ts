import { describe, expect, it } from 'vitest'
import type { SportSettingsView } from '../../contract/schemas'
import type { Activity, SportSettings, Wellness } from '../../icu/types'
import { activityRow } from './activities'
import { activityDetail, STRAVA_READ_ONLY } from './detail'
import { manualBody } from './manual'
import { sportSettingsView } from './profile'
import { settingsPatch, settingsProblem } from './settings'
import { wellnessDay, wellnessPatch } from './wellness'

// What the athlete pages show of intervals.icu's records, and what they send back, worked by hand
// from one record each.

const ride = {
  id: 'i55',
  icu_athlete_id: 'i100001',
  start_date_local: '2026-03-03T07:00:00',
  type: 'Ride',
  name: 'Tempo',
  description: 'Windy',
  source: 'GARMIN_CONNECT',
  moving_time: 3600,
  elapsed_time: 3700,
  distance: 36_000,
  total_elevation_gain: 420,
  icu_training_load: 70,
  icu_intensity: 80.5,
  icu_average_watts: 200,
  icu_weighted_avg_watts: 215,
  icu_ftp: 260,
  average_heartrate: 140,
  max_heartrate: 170,
  average_cadence: 88,
  average_speed: 10,
  calories: 900,
  icu_rpe: 6,
  feel: 2,
  tags: ['club'],
  paired_event_id: 77,
  compliance: 98,
  device_name: 'Edge 540',
  trainer: false,
  stream_types: ['watts', 'heartrate'],
} as Activity

const rideSettings: SportSettingsView = {
  id: 1,
  types: ['Ride', 'VirtualRide'],
  ftp: 300,
  indoorFtp: null,
  wPrime: null,
  lthr: 165,
  maxHr: 190,
  thresholdPace: null,
  paceUnits: null,
  powerZones: [60, 999],
  powerZoneNames: ['Easy', 'Hard'],
  hrZones: [140, 180, 200],
  hrZoneNames: ['Low', 'Mid', 'High'],
  paceZones: [],
  paceZoneNames: [],
}

describe('a row of the activities list', () => {
  it('shows the columns of a recorded activity', () => {
    expect(activityRow(ride)).toEqual({
      id: 'i55',
      date: '2026-03-03T07:00:00',
      type: 'Ride',
      name: 'Tempo',
      movingSecs: 3600,
      distanceM: 36_000,
      load: 70,
      intensity: 80.5,
      avgWatts: 200,
      normWatts: 215,
      avgHr: 140,
      rpe: 6,
      compliance: 98,
      pairedEventId: 77,
      source: 'GARMIN_CONNECT',
      stub: false,
    })
  })

  it('names a Strava stub as such, and has no compliance without a planned workout', () => {
    expect(activityRow({ id: 'i56', source: 'STRAVA', compliance: 80 } as Activity)).toMatchObject({ type: 'Strava', name: 'Imported from Strava', date: '', compliance: null, pairedEventId: null, stub: true })
    expect(activityRow({ id: 'i57', source: 'STRAVA', type: 'Run', name: 'Jog' } as Activity)).toMatchObject({ type: 'Run', name: 'Jog', stub: false })
    expect(activityRow({ id: 'i58' } as Activity)).toMatchObject({ type: 'Other', name: '', source: null, stub: false })
  })
})

describe('one activity’s page', () => {
  it('shows its summary, its intervals and its own zones', () => {
    const withIntervals = {
      ...ride,
      icu_intervals: [
        { id: 1, type: 'WORK', label: 'Rep 1', start_time: 600, end_time: 1200, moving_time: 600, distance: 7000, average_watts: 280, weighted_average_watts: 282, max_watts: 400, average_heartrate: 160, max_heartrate: 172, average_cadence: 92, average_speed: 11.6, zone: 4, intensity: 105 },
        null,
        { type: 'RECOVERY', start_index: 1200, end_index: 1499 },
        { id: 3, type: 'WORK' },
        { id: 4, type: 'STEADY', label: 'Cool down', start_time: 3000 },
      ],
      icu_zone_times: [
        { id: 'Z1', secs: 600 },
        { id: 'Z2', secs: 3000 },
      ],
      icu_hr_zone_times: [1200, 2400],
      icu_power_zones: [55, 999],
      icu_hr_zones: [150, 190],
    } as Activity
    const d = activityDetail(withIntervals, null)
    expect({ ...d, intervals: undefined, zones: undefined }).toEqual({
      id: 'i55',
      athleteId: 'i100001',
      date: '2026-03-03T07:00:00',
      type: 'Ride',
      name: 'Tempo',
      description: 'Windy',
      source: 'GARMIN_CONNECT',
      editable: true,
      readOnlyReason: null,
      movingSecs: 3600,
      elapsedSecs: 3700,
      distanceM: 36_000,
      elevationM: 420,
      load: 70,
      intensity: 80.5,
      avgWatts: 200,
      normWatts: 215,
      ftp: 260,
      avgHr: 140,
      maxHr: 170,
      avgCadence: 88,
      avgSpeed: 10,
      calories: 900,
      rpe: 6,
      feel: 2,
      tags: ['club'],
      compliance: 98,
      pairedEventId: 77,
      device: 'Edge 540',
      trainer: false,
      streamTypes: ['watts', 'heartrate'],
      intervals: undefined,
      zones: undefined,
    })
    const none = { movingSecs: null, distanceM: null, avgWatts: null, normWatts: null, maxWatts: null, avgHr: null, maxHr: null, avgCadence: null, avgSpeed: null, zone: null, intensity: null }
    expect(d.intervals).toEqual([
      { id: 1, kind: 'WORK', label: 'Rep 1', startSecs: 600, endSecs: 1200, movingSecs: 600, distanceM: 7000, avgWatts: 280, normWatts: 282, maxWatts: 400, avgHr: 160, maxHr: 172, avgCadence: 92, avgSpeed: 11.6, zone: 4, intensity: 105 },
      // Sample indices stand for seconds at 1 Hz; the end index is the last sample, so it ends a second later.
      { ...none, id: 0, kind: 'RECOVERY', label: 'Recovery', startSecs: 1200, endSecs: 1500 },
      { ...none, id: 3, kind: 'WORK', label: 'Work', startSecs: 0, endSecs: 1 },
      { ...none, id: 4, kind: 'OTHER', label: 'Cool down', startSecs: 3000, endSecs: 3001 },
    ])
    // Its own FTP (260) and zones: 55% of 260 is 143 W.
    expect(d.zones).toEqual({
      power: [
        { zone: 'Z1', name: 'Zone 1', secs: 600, lower: 0, upper: 143 },
        { zone: 'Z2', name: 'Zone 2', secs: 3000, lower: 143, upper: null },
      ],
      hr: [
        { zone: 'Z1', name: 'Zone 1', secs: 1200, lower: 0, upper: 150 },
        { zone: 'Z2', name: 'Zone 2', secs: 2400, lower: 150, upper: null },
      ],
    })
  })

  it('takes the athlete’s current FTP, zones and names when the activity has none of its own', () => {
    const bare = { ...ride, icu_ftp: null, icu_zone_times: [{ id: 'Z1', secs: 100 }, { id: 'Z2', secs: 200 }], icu_hr_zone_times: [10, 20], icu_power_zones: [], icu_hr_zones: null } as unknown as Activity
    expect(activityDetail(bare, rideSettings).zones).toEqual({
      // 60% of 300 W.
      power: [
        { zone: 'Z1', name: 'Easy', secs: 100, lower: 0, upper: 180 },
        { zone: 'Z2', name: 'Hard', secs: 200, lower: 180, upper: null },
      ],
      hr: [
        { zone: 'Z1', name: 'Low', secs: 10, lower: 0, upper: 140 },
        { zone: 'Z2', name: 'Mid', secs: 20, lower: 140, upper: null },
      ],
    })
    // Without settings there is no FTP for power; HR times are still shown, without bounds to name.
    expect(activityDetail(bare, null).zones).toEqual({
      power: [],
      hr: [
        { zone: 'Z1', name: 'Zone 1', secs: 10, lower: 0, upper: null },
        { zone: 'Z2', name: 'Zone 2', secs: 20, lower: null, upper: null },
      ],
    })
    expect(activityDetail(bare, null).ftp).toBeNull()
  })

  it('shows no power zones without an FTP or zone times, and HR zones only with times', () => {
    const noTimes = { ...ride, icu_zone_times: null, icu_hr_zone_times: null } as unknown as Activity
    expect(activityDetail(noTimes, rideSettings).zones).toEqual({ power: [], hr: [] })
  })

  it('shows a Strava stub read-only, with no streams and with the reason', () => {
    const stub = activityDetail({ id: 'i60', source: 'STRAVA', stream_types: ['watts'], trainer: true } as Activity, null)
    expect(stub).toMatchObject({ type: 'Strava', name: 'Imported from Strava', description: '', editable: false, readOnlyReason: STRAVA_READ_ONLY, streamTypes: [], trainer: true, athleteId: '', device: null, intervals: [] })
    expect(activityDetail({ id: 'i61', type: 'Run', trainer: 'yes' } as unknown as Activity, null)).toMatchObject({ type: 'Run', name: '', editable: true, trainer: false, source: null })
    expect(activityDetail({ id: 'i62' } as Activity, null)).toMatchObject({ type: 'Other', compliance: null })
  })
})

describe('sport settings as the profile shows them', () => {
  it('keeps only finite numbers in zone lists and leaves missing values empty', () => {
    const view = sportSettingsView({
      id: 7,
      types: ['Run', 'TrailRun'],
      ftp: 300,
      indoor_ftp: 290,
      w_prime: 20_000,
      lthr: 170,
      max_hr: 192,
      threshold_pace: 4.2,
      pace_units: 'MINS_KM',
      power_zones: [55, Number.NaN, '75', 90, 999],
      power_zone_names: ['Z1', 'Z2'],
      hr_zones: [140, null, 180],
      hr_zone_names: ['Easy'],
      pace_zones: [77.5, Number.POSITIVE_INFINITY, 100],
      pace_zone_names: ['Slow'],
    } as unknown as SportSettings)
    expect(view).toEqual({
      id: 7,
      types: ['Run', 'TrailRun'],
      ftp: 300,
      indoorFtp: 290,
      wPrime: 20_000,
      lthr: 170,
      maxHr: 192,
      thresholdPace: 4.2,
      paceUnits: 'MINS_KM',
      powerZones: [55, 90, 999],
      powerZoneNames: ['Z1', 'Z2'],
      hrZones: [140, 180],
      hrZoneNames: ['Easy'],
      paceZones: [77.5, 100],
      paceZoneNames: ['Slow'],
    })
    expect(sportSettingsView({ power_zones: 'none' } as unknown as SportSettings)).toMatchObject({ id: 0, types: [], ftp: null, paceUnits: null, powerZones: [], hrZones: [], paceZones: [] })
  })
})

describe('checks on a sport settings change that need the record', () => {
  const swim = { ...rideSettings, types: ['Swim'], maxHr: null, lthr: null }
  const run = { ...rideSettings, types: ['Run'], maxHr: null, lthr: null }

  it('refuses a threshold speed no swimmer or runner reaches, up to the record itself', () => {
    expect(settingsProblem(swim, { thresholdPace: 2.6 })).toBe('That swim threshold is faster than the world record: it is stored as a speed in m/s.')
    expect(settingsProblem(swim, { thresholdPace: 2.5 })).toBeNull()
    expect(settingsProblem(run, { thresholdPace: 7.3 })).toBe('That run threshold is faster than any runner: it is stored as a speed in m/s.')
    expect(settingsProblem(run, { thresholdPace: 7.2 })).toBeNull()
    // A ride has no threshold pace limit of either kind.
    expect(settingsProblem({ ...rideSettings, maxHr: null }, { thresholdPace: 7.5 })).toBeNull()
    expect(settingsProblem(swim, { ftp: 250 })).toBeNull()
  })

  it('keeps LTHR below max HR, whether either comes with the change or is the one stored', () => {
    expect(settingsProblem(rideSettings, { lthr: 190 })).toBe('LTHR (190 bpm) must be below max HR (190 bpm).')
    expect(settingsProblem(rideSettings, { lthr: 189 })).toBeNull()
    expect(settingsProblem(rideSettings, { maxHr: 160 })).toBe('LTHR (165 bpm) must be below max HR (160 bpm).')
    expect(settingsProblem({ ...rideSettings, lthr: null }, { maxHr: 160 })).toBeNull()
    expect(settingsProblem({ ...rideSettings, maxHr: null }, { lthr: 200 })).toBeNull()
  })

  it('keeps the top HR zone at or below max HR', () => {
    expect(settingsProblem(rideSettings, { hrZones: [140, 180, 191] })).toBe('The top HR zone ends at 191 bpm, above max HR (190 bpm).')
    expect(settingsProblem(rideSettings, { hrZones: [140, 180, 190] })).toBeNull()
    expect(settingsProblem(rideSettings, { hrZones: [140, 185], maxHr: 184, lthr: 150 })).toBe('The top HR zone ends at 185 bpm, above max HR (184 bpm).')
    expect(settingsProblem({ ...rideSettings, maxHr: null }, { hrZones: [140, 250] })).toBeNull()
  })

  it('sends only the fields changed, in the API’s names', () => {
    expect(
      settingsPatch({ ftp: 280, indoorFtp: 270, wPrime: 18_000, lthr: 168, maxHr: 191, thresholdPace: 4.1, powerZones: [55, 999], hrZones: [140, 191], paceZones: [80, 999] }),
    ).toEqual({ ftp: 280, indoor_ftp: 270, w_prime: 18_000, lthr: 168, max_hr: 191, threshold_pace: 4.1, power_zones: [55, 999], hr_zones: [140, 191], pace_zones: [80, 999] })
    expect(settingsPatch({ ftp: 280, lthr: undefined })).toEqual({ ftp: 280 })
  })
})

describe('a wellness day', () => {
  it('is read with the coach’s names, only numbers as numbers', () => {
    const w = { id: '2026-03-08', weight: 70.5, restingHR: 48, hrv: 61, sleepSecs: 27_000, sleepScore: 82, soreness: 2, fatigue: 3, stress: 1, mood: 2, motivation: 3, injury: 1, comments: 'Good', locked: true, ctl: 52.3, atl: 60.1 } as Wellness
    expect(wellnessDay(w)).toEqual({ date: '2026-03-08', weight: 70.5, restingHr: 48, hrv: 61, sleepSecs: 27_000, sleepScore: 82, soreness: 2, fatigue: 3, stress: 1, mood: 2, motivation: 3, injury: 1, comments: 'Good', locked: true, ctl: 52.3, atl: 60.1 })
    expect(wellnessDay({ id: '2026-03-09', comments: 5, locked: 'yes', hrv: '61' } as unknown as Wellness)).toMatchObject({ comments: null, locked: false, hrv: null, weight: null })
  })

  it('is written with the API’s names, and only the values given', () => {
    expect(wellnessPatch({ weight: 70, restingHr: 47, hrv: 60, sleepSecs: 28_000, sleepScore: 80, soreness: 1, fatigue: 2, stress: 3, mood: 4, motivation: 1, injury: 2, comments: 'Camp', locked: false })).toEqual({
      weight: 70,
      restingHR: 47,
      hrv: 60,
      sleepSecs: 28_000,
      sleepScore: 80,
      soreness: 1,
      fatigue: 2,
      stress: 3,
      mood: 4,
      motivation: 1,
      injury: 2,
      comments: 'Camp',
      locked: false,
    })
    expect(wellnessPatch({ hrv: 60, mood: undefined })).toEqual({ hrv: 60 })
  })
})

describe('a manual activity as sent', () => {
  it('starts at nine without a time, and carries only the values the coach gave', () => {
    expect(manualBody({ externalId: 'f3a1c2d4-0001', date: '2026-01-12', type: 'WeightTraining', name: 'Gym', movingSecs: 2700 })).toEqual({
      external_id: 'coach-desk-f3a1c2d4-0001',
      start_date_local: '2026-01-12T09:00:00',
      type: 'WeightTraining',
      name: 'Gym',
      moving_time: 2700,
      elapsed_time: 2700,
    })
    expect(manualBody({ externalId: 'f3a1c2d4-0002', date: '2026-01-13', startTime: '07:30', type: 'Run', name: 'Treadmill', movingSecs: 1800, distanceM: 0, load: 0, rpe: 5, description: '' })).toEqual({
      external_id: 'coach-desk-f3a1c2d4-0002',
      start_date_local: '2026-01-13T07:30:00',
      type: 'Run',
      name: 'Treadmill',
      moving_time: 1800,
      elapsed_time: 1800,
      distance: 0,
      icu_training_load: 0,
      icu_rpe: 5,
      description: '',
    })
  })
})
