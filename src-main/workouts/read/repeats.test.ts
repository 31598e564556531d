import { describe, expect, it } from 'vitest'
import { findRepeats } from './repeats'
import type { Step, WorkoutItem } from '../types'

// Steps spelled out one by one in a trainer file, grouped back into the repeats a coach writes.

const at = (pct: number, secs = 60, line = 0): Step => ({ line, durationSecs: secs, target: { kind: 'power', units: '%ftp', start: pct } })
/** Each item as "step 50" or "3x[110 55]", by the percentages of its steps. */
const shape = (items: WorkoutItem[]) =>
  items.map((i) =>
    i.type === 'repeat' ? `${i.reps}x[${i.steps.map((s) => s.target?.start).join(' ')}]` : i.type === 'step' ? `step ${i.target?.start}` : i.type,
  )

describe('finding repeats', () => {
  it('groups a block of two steps done three times, and leaves the steps around it', () => {
    expect(shape(findRepeats([at(50), at(110), at(55), at(110), at(55), at(110), at(55), at(40)]))).toEqual(['step 50', '3x[110 55]', 'step 40'])
  })

  it('keeps the steps of the repeat as the first block, and steps that differ only in their line as the same', () => {
    const items = findRepeats([at(110, 60, 1), at(55, 60, 2), at(110, 60, 3), at(55, 60, 4)])
    expect(items).toEqual([{ type: 'repeat', line: 0, reps: 2, steps: [at(110, 60, 1), at(55, 60, 2)] }])
  })

  it('leaves one step done twice in a row as two steps', () => {
    expect(shape(findRepeats([at(90), at(90)]))).toEqual(['step 90', 'step 90'])
  })

  it('finds blocks of three and four steps, not of five', () => {
    const three = [at(100), at(80), at(60)]
    expect(shape(findRepeats([...three, ...three]))).toEqual(['2x[100 80 60]'])
    const four = [at(100), at(80), at(60), at(40)]
    expect(shape(findRepeats([...four, ...four]))).toEqual(['2x[100 80 60 40]'])
    const five = [at(100), at(80), at(60), at(40), at(20)]
    expect(shape(findRepeats([...five, ...five]))).toEqual([...five, ...five].map((s) => `step ${s.target?.start}`))
  })

  it('takes the block that covers the most steps, the shorter block when two cover as many', () => {
    // 90 90 60 90 90 60: no pair repeats, the block of three is done twice.
    expect(shape(findRepeats([at(90), at(90), at(60), at(90), at(90), at(60)]))).toEqual(['2x[90 90 60]'])
    // 110 55 ×4: a block of four done twice and a block of two done four times cover the same eight steps.
    const pair = [at(110), at(55)]
    expect(shape(findRepeats([...pair, ...pair, ...pair, ...pair]))).toEqual(['4x[110 55]'])
    // 110 55 110 55 110 120 110 120: the pair is done twice, then another pair twice.
    expect(shape(findRepeats([...pair, ...pair, at(110), at(120), at(110), at(120)]))).toEqual(['2x[110 55]', '2x[110 120]'])
  })

  it('makes nine steps alike three times three, which covers them all, rather than four pairs and one left', () => {
    expect(shape(findRepeats(Array.from({ length: 9 }, () => at(60))))).toEqual(['3x[60 60 60]'])
  })

  it('does not mistake a change of duration for the same step', () => {
    expect(shape(findRepeats([at(110, 60), at(55), at(110, 90), at(55)]))).toEqual(['step 110', 'step 55', 'step 110', 'step 55'])
  })

  it('stops a repeat where the block no longer fits', () => {
    expect(shape(findRepeats([at(110), at(55), at(110), at(55), at(110)]))).toEqual(['2x[110 55]', 'step 110'])
  })

  it('keeps two steps that hold nothing but their line as two steps', () => {
    expect(findRepeats([{ line: 1 }, { line: 2 }])).toEqual([
      { type: 'step', line: 1 },
      { type: 'step', line: 2 },
    ])
  })

  it('gives nothing for no steps', () => {
    expect(findRepeats([])).toEqual([])
  })
})
