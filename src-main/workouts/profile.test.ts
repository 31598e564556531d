import { describe, expect, it } from 'vitest'
import type { ParsedWorkout, Step, WorkoutItem } from './types'
import { workoutProfile, zoneOf } from './profile'

// The editor's graph of a workout: blocks end to end in time, each as high as its intensity and
// coloured by its zone. Workouts are written out as parsed steps so that only the drawing is tested;
// every number is worked out from the default zone tables (zones.ts).

const workout = (...items: WorkoutItem[]): ParsedWorkout => ({ items, issues: [], totalSecs: 0, totalMeters: 0 })
const step = (s: Step): WorkoutItem => ({ type: 'step', ...s })
const label = (s: Step) => `line ${s.line}`

describe('the zone of an intensity', () => {
  it('is the first zone whose upper edge it does not pass', () => {
    // Power: upper edges 55, 75, 90, 105, 120, 150 % of FTP.
    expect([0.3, 0.55, 0.551, 0.75, 0.9, 1.05, 1.2, 1.5, 1.51, 3].map((s) => zoneOf('power', s))).toEqual([1, 1, 2, 2, 3, 4, 5, 6, 7, 7])
    // Heart rate: 81, 89, 93, 99, 102, 106 % of LTHR.
    expect([0.81, 0.82, 0.93, 0.99, 1.02, 1.06, 1.07].map((s) => zoneOf('hr', s))).toEqual([1, 2, 3, 4, 5, 6, 7])
    // Pace: 77.5, 87.7, 94.3, 100, 103.4, 111.5 % of threshold speed.
    expect([0.775, 0.776, 0.877, 0.943, 1, 1.001, 1.034, 1.115, 1.2].map((s) => zoneOf('pace', s))).toEqual([1, 2, 2, 3, 4, 5, 5, 6, 7])
  })
})

describe('a workout’s shape over time', () => {
  it('puts each step after the last, repeats written out, with its height, zone and label', () => {
    const blocks = workoutProfile(
      workout(
        { type: 'section', line: 1, title: 'Warm up' },
        step({ line: 2, durationSecs: 600, ramp: true, target: { kind: 'power', units: '%ftp', start: 50, end: 75 } }),
        {
          type: 'repeat',
          line: 3,
          reps: 2,
          steps: [
            { line: 4, durationSecs: 300, target: { kind: 'power', units: '%ftp', start: 105 } },
            { line: 5, durationSecs: 180 },
          ],
        },
        step({ line: 6, durationSecs: 240, freeride: true, target: { kind: 'power', units: '%ftp', start: 60 } }),
      ),
      {},
      'Ride',
      label,
    )
    expect(blocks).toEqual([
      { line: 2, startSecs: 0, secs: 600, from: 0.5, to: 0.75, zoneFrom: 1, zoneTo: 2, kind: 'power', ramp: true, timed: true, label: 'line 2' },
      { line: 4, startSecs: 600, secs: 300, from: 1.05, to: 1.05, zoneFrom: 4, zoneTo: 4, kind: 'power', ramp: false, timed: true, label: 'line 4' },
      { line: 5, startSecs: 900, secs: 180, from: null, to: null, zoneFrom: 0, zoneTo: 0, kind: 'none', ramp: false, timed: true, label: 'line 5' },
      { line: 4, startSecs: 1080, secs: 300, from: 1.05, to: 1.05, zoneFrom: 4, zoneTo: 4, kind: 'power', ramp: false, timed: true, label: 'line 4' },
      { line: 5, startSecs: 1380, secs: 180, from: null, to: null, zoneFrom: 0, zoneTo: 0, kind: 'none', ramp: false, timed: true, label: 'line 5' },
      // Free ride: no height, whatever target it names.
      { line: 6, startSecs: 1560, secs: 240, from: null, to: null, zoneFrom: 0, zoneTo: 0, kind: 'none', ramp: false, timed: true, label: 'line 6' },
    ])
  })

  it('draws a zone target at its zone’s middle, and a ramp between zones from one middle to the other', () => {
    const blocks = workoutProfile(
      workout(
        step({ line: 1, durationSecs: 60, ramp: true, target: { kind: 'power', units: 'zone', start: 2, end: 4 } }),
        step({ line: 2, durationSecs: 60, target: { kind: 'power', units: 'zone', start: 2, end: 4 } }),
        step({ line: 3, durationSecs: 60, target: { kind: 'hr', units: 'zone', start: 3 } }),
        step({ line: 4, durationSecs: 60, ramp: true, target: { kind: 'pace', units: 'zone', start: 5, end: 3 } }),
      ),
    )
    // Power Z2 56–75% (middle 65.5), Z4 91–105% (98), Z2–Z4 56–105% (80.5, drawn in Z3).
    expect(blocks[0]).toMatchObject({ ramp: true, zoneFrom: 2, zoneTo: 4, kind: 'power' })
    expect(blocks[0]!.from).toBeCloseTo(0.655, 10)
    expect(blocks[0]!.to).toBeCloseTo(0.98, 10)
    expect(blocks[1]).toMatchObject({ ramp: false, zoneFrom: 3, zoneTo: 3 })
    expect(blocks[1]!.from).toBeCloseTo(0.805, 10)
    expect(blocks[1]!.to).toBe(blocks[1]!.from)
    // Heart rate Z3: 90–93% of LTHR.
    expect(blocks[2]).toMatchObject({ zoneFrom: 3, zoneTo: 3, kind: 'hr' })
    expect(blocks[2]!.from).toBeCloseTo(0.915, 10)
    // Pace from Z5 (100.1–103.4%) down to Z3 (87.8–94.3%).
    expect(blocks[3]).toMatchObject({ ramp: true, zoneFrom: 5, zoneTo: 3, kind: 'pace' })
    expect(blocks[3]!.from).toBeCloseTo(1.0175, 10)
    expect(blocks[3]!.to).toBeCloseTo(0.9105, 10)
  })

  it('draws a ramp with no end as a flat step', () => {
    const [b] = workoutProfile(workout(step({ line: 1, durationSecs: 60, ramp: true, target: { kind: 'power', units: '%ftp', start: 80 } })))
    expect(b).toMatchObject({ ramp: false, from: 0.8, to: 0.8, zoneFrom: 3, zoneTo: 3 })
  })

  it('has no height for a target the athlete’s numbers cannot place, but keeps its kind', () => {
    const [b] = workoutProfile(workout(step({ line: 1, durationSecs: 60, target: { kind: 'power', units: 'w', start: 200 } })))
    expect(b).toMatchObject({ from: null, to: null, zoneFrom: 0, zoneTo: 0, kind: 'power' })
    const [withFtp] = workoutProfile(workout(step({ line: 1, durationSecs: 60, target: { kind: 'power', units: 'w', start: 200 } })), { ftp: 250 })
    expect(withFtp).toMatchObject({ from: 0.8, zoneFrom: 3 })
  })

  it('times a distance step by its pace, and guesses one without, saying it is a guess', () => {
    const blocks = workoutProfile(
      workout(
        // 1000 m at 5:00/km: 300 s.
        step({ line: 1, distanceMeters: 1000, target: { kind: 'pace', units: 'secs_per_km', start: 300 } }),
        step({ line: 2, distanceMeters: 600, target: { kind: 'hr', units: '%lthr', start: 80 } }),
      ),
      {},
      'Run',
    )
    expect(blocks[0]).toMatchObject({ startSecs: 0, timed: true, kind: 'pace', from: null })
    expect(blocks[0]!.secs).toBeCloseTo(300, 10)
    // No threshold pace: drawn at a runner's 3 m/s, 200 s, in heart-rate Z1 (80% of LTHR).
    expect(blocks[1]).toMatchObject({ secs: 200, timed: false, zoneFrom: 1, kind: 'hr' })
    expect(blocks[1]!.startSecs).toBeCloseTo(300, 10)
  })

  it.each([
    ['Swim', 400],
    ['Run', 400 / 3],
    ['Walk', 400 / 3],
    ['VirtualRide', 50],
    ['Ride', 50],
    ['Rowing', 400 / 3],
    [undefined, 400 / 3],
  ])('draws 400 m with no pace for %s at that sport’s usual speed', (sport, secs) => {
    const [b] = workoutProfile(workout(step({ line: 1, distanceMeters: 400 })), {}, sport)
    expect(b!.secs).toBeCloseTo(secs, 10)
    expect(b!.timed).toBe(false)
  })

  it('draws a lap-press step as two minutes, untimed, and leaves out a step with no length at all', () => {
    const blocks = workoutProfile(
      workout(
        step({ line: 1, lapPress: true }),
        step({ line: 2, target: { kind: 'power', units: '%ftp', start: 80 } }),
        step({ line: 3, lapPress: true, durationSecs: 0 }),
        step({ line: 4, durationSecs: 30 }),
      ),
    )
    expect(blocks.map((b) => [b.line, b.startSecs, b.secs, b.timed])).toEqual([
      [1, 0, 120, false],
      [3, 120, 120, false],
      [4, 240, 30, true],
    ])
  })

  it('has no label unless asked for one', () => {
    expect(workoutProfile(workout(step({ line: 1, durationSecs: 30 })))[0]!.label).toBe('')
  })
})
