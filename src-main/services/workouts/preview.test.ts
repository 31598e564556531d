import { describe, expect, it } from 'vitest'
import { previewWorkout } from './preview'

// Load is worked by hand from the documented formula: IF = (time-weighted mean of IF⁴)^¼, load = hours × IF² × 100.

describe('the editor’s preview of a workout', () => {
  it('counts a freeride step’s time but not its intensity', () => {
    // IF⁴: 600 s at 0 and 600 s at 1 → 0.5; IF = 0.5^¼ = 0.8409; load = 1/3 h × 0.7071 × 100 = 23.6.
    expect(previewWorkout('- 10m freeride\n- 10m 100%', 'Ride')).toMatchObject({ durationSecs: 1200, totalMeters: 0, load: 24, intensity: 84.1, steps: 2, needs: [], guessedTime: false, issues: [] })
  })

  it('times a distance step from the athlete’s threshold pace', () => {
    // 1000 m at 4 m/s = 250 s at IF 1: load = 250 / 3600 × 100 = 6.9.
    expect(previewWorkout('- 1km 100% Pace', 'Run', { thresholdPaceMps: 4 })).toMatchObject({ durationSecs: 250, totalMeters: 1000, load: 7, intensity: 100, steps: 1, needs: [], guessedTime: false })
  })

  it('says which numbers it needs, in the order the steps ask, and times absolute targets without them', () => {
    // 5 min + 5 min + 1 km at 4:00/km (240 s); no FTP, LTHR or threshold pace to turn them into intensity.
    const p = previewWorkout('- 5m 200w\n- 5m 150bpm\n- 1km 4:00/km Pace', 'Run')
    expect(p).toMatchObject({ durationSecs: 840, totalMeters: 1000, load: 0, intensity: 0, steps: 3, needs: ['FTP', 'LTHR', 'threshold pace'], guessedTime: false })
    expect(p.blocks.map((b) => [b.kind, b.label, b.from, Math.round(b.secs)])).toEqual([
      ['power', '5m 200w', null, 300],
      ['hr', '5m 150bpm', null, 300],
      ['pace', '1km 4:00/km Pace', null, 240],
    ])
  })

  it('guesses the time of a distance step without a pace to go by, and counts none of it', () => {
    const p = previewWorkout('- 2km Z2 HR', 'Run', { lthr: 170 })
    expect(p).toMatchObject({ durationSecs: 0, totalMeters: 2000, load: 0, steps: 1, needs: ['threshold pace'], guessedTime: true })
    expect(p.blocks).toHaveLength(1)
    expect(p.blocks[0]).toMatchObject({ kind: 'hr', timed: false })
  })

  it('draws at most 2,000 blocks of a long repeat, and counts every step', () => {
    // 1500 × (1 s at 100%, 1 s at 50%): IF⁴ = (1 + 0.0625) / 2 → IF 0.8537; load = 3000/3600 × 0.7289 × 100 = 60.7.
    const p = previewWorkout('Main 1500x\n- 1s 100%\n- 1s 50%', 'Ride')
    expect(p.blocks).toHaveLength(2000)
    expect(p).toMatchObject({ durationSecs: 3000, steps: 3000, load: 61, intensity: 85.4 })
  })

  it('reads the text for the sport chosen: 400m in a swim is more likely metres than minutes', () => {
    expect(previewWorkout('- 400m Z2', 'Swim').issues).toEqual([{ line: 1, message: expect.stringMatching(/400mtr/) }])
    expect(previewWorkout('- 400m Z2', 'Ride').issues).toEqual([])
  })

  it('shows prose as no steps, no time and no load, with what the parser says about its lines', () => {
    const p = previewWorkout('Easy spin\n- fast bit', 'Ride')
    expect(p).toMatchObject({ steps: 0, durationSecs: 0, load: 0, intensity: 0, blocks: [], needs: [], guessedTime: false })
    expect(p.issues).toEqual([{ line: 2, message: expect.stringMatching(/no duration or distance/) }])
  })
})
