import { describe, expect, it } from 'vitest'
import { parseWorkout } from './parse'
import { estimateLoad } from './load'

const load = (text: string, athlete = {}, sport?: string) => estimateLoad(parseWorkout(text, { sport }), athlete)

describe('estimateLoad', () => {
  it('gives 100 points for an hour at threshold', () => {
    expect(load('- 1h 100%')).toEqual({ durationSecs: 3600, load: 100, intensity: 100 })
  })

  it('scales with the square of the intensity factor', () => {
    expect(load('- 1h 75%')).toEqual({ durationSecs: 3600, load: 56, intensity: 75 })
  })

  it('normalises with the fourth-power mean, so hard intervals weigh more than their average', () => {
    // 30 min at 50% and 30 min at 100%: IF = ((0.5^4 + 1) / 2)^(1/4) ≈ 0.854, where the plain mean would be 0.75
    const r = load('- 30m 50%\n- 30m 100%')
    expect(r.intensity).toBe(85.4)
    expect(r.load).toBe(73)
  })

  it('counts repeats, ranges by their middle, and watts against FTP', () => {
    const r = load('3x\n- 10m 200-240w\n- 10m 110w', { ftp: 220 })
    expect(r.durationSecs).toBe(3600)
    // 30 min at 100% and 30 min at 50%, as above
    expect(r.load).toBe(73)
  })

  it('integrates a ramp exactly', () => {
    // mean of IF^4 over 0.5→1.0 = (1 - 0.5^5) / (5 × 0.5) = 0.3875
    const r = load('- 1h ramp 50%-100%')
    expect(r.intensity).toBeCloseTo(Math.pow(0.3875, 0.25) * 100, 1)
  })

  it('uses the share of LTHR for heart-rate targets', () => {
    expect(load('- 1h 160bpm', { lthr: 160 }).load).toBe(100)
    expect(load('- 1h 90% LTHR').intensity).toBe(90)
  })

  it('uses the share of threshold pace, and times distance steps with their pace', () => {
    // 4:00/km for 5 km = 20 minutes, at exactly threshold speed
    const r = load('- 5km 4:00/km Pace', { thresholdPaceMps: 1000 / 240 }, 'Run')
    expect(r.durationSecs).toBe(1200)
    expect(r.intensity).toBe(100)
    expect(r.load).toBe(33)
  })

  it('counts free-ride time but adds no load for it', () => {
    const r = load('- 1h freeride')
    expect(r).toEqual({ durationSecs: 3600, load: 0, intensity: 0 })
  })

  it('leaves out distance steps whose speed cannot be known', () => {
    expect(load('- 10m 100%\n- 2km Z2 HR').durationSecs).toBe(600)
  })

  it('times a distance step without a pace target at a share of threshold pace: its own intensity, or 75% without one', () => {
    // 2 km at 90% of LTHR, taken as 90% of 4 m/s: 2000 / 3.6 = 555.6 s. 2 km with no target: 2000 / 3 = 666.7 s.
    expect(load('- 2km 90% LTHR', { thresholdPaceMps: 4 })).toEqual({ durationSecs: 556, load: 13, intensity: 90 })
    expect(load('- 2km', { thresholdPaceMps: 4 }).durationSecs).toBe(667)
  })

  it('counts a step with no target for time only, and a lap-press step for nothing', () => {
    // 10 min at threshold (100/6 = 16.7 points) and 10 min with no target: IF = (1/2)^(1/4) = 0.841.
    expect(load('- 10m 100%\n- 10m')).toEqual({ durationSecs: 1200, load: 24, intensity: 84.1 })
    expect(load('- 10m 100%\n- press lap Z2 Pace', { thresholdPaceMps: 4 })).toEqual({ durationSecs: 600, load: 17, intensity: 100 })
  })

  it('adds no load for watts, flat or ramped, when the FTP is unknown', () => {
    expect(load('- 10m 200w')).toEqual({ durationSecs: 600, load: 0, intensity: 0 })
    expect(load('- 10m ramp 100w-200w')).toEqual({ durationSecs: 600, load: 0, intensity: 0 })
  })

  it('counts a ramp between equal ends as a steady step', () => {
    expect(load('- 1h ramp 80%-80%')).toEqual({ durationSecs: 3600, load: 64, intensity: 80 })
  })

  it('returns zeros for an empty workout', () => {
    expect(load('Just a note')).toEqual({ durationSecs: 0, load: 0, intensity: 0 })
  })
})
