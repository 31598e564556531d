import { describe, expect, it } from 'vitest'
import { parseWorkout } from './parse'

// What the editor tells the coach about a workout text: each line intervals.icu would read otherwise
// than it looks, with the words the coach reads. Each case lists every issue the text has.

const issuesOf = (text: string, sport?: string) => parseWorkout(text, { sport }).issues.map((i) => `${i.line}: ${i.message}`)
const firstStep = (text: string, sport?: string) => {
  const item = parseWorkout(text, { sport }).items[0]
  if (item?.type !== 'step') throw new Error('expected a step')
  return item
}
const UNREAD = (token: string) =>
  `Coach Desk cannot read "${token}" here. Put cue text before the duration ("- Easy spin 10m 55%"); intervals.icu silently drops words it does not know after it.`
const NO_LENGTH =
  'This step has no duration or distance, so intervals.icu will not count it. Add one such as 10m, 30s, 1h or 2km (m means minutes; write 400mtr for metres).'

describe('repeats', () => {
  it('cannot be nested', () => {
    expect(issuesOf('3x\n- 5m 100%\n2x\n- 1m 50%')).toEqual([
      '3: Repeats cannot be nested: "2x" follows the repeat on line 1 with no blank line between them. Leave a blank line before it to start a separate repeat.',
    ])
  })

  it('need a blank line before them after a step, and after them before a heading', () => {
    expect(issuesOf('- 5m 60%\n3x\n- 1m 120%')).toEqual(['2: Leave a blank line before "3x"; without it intervals.icu may run the repeat only once.'])
    expect(issuesOf('Main set 3x\n- 1m 120%\nCool down\n- 5m 50%')).toEqual([
      '3: Leave a blank line after the repeat "Main set 3x" (line 1); without it intervals.icu may run the repeat only once.',
    ])
    expect(issuesOf('3x\n- 1m 120%\n\nCool down')).toEqual([])
  })

  it('need steps right after them; a heading there is not one', () => {
    expect(issuesOf('3x\nWarm up\n- 5m 50%')).toEqual(['1: The repeat "3x" has no steps. Put the steps to repeat on the lines right after it.'])
    expect(issuesOf('- 5m 50%\nCool down')).toEqual([])
  })

  it('repeat at least once', () => {
    expect(issuesOf('0x\n- 1m 120%')).toEqual(['1: "0x" repeats nothing. Use 1x or more.'])
    expect(issuesOf('1x\n- 1m 120%')).toEqual([])
  })

  it('go on a line of their own, not in a step’s cue; a word that only contains an x is a cue', () => {
    expect(issuesOf('- 3x 5m 100%')).toEqual(['1: Repeats go on a line of their own ("3x") above the steps to repeat, with no dash.'])
    expect(issuesOf('- 10x 1m 120%')).toEqual(['1: Repeats go on a line of their own ("10x") above the steps to repeat, with no dash.'])
    expect(issuesOf('- Set3x 5m 100%')).toEqual([])
    expect(issuesOf('- 2xSprint 5m 100%')).toEqual([])
  })
})

describe('lines that look like steps', () => {
  it('are headings without the dash and space, and the coach is told', () => {
    const said = 'This line looks like a step but does not start with "- " (a dash and a space), so intervals.icu shows it as a heading.'
    expect(issuesOf('-Easy spin 10m 55%')).toEqual([`1: ${said}`])
    expect(issuesOf('-5m 100%')).toEqual([`1: ${said}`])
    expect(issuesOf('10m 75%')).toEqual([`1: ${said}`])
  })

  it('are plain headings when they only contain a dash or a duration among other words', () => {
    expect(issuesOf('Warm-up')).toEqual([])
    expect(issuesOf('10m of easy riding')).toEqual([])
    // Words first and a complete step after them read as a title, as intervals.icu shows them.
    expect(issuesOf('Warmup 10m\n- 10m 50%\n\nTempo 20m 85%\n- 20m 85%')).toEqual([])
    const parsed = parseWorkout('Warm up - easy\n- 5m 50%')
    expect(parsed.items[0]).toEqual({ type: 'section', line: 1, title: 'Warm up - easy' })
    expect(parsed.issues).toEqual([])
  })
})

describe('a step', () => {
  it('without a duration or distance is kept with its text, and not counted', () => {
    expect(firstStep('- Easy spin')).toMatchObject({ text: 'Easy spin' })
    expect(issuesOf('- Easy spin')).toEqual([`1: ${NO_LENGTH}`])
    expect(firstStep('- ').text).toBeUndefined()
  })

  it('ending on a lap press needs no duration; its cue ends where its target or its kind begins', () => {
    expect(firstStep('- Recover press lap')).toEqual({ type: 'step', line: 1, text: 'Recover', lapPress: true })
    expect(firstStep('- Hard press lap ramp 50%-75%')).toMatchObject({ text: 'Hard', ramp: true, target: { kind: 'power', units: '%ftp', start: 50, end: 75 } })
    expect(firstStep('- Spin up press lap freeride')).toMatchObject({ text: 'Spin up', freeride: true })
    expect(firstStep('- Spin up press lap free')).toMatchObject({ text: 'Spin up', freeride: true })
    expect(firstStep('- Drill press lap 90rpm')).toMatchObject({ text: 'Drill', cadence: { start: 90 } })
    expect(issuesOf('- Hard press lap ramp 50%-75%\n- Drill press lap 90rpm\n- Recover press lap')).toEqual([])
  })

  it('takes its step type only after the duration: before it, "intensity=" is cue text and the coach is told', () => {
    expect(firstStep('- Say intensity=rest now 1m 50%')).toEqual({
      type: 'step',
      line: 1,
      text: 'Say intensity=rest now',
      durationSecs: 60,
      target: { kind: 'power', units: '%ftp', start: 50 },
    })
    expect(issuesOf('- intensity=rest 3m 55%')).toEqual([
      '1: "intensity=rest" comes before the duration, so it is read as cue text, not the step type. Move it after the duration.',
    ])
    expect(firstStep('- Easy 3m 55% intensity=rest').intensity).toBe('rest')
  })

  it('ending on a lap press takes its step type where its cue ends', () => {
    expect(firstStep('- Recover press lap intensity=rest')).toEqual({ type: 'step', line: 1, text: 'Recover', lapPress: true, intensity: 'rest' })
    expect(firstStep('- press lap Z1 intensity=cooldown')).toEqual({
      type: 'step',
      line: 1,
      lapPress: true,
      target: { kind: 'power', units: 'zone', start: 1 },
      intensity: 'cooldown',
    })
    expect(issuesOf('- Recover press lap intensity=rest')).toEqual([])
  })

  it('has one duration or distance, and one target', () => {
    expect(issuesOf('- 2km 10m 80% Pace')).toEqual(['1: "10m" is a second duration or distance in one step. Split it into two steps.'])
    expect(issuesOf('- 5m 100% 90% HR')).toEqual(['1: A step can have only one target; "90% HR" is ignored.'])
  })

  it('names a word it cannot read after the duration, a stray dash too', () => {
    expect(issuesOf('- 5m 100% hard')).toEqual([`1: ${UNREAD('hard')}`])
    expect(issuesOf('- 5m 100% -')).toEqual([`1: ${UNREAD('-')}`])
    expect(issuesOf('- 5m 100% xintensity=rest')).toEqual([`1: ${UNREAD('xintensity=rest')}`])
  })

  it('says a ramp needs two ends, with or without a target', () => {
    const said = '1: A ramp needs a start and an end, for example "ramp 50%-75%".'
    expect(issuesOf('- 5m ramp')).toEqual([said])
    expect(issuesOf('- 5m ramp 80%')).toEqual([said])
  })

  it('says which pace unit is unknown, taking its Pace word with it', () => {
    expect(issuesOf('- 5m 4:00/xx Pace')).toEqual(['1: "/xx" is not a pace unit intervals.icu knows. Use /km, /mi, /100m, /100y, /500m, /400m or /250m.'])
  })

  it('says a custom zone cannot be shown, and keeps the target it already has', () => {
    const said = '1: Coach Desk cannot show custom zones such as "cz2". intervals.icu reads them, but exported files leave this step without a target.'
    expect(issuesOf('- 5m cz2')).toEqual([said])
    expect(issuesOf('- 5m 100% cz2')).toEqual([said])
    expect(firstStep('- 5m 100% cz2').target).toEqual({ kind: 'power', units: '%ftp', start: 100 })
  })
})

describe('minutes that look like metres', () => {
  it('are pointed out from 100 minutes in a swim and 200 in a run, never below', () => {
    expect(issuesOf('- 100m Z2 Pace', 'Swim')).toEqual(['1: "100m" means 100 minutes. For metres write 100mtr.'])
    expect(issuesOf('- 99m Z2 Pace', 'Swim')).toEqual([])
    expect(issuesOf('- 30m Z2 Pace', 'Swim')).toEqual([])
    expect(issuesOf('- 200m Z2 Pace', 'Run')).toEqual(['1: "200m" means 200 minutes. For metres write 200mtr.'])
    expect(issuesOf('- 199m Z2 Pace', 'Run')).toEqual([])
    expect(issuesOf('- 400m Z2', 'Ride')).toEqual([])
  })
})
