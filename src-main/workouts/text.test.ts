import { describe, expect, it } from 'vitest'
import { flattenSteps, parseWorkout } from './parse'
import { formatDuration, safeCue, writeWorkoutText } from './text'
import type { Step, WorkoutItem } from './types'

const withoutLines = (items: WorkoutItem[]) =>
  JSON.parse(JSON.stringify(items, (k, v) => (k === 'line' ? undefined : v))) as unknown

describe('writeWorkoutText', () => {
  // Every line of the syntax table in parse.test.ts that reads without an issue, written back as text.
  it.each([
    '- 10m 75%',
    '- 10m 88-94%',
    '- 10m 220w',
    '- 10m 200-240w',
    '- 10m Z2',
    '- 10m Z3-Z4',
    '- 10m 60% MMP 5m',
    '- 10m 70% HR',
    '- 10m 75-80% HR',
    '- 10m 95% LTHR',
    '- 10m Z2 HR',
    '- 10m Z2-Z3 HR',
    '- 10m 145bpm',
    '- 10m 80% Pace',
    '- 10m Z2 Pace',
    '- 10m 5:00/km Pace',
    '- 10m 4:50/km-5:00/km Pace',
    '- 10m 1:45/100m Pace',
    '- 10m 7:00/mi Pace',
    '- 400mtr 80% Pace',
    '- 2km Z2 Pace',
    '- 10m ramp 50%-75%',
    '- 10m ramp 75%-50%',
    '- 10m ramp 60%-80% Pace',
    '- 12m 85% 90-100rpm',
    '- 20m freeride',
    '- Recovery spin 3m 50%',
    '- 9m press lap Z2',
    '- 3m 55% intensity=rest',
    '- 1h2m30s 65%',
    '- 5m',
    '- 400mtr freeride',
  ])('writes "%s" so it reads back the same', (line) => {
    const first = parseWorkout(line)
    expect(first.issues).toEqual([])
    const again = parseWorkout(writeWorkoutText(first.items))
    expect(again.issues).toEqual([])
    expect(withoutLines(again.items)).toEqual(withoutLines(first.items))
  })

  it('writes sections and repeats with the blank lines intervals.icu needs', () => {
    const text = 'Warmup\n- 10m ramp 50%-75%\n\nMain Set 4x\n- 5m 105%\n- 3m 55%\n\n3x\n- 30s 120%\n- 30s 50%\n\nCooldown\n- 10m 50%'
    expect(writeWorkoutText(parseWorkout(text).items)).toBe(text)
  })

  it('ends the text with the last step of a repeat, with no blank line after it', () => {
    const repeat: WorkoutItem = { type: 'repeat', line: 0, reps: 2, steps: [{ line: 0, durationSecs: 60 }] }
    expect(writeWorkoutText([{ type: 'section', line: 0, title: 'Main' }, repeat])).toBe('Main\n\n2x\n- 1m')
  })

  it('keeps a step that follows a repeat out of the repeat', () => {
    const items: WorkoutItem[] = [
      { type: 'repeat', line: 0, reps: 2, steps: [{ line: 0, durationSecs: 60, target: { kind: 'power', units: '%ftp', start: 120 } }, { line: 0, durationSecs: 60, target: { kind: 'power', units: '%ftp', start: 50 } }] },
      { type: 'step', line: 0, durationSecs: 600, target: { kind: 'power', units: '%ftp', start: 50 } },
    ]
    const parsed = parseWorkout(writeWorkoutText(items))
    expect(parsed.totalSecs).toBe(2 * 120 + 600)
    expect(parsed.items.map((i) => i.type)).toEqual(['repeat', 'step'])
  })

  it('keeps cues that contain durations or targets as cues', () => {
    const step: Step = { line: 0, text: 'Hold 30s at Z5 then 90rpm', durationSecs: 60, target: { kind: 'power', units: '%ftp', start: 110 } }
    const parsed = parseWorkout(writeWorkoutText([{ type: 'step', ...step }]))
    expect(parsed.issues).toEqual([])
    expect(flattenSteps(parsed)[0]).toMatchObject({ durationSecs: 60, target: { start: 110 }, text: 'Hold 30 s at Z 5 then 90 rpm' })
    expect(safeCue('press lap to start')).toBe('press-lap to start')
  })

  it('keeps "intensity=rest" in a cue as cue text through a write-back, and the step type after the duration as the type', () => {
    const typed = parseWorkout('- Say intensity=rest now 1m 50%')
    const written = writeWorkoutText(typed.items)
    expect(written).toBe('- Say intensity =rest now 1m 50%')
    const again = parseWorkout(written)
    expect(again.issues).toEqual([])
    expect(flattenSteps(again)).toEqual([{ line: 1, text: 'Say intensity =rest now', durationSecs: 60, target: { kind: 'power', units: '%ftp', start: 50 } }])

    const marked = writeWorkoutText(parseWorkout('- Say now 1m 50% intensity=rest').items)
    expect(marked).toBe('- Say now 1m 50% intensity=rest')
    expect(flattenSteps(parseWorkout(marked))[0]).toMatchObject({ text: 'Say now', intensity: 'rest' })
  })

  it('keeps a step type in the cue of a lap-press step without a duration as cue text', () => {
    const written = writeWorkoutText([{ type: 'step', line: 0, text: 'intensity=rest until ready', lapPress: true, intensity: 'active' }])
    expect(written).toBe('- intensity =rest until ready press lap intensity=active')
    const again = parseWorkout(written)
    expect(again.issues).toEqual([])
    expect(flattenSteps(again)).toEqual([{ line: 1, text: 'intensity =rest until ready', lapPress: true, intensity: 'active' }])
  })

  it('formats durations with h, m and s', () => {
    expect([formatDuration(30), formatDuration(600), formatDuration(3750), formatDuration(0)]).toEqual(['30s', '10m', '1h2m30s', '0s'])
  })
})
