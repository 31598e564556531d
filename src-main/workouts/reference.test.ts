import { describe, expect, it } from 'vitest'
import { deriveWorkout } from '../sim/workoutText'
import type { SimAthlete } from '../sim/types'
import { estimateLoad } from './load'
import { parseWorkout } from './parse'
import type { AthleteThresholds } from './types'

// Workout texts with their time, load and intensity worked out by hand, not by the parser, so a line the
// app misreads fails here even though the simulator (which derives an event's numbers with the same
// parser) would misread it the same way.
//
// The formulas (Allen & Coggan, "Training and Racing with a Power Meter"; intervals.icu's load for a
// planned workout follows them, with heart rate and pace as shares of LTHR and threshold speed):
//   IF   = NP / FTP, with NP the fourth-power mean over time:  IF = (Σ tᵢ·IFᵢ⁴ / Σ tᵢ)^¼
//   load = hours × IF² × 100            (an hour at FTP is 100, the published anchor of the scale)
//   icu_intensity = IF × 100, to one decimal
// A linear ramp from a to b has the exact mean of IF⁴ over time (b⁵ − a⁵) / (5 (b − a)).
// Where a number rests on a reading of this project rather than a published formula, the row says so.

interface Reference {
  text: string
  sport?: string
  athlete?: AthleteThresholds
  /** Seconds, load (rounded), intensity (IF × 100, one decimal). */
  secs: number
  load: number
  intensity: number
  /** How the numbers were worked out. */
  working: string
}

const FTP_250 = { ftp: 250 }
const THRESHOLD_4_00_PER_KM = { thresholdPaceMps: 1000 / 240 }

const REFERENCES: Reference[] = [
  { text: '- 1h 100%', secs: 3600, load: 100, intensity: 100, working: 'an hour at FTP: 1 × 1² × 100 (the definition of the scale)' },
  { text: '- 1h 75%', secs: 3600, load: 56, intensity: 75, working: '1 × 0.75² × 100 = 56.25' },
  {
    text: '- 30m 50%\n- 30m 100%',
    secs: 3600,
    load: 73,
    intensity: 85.4,
    working: 'IF⁴ mean (0.0625 + 1) / 2 = 0.53125, IF = 0.8537; 1 × 0.72887 × 100 = 72.89 (the plain mean, 0.75, would give 56)',
  },
  {
    text: 'Warmup\n- 10m 55%\n\nMain set 3x\n- 12m 90%\n- 4m 55%\n\nCooldown\n- 10m 50%',
    secs: 4080,
    load: 70,
    intensity: 78.8,
    working:
      '10 + 3 × (12 + 4) + 10 = 68 min; IF⁴ sum 22 min × 0.0915063 + 36 min × 0.6561 + 10 min × 0.0625 = 26.2577 min, ' +
      'mean 0.386143, IF = 0.78829; 68/60 × 0.621404 × 100 = 70.43',
  },
  {
    text: '- 20m 200w\n- 20m 250w\n- 20m 150w',
    athlete: FTP_250,
    secs: 3600,
    load: 72,
    intensity: 84.6,
    working: 'shares of FTP 250 W: 0.8, 1.0, 0.6; IF⁴ mean (0.4096 + 1 + 0.1296) / 3 = 0.513067, IF = 0.84634; 1 × 0.71629 × 100 = 71.63',
  },
  {
    text: '- 20m ramp 50%-100%',
    secs: 1200,
    load: 21,
    intensity: 78.9,
    working: 'ramp 0.5 → 1.0: (1 − 0.03125) / 2.5 = 0.3875, IF = 0.78898; 1/3 × 0.62249 × 100 = 20.75',
  },
  { text: '- 1h 144bpm', athlete: { lthr: 160 }, secs: 3600, load: 81, intensity: 90, working: '144 / 160 = 0.9 of LTHR; 1 × 0.81 × 100 = 81' },
  { text: '- 1h 90% LTHR', athlete: { lthr: 160 }, secs: 3600, load: 81, intensity: 90, working: '0.9 of LTHR, as above' },
  {
    text: '- 10km 5:00/km Pace',
    sport: 'Run',
    athlete: THRESHOLD_4_00_PER_KM,
    secs: 3000,
    load: 53,
    intensity: 80,
    working: '10 km at 5:00/km = 50 min; speed share 240 s / 300 s = 0.8 of threshold; 50/60 × 0.64 × 100 = 53.33',
  },
  {
    text: '- 5km 4:00/km Pace',
    sport: 'Run',
    athlete: THRESHOLD_4_00_PER_KM,
    secs: 1200,
    load: 33,
    intensity: 100,
    working: '5 km at threshold pace 4:00/km = 20 min at IF 1; 1/3 × 100 = 33.33',
  },
  {
    text: '- 10m 100%\n- 10m 50%',
    secs: 1200,
    load: 24,
    intensity: 85.4,
    working: 'as the 30 + 30 row, over 20 min: 1/3 × 0.72887 × 100 = 24.30',
  },
  {
    text: '- 30m freeride\n- 30m 100%',
    secs: 3600,
    load: 71,
    intensity: 84.1,
    working: 'this project’s reading: free ride has no power, so IF 0 for its time; IF⁴ mean 0.5, IF = 0.8409; 1 × 0.70711 × 100 = 70.71',
  },
  {
    text: '3x\n- 10m 200-240w\n- 10m 110w',
    athlete: { ftp: 220 },
    secs: 3600,
    load: 73,
    intensity: 85.4,
    working: 'this project’s reading: a range counts as its middle, 220 W = 1.0 of FTP 220; 110 W = 0.5; as the 30 + 30 row',
  },
  { text: 'Easy spin, legs only, no structure today.', secs: 0, load: 0, intensity: 0, working: 'prose: no timed step, so nothing to count' },
]

/** A simulator athlete holding the thresholds, in the sport settings intervals.icu keeps per sport. */
function simAthleteWith(t: AthleteThresholds): SimAthlete {
  const settings = { types: ['Ride', 'VirtualRide', 'Run', 'Swim'], ftp: t.ftp ?? null, lthr: t.lthr ?? null, max_hr: t.maxHr ?? null, threshold_pace: t.thresholdPaceMps ?? null }
  return { sportSettings: [settings] } as unknown as SimAthlete
}

describe.each(REFERENCES)('$text', (ref) => {
  it(`takes ${ref.secs} s, loads ${ref.load} at intensity ${ref.intensity} (${ref.working})`, () => {
    const r = estimateLoad(parseWorkout(ref.text, { sport: ref.sport }), ref.athlete ?? {})
    expect({ secs: r.durationSecs, load: r.load, intensity: r.intensity }).toEqual({ secs: ref.secs, load: ref.load, intensity: ref.intensity })
  })

  it('is what the simulator stores on an event with this text', () => {
    const d = deriveWorkout(ref.text, ref.sport ?? 'Ride', simAthleteWith(ref.athlete ?? {}))
    expect({ secs: d.moving_time, load: d.icu_training_load, intensity: d.icu_intensity }).toEqual({ secs: ref.secs, load: ref.load, intensity: ref.intensity })
  })
})
