import { describe, expect, it } from 'vitest'
import { flattenSteps, parseWorkout } from './parse'
import type { Step } from './types'

/** Parses one step line and returns the step without its line number. */
function step(text: string, sport?: string): { step: Omit<Step, 'line'>; issues: string[] } {
  const parsed = parseWorkout(`- ${text}`, { sport })
  const item = parsed.items[0]
  if (item?.type !== 'step') throw new Error(`expected a step for ${text}`)
  const { type: _t, line: _l, ...rest } = item
  return { step: rest, issues: parsed.issues.map((i) => i.message) }
}

describe('durations and distances', () => {
  it.each([
    ['30s', 30],
    ['10m', 600],
    ['1h', 3600],
    ['1h2m30s', 3750],
    ['5m30s', 330],
    ['90s', 90],
    ['1.5h', 5400],
    ["5'", 300],
    ['30"', 30],
    [`1'30"`, 90],
    ['1’30”', 90],
  ])('reads %s as %i seconds', (token, secs) => {
    const r = step(`${token} 75%`)
    expect(r.issues).toEqual([])
    expect(r.step.durationSecs).toBe(secs)
    expect(r.step.distanceMeters).toBeUndefined()
  })

  it.each([
    ['400mtr', 400],
    ['2km', 2000],
    ['1.5km', 1500],
    ['1mi', 1609.344],
    ['100yrd', 91.44],
  ])('reads %s as %f metres', (token, metres) => {
    const r = step(`${token} 80% Pace`)
    expect(r.issues).toEqual([])
    expect(r.step.distanceMeters).toBeCloseTo(metres, 6)
    expect(r.step.durationSecs).toBeUndefined()
  })

  it('reads 400m as minutes, and warns a swimmer that it is not metres', () => {
    const r = step('400m Z2 Pace', 'Swim')
    expect(r.step.durationSecs).toBe(400 * 60)
    expect(r.issues).toEqual(['"400m" means 400 minutes. For metres write 400mtr.'])
    expect(step('120m Z2', 'Ride').issues).toEqual([])
  })
})

describe('targets', () => {
  it.each<[string, Step['target']]>([
    ['75%', { kind: 'power', units: '%ftp', start: 75 }],
    ['88-94%', { kind: 'power', units: '%ftp', start: 88, end: 94 }],
    ['220w', { kind: 'power', units: 'w', start: 220 }],
    ['200-240w', { kind: 'power', units: 'w', start: 200, end: 240 }],
    ['315w - 330w', { kind: 'power', units: 'w', start: 315, end: 330 }],
    ['Z2', { kind: 'power', units: 'zone', start: 2 }],
    ['Z3-Z4', { kind: 'power', units: 'zone', start: 3, end: 4 }],
    ['60% MMP 5m', { kind: 'power', units: '%mmp', start: 60, mmpSecs: 300 }],
    ['70% HR', { kind: 'hr', units: '%hr', start: 70 }],
    ['75-80% HR', { kind: 'hr', units: '%hr', start: 75, end: 80 }],
    ['95% LTHR', { kind: 'hr', units: '%lthr', start: 95 }],
    ['Z2 HR', { kind: 'hr', units: 'zone', start: 2 }],
    ['Z2-Z3 HR', { kind: 'hr', units: 'zone', start: 2, end: 3 }],
    ['145bpm', { kind: 'hr', units: 'bpm', start: 145 }],
    ['80% Pace', { kind: 'pace', units: '%pace', start: 80 }],
    ['78-82% pace', { kind: 'pace', units: '%pace', start: 78, end: 82 }],
    ['Z2 Pace', { kind: 'pace', units: 'zone', start: 2 }],
    ['5:00/km Pace', { kind: 'pace', units: 'secs_per_km', start: 300 }],
    ['4:50-5:00/km Pace', { kind: 'pace', units: 'secs_per_km', start: 290, end: 300 }],
    ['1:45/100m Pace', { kind: 'pace', units: 'secs_per_100m', start: 105 }],
    ['3:00/100m-4:00/100m Pace', { kind: 'pace', units: 'secs_per_100m', start: 180, end: 240 }],
    ['7:00/mi Pace', { kind: 'pace', units: 'secs_per_mi', start: 420 }],
    ['1:30/100y Pace', { kind: 'pace', units: 'secs_per_100y', start: 90 }],
    ['1:50/500m Pace', { kind: 'pace', units: 'secs_per_500m', start: 110 }],
  ])('reads "10m %s"', (text, target) => {
    const r = step(`10m ${text}`)
    expect(r.issues).toEqual([])
    expect(r.step.target).toEqual(target)
  })

  it('uses the sport default unit for a pace without one', () => {
    expect(step('10m 5:00 Pace', 'Run').step.target).toEqual({ kind: 'pace', units: 'secs_per_km', start: 300 })
    expect(step('200mtr 1:40 Pace', 'Swim').step.target).toEqual({ kind: 'pace', units: 'secs_per_100m', start: 100 })
  })
})

describe('step options', () => {
  it.each<[string, Omit<Step, 'line'>]>([
    ['10m ramp 50%-75%', { durationSecs: 600, ramp: true, target: { kind: 'power', units: '%ftp', start: 50, end: 75 } }],
    ['10m ramp 60-80% Pace', { durationSecs: 600, ramp: true, target: { kind: 'pace', units: '%pace', start: 60, end: 80 } }],
    ['10m 75% 90rpm', { durationSecs: 600, target: { kind: 'power', units: '%ftp', start: 75 }, cadence: { start: 90 } }],
    ['12m 85% 90-100rpm', { durationSecs: 720, target: { kind: 'power', units: '%ftp', start: 85 }, cadence: { start: 90, end: 100 } }],
    ['20m freeride', { durationSecs: 1200, freeride: true }],
    ['20m free', { durationSecs: 1200, freeride: true }],
    ['Recovery spin 3m 50%', { text: 'Recovery spin', durationSecs: 180, target: { kind: 'power', units: '%ftp', start: 50 } }],
    ['RPE9 - not quite all out 2m 315w', { text: 'RPE9 - not quite all out', durationSecs: 120, target: { kind: 'power', units: 'w', start: 315 } }],
    ['9m Z2 press lap', { durationSecs: 540, target: { kind: 'power', units: 'zone', start: 2 }, lapPress: true }],
    ['lap press Z2', { lapPress: true, target: { kind: 'power', units: 'zone', start: 2 } }],
    ['Easy lap press Z1 HR', { text: 'Easy', lapPress: true, target: { kind: 'hr', units: 'zone', start: 1 } }],
    ['3m 55% intensity=rest', { durationSecs: 180, target: { kind: 'power', units: '%ftp', start: 55 }, intensity: 'rest' }],
    ['10m 50% intensity=warmup', { durationSecs: 600, target: { kind: 'power', units: '%ftp', start: 50 }, intensity: 'warmup' }],
    ['5m', { durationSecs: 300 }],
    ['10m ramp 200w - 240w 85rpm', { durationSecs: 600, ramp: true, target: { kind: 'power', units: 'w', start: 200, end: 240 }, cadence: { start: 85 } }],
  ])('reads "- %s"', (text, expected) => {
    const r = step(text)
    expect(r.issues).toEqual([])
    expect(r.step).toEqual(expected)
  })
})

describe('structure', () => {
  const text = [
    'Warmup', // 1
    '- 10m ramp 50%-75%', // 2
    '', // 3
    'Main Set 4x', // 4
    '- 5m 105%', // 5
    '- 3m 55%', // 6
    '', // 7
    '3x', // 8
    '- 30s 120%', // 9
    '- 30s 50%', // 10
    '', // 11
    'Cooldown', // 12
    '- 10m 50%', // 13
  ].join('\n')

  it('reads sections, titled and bare repeats with their steps and line numbers', () => {
    const parsed = parseWorkout(text)
    expect(parsed.issues).toEqual([])
    expect(parsed.items.map((i) => [i.type, i.line])).toEqual([
      ['section', 1],
      ['step', 2],
      ['repeat', 4],
      ['repeat', 8],
      ['section', 12],
      ['step', 13],
    ])
    const main = parsed.items[2]
    expect(main).toMatchObject({ type: 'repeat', reps: 4, title: 'Main Set' })
    expect(main.type === 'repeat' && main.steps.map((s) => [s.line, s.durationSecs])).toEqual([
      [5, 300],
      [6, 180],
    ])
    const bare = parsed.items[3]
    expect(bare.type === 'repeat' && bare.title).toBe(undefined)
    expect(bare.type === 'repeat' && bare.reps).toBe(3)
  })

  it('sums totals with repeats multiplied', () => {
    const parsed = parseWorkout(text)
    expect(parsed.totalSecs).toBe(600 + 4 * 480 + 3 * 60 + 600)
    const swim = parseWorkout('- 400mtr Z2 Pace\n\n4x\n- 100mtr 90% Pace\n- 20s freeride', { sport: 'Swim' })
    expect(swim.totalMeters).toBe(800)
    expect(swim.totalSecs).toBe(80)
  })

  it('ends a repeat block at a blank line, so the next step is not repeated', () => {
    const parsed = parseWorkout('2x\n- 1m 100%\n\n- 5m 50%')
    expect(parsed.items.map((i) => i.type)).toEqual(['repeat', 'step'])
    expect(parsed.totalSecs).toBe(2 * 60 + 300)
  })

  it('flattens repeats in the order the athlete does them', () => {
    const flat = flattenSteps(parseWorkout(text))
    expect(flat.map((s) => s.line)).toEqual([2, 5, 6, 5, 6, 5, 6, 5, 6, 9, 10, 9, 10, 9, 10, 13])
    flat[1].durationSecs = 1
    expect(flattenSteps(parseWorkout(text))[1].durationSecs).toBe(300)
  })

  it('accepts Windows line endings and indented lines', () => {
    const parsed = parseWorkout('Main Set 2x\r\n  - 1m 100%\r\n  - 1m 50%\r\n')
    expect(parsed.issues).toEqual([])
    expect(parsed.totalSecs).toBe(240)
  })
})

describe('lines that intervals.icu would not read as meant', () => {
  it.each<[string, string, number, RegExp]>([
    ['step with a target but no duration', 'Warmup\n- 75%', 2, /no duration or distance/],
    ['unknown word after the duration', '- 10m 75% fast', 1, /cannot read "fast"/],
    ['target before the duration', '- 75% 10m', 1, /"75%" comes before the duration/],
    ['absolute pace without the word Pace', '\n- 10m 5:00/km', 2, /Add the word "Pace"/],
    ['unknown pace unit', '- 10m 5:00/furlong Pace', 1, /not a pace unit/],
    ['MMP without a length', '- 10m 60% MMP', 1, /needs the effort length/],
    ['ramp without an end', '- 10m ramp 60%', 1, /ramp needs a start and an end/],
    ['two durations', '- 10m 5m 60%', 1, /second duration/],
    ['two targets', '- 10m 60% Z2 HR', 1, /only one target/],
    ['unknown step type', '- 10m 60% intensity=easy', 1, /not a step type/],
    ['inline repeat', '- 4x 100mtr 90% Pace', 1, /line of their own/],
    ['missing space after the dash', 'Main\n-10m 75%', 2, /does not start with "- "/],
    ['step written without a dash', '4x\n10m 70%', 2, /looks like a step/],
    ['nested repeat', 'Main Set 3x\n- 5m 100%\n2x\n- 1m 120%', 3, /cannot be nested/],
    ['repeat header right after a step', '- 10m 50%\nMain Set 4x\n- 1m 100%', 2, /blank line before "Main Set 4x"/],
    ['header right after a repeat', '4x\n- 1m 100%\nCooldown\n- 10m 50%', 3, /blank line after the repeat "4x"/],
    ['repeat with no steps', 'Main Set 4x\n\n- 10m 50%', 1, /has no steps/],
    ['zero repeats', '0x\n- 1m 100%', 1, /repeats nothing/],
    ['custom zones', '- 10m CZ2', 1, /custom zones/],
    ['empty step', 'Warmup\n\n-', 3, /no duration or distance/],
    ['line cut off after a range dash', '- 10m 200w -', 1, /cannot read "-"/],
    ['line cut off after "lap"', '- 10m 60% lap', 1, /cannot read "lap"/],
    ['line cut off after "intensity="', '- 10m 60% intensity=', 1, /"intensity=" is not a step type/],
  ])('%s', (_name, text, line, message) => {
    const { issues } = parseWorkout(text)
    expect(issues).toContainEqual({ line, message: expect.stringMatching(message) })
  })

  it('does not count a step without a duration in the totals', () => {
    const parsed = parseWorkout('- 10m 50%\n- 75%')
    expect(parsed.totalSecs).toBe(600)
    expect(parsed.issues).toHaveLength(1)
  })

  it('keeps plain prose headings free of issues', () => {
    expect(parseWorkout('Tempo ride, keep it smooth\n\nMain set\n- 20m 85%').issues).toEqual([])
  })
})
