import { describe, expect, it } from 'vitest'
import { parseStepLine } from './stepLine'
import { formatDistance, formatStep, formatTarget, headingText, safeCue } from './text'

// How a step read from a file is written back as intervals.icu text, piece by piece: each form below
// is the one intervals.icu's own syntax documents for that kind of value.

describe('a distance', () => {
  it('is whole kilometres from 1 km on a round hundred metres, and metres otherwise', () => {
    expect(formatDistance(1000)).toBe('1km')
    expect(formatDistance(1500)).toBe('1.5km')
    expect(formatDistance(10_000)).toBe('10km')
    expect(formatDistance(1050)).toBe('1050mtr')
    expect(formatDistance(900)).toBe('900mtr')
    expect(formatDistance(100)).toBe('100mtr')
    expect(formatDistance(25)).toBe('25mtr')
    expect(formatDistance(91.44)).toBe('91mtr')
  })
})

describe('a target', () => {
  it('writes a range with its unit once, a ramp and watts with it at both ends', () => {
    expect(formatTarget({ kind: 'power', units: '%ftp', start: 88, end: 94 })).toBe('88-94%')
    expect(formatTarget({ kind: 'power', units: '%ftp', start: 50, end: 75 }, true)).toBe('50%-75%')
    expect(formatTarget({ kind: 'power', units: 'w', start: 200, end: 240 })).toBe('200w-240w')
    expect(formatTarget({ kind: 'power', units: 'w', start: 220 })).toBe('220w')
  })

  it('writes % of MMP with its effort length, five minutes when none is given', () => {
    expect(formatTarget({ kind: 'power', units: '%mmp', start: 110 })).toBe('110% MMP 5m')
    expect(formatTarget({ kind: 'power', units: '%mmp', start: 95, mmpSecs: 1200 })).toBe('95% MMP 20m')
  })

  it('writes heart rate and pace ranges in their own words', () => {
    expect(formatTarget({ kind: 'hr', units: 'bpm', start: 140, end: 150 })).toBe('140-150bpm')
    expect(formatTarget({ kind: 'hr', units: 'bpm', start: 139.6 })).toBe('140bpm')
    expect(formatTarget({ kind: 'hr', units: 'zone', start: 2, end: 3 })).toBe('Z2-Z3 HR')
    expect(formatTarget({ kind: 'hr', units: '%hr', start: 80 })).toBe('80% HR')
    expect(formatTarget({ kind: 'pace', units: 'zone', start: 2, end: 3 })).toBe('Z2-Z3 Pace')
    expect(formatTarget({ kind: 'pace', units: 'zone', start: 4 })).toBe('Z4 Pace')
    expect(formatTarget({ kind: 'pace', units: 'secs_per_100m', start: 95, end: 105 })).toBe('1:35/100m-1:45/100m Pace')
  })
})

describe('a step', () => {
  it('writes only what it has: no target, no duration for a lap press, and free ride in place of a target', () => {
    expect(formatStep({ line: 1, durationSecs: 300 })).toBe('- 5m')
    expect(formatStep({ line: 1, text: 'Recover', lapPress: true })).toBe('- Recover press lap')
    expect(formatStep({ line: 1, distanceMeters: 400, freeride: true, target: { kind: 'power', units: '%ftp', start: 60 } })).toBe('- 400mtr freeride')
  })

  it('writes a ramp only when it has two ends', () => {
    expect(formatStep({ line: 1, durationSecs: 600, ramp: true, target: { kind: 'power', units: '%ftp', start: 50, end: 75 } })).toBe('- 10m ramp 50%-75%')
    expect(formatStep({ line: 1, durationSecs: 600, ramp: true, target: { kind: 'power', units: '%ftp', start: 50 } })).toBe('- 10m 50%')
  })
})

describe('a cue and a heading', () => {
  it('keep a cue on one line with single spaces, and split the tokens the parser would read', () => {
    expect(safeCue('  Sprint\n\n30s\t all out  ')).toBe('Sprint 30 s all out')
    expect(safeCue('Hold Z2')).toBe('Hold Z 2')
    expect(safeCue('3x through')).toBe('3 x through')
    expect(safeCue('Easy spin')).toBe('Easy spin')
  })

  it('leave whole the cue words the parser reads as cue text, even with digits in them', () => {
    expect(safeCue('RPE9 Set3x 2xSprint 3x3 xintensity=rest')).toBe('RPE9 Set3x 2xSprint 3x3 xintensity=rest')
  })

  it('split a repeat count of any length, and a step type before its equals sign', () => {
    expect(safeCue('10x through')).toBe('10 x through')
    expect(safeCue('intensity=rest')).toBe('intensity =rest')
    expect(safeCue('INTENSITY=Z2')).toBe('INTENSITY =Z 2')
  })

  it('join "press lap" and "lap press" with a dash, in any case', () => {
    expect(safeCue('press lap to start')).toBe('press-lap to start')
    expect(safeCue('then lap press')).toBe('then lap-press')
    expect(safeCue('Press\nLap')).toBe('Press-Lap')
    expect(safeCue('impress laps')).toBe('impress laps')
  })

  it('end a heading that reads as a repeat with a full stop, so it stays a heading', () => {
    expect(headingText('Main set 4x')).toBe('Main set 4x.')
    expect(headingText('Main set 4 x')).toBe('Main set 4 x.')
    expect(headingText('- Warm up')).toBe('Warm up')
    expect(headingText('Warm\nup')).toBe('Warm up')
  })

  it('keep a heading on one line without the dashes or spaces around it, and dashes inside it', () => {
    expect(headingText('Warm\r\nup')).toBe('Warm up')
    expect(headingText('  Warm up  ')).toBe('Warm up')
    expect(headingText('-- Warm up')).toBe('Warm up')
    expect(headingText('-Warm up')).toBe('Warm up')
    expect(headingText('Warm-up')).toBe('Warm-up')
    expect(headingText('3x3 drills')).toBe('3x3 drills')
  })
})

describe('a lap-press step with no duration, written and read back', () => {
  // Such a step's cue ends where the first target, option or step type starts, so a cue word that is one
  // ("ramp", "free", "freeride", a cadence) must not be written bare, or the cue is cut there on the way back.
  const roundTrip = (text: string) => parseStepLine(formatStep({ line: 1, text, lapPress: true }).slice(2), 1)

  it.each([
    ['easy free spin', 'easy free-spin'],
    ['ramp up gently', 'ramp-up gently'],
    ['spin up then freeride', 'spin up then-freeride'],
    ['Free', '"Free"'],
    ['hold 90rpm', 'hold 90 rpm'],
  ])('keeps the whole cue "%s" (written "%s") and adds no target or option', (text, written) => {
    expect(formatStep({ line: 1, text, lapPress: true })).toBe(`- ${written} press lap`)
    const { step, issues } = roundTrip(text)
    expect(step).toEqual({ line: 1, text: written, lapPress: true })
    expect(issues).toEqual([])
  })

  it('leaves those words alone in a step with a duration or distance, whose cue ends there', () => {
    expect(formatStep({ line: 1, text: 'easy free spin', durationSecs: 60, lapPress: true })).toBe('- easy free spin 1m press lap')
    expect(formatStep({ line: 1, text: 'easy free spin', distanceMeters: 1000, lapPress: true })).toBe('- easy free spin 1km press lap')
  })
})
