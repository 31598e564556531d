import { describe, expect, it } from 'vitest'
import { checkInLabel, hrvAgainstBaseline, restingHrAgainstBaseline } from './checkInModel'

describe('the check-in against each athlete’s own baseline', () => {
  it('flags HRV 10% or more below the baseline, not a smaller dip', () => {
    expect(hrvAgainstBaseline(54, 60)).toEqual({ delta: '−10%', flag: true })
    expect(hrvAgainstBaseline(57, 60)).toEqual({ delta: '−5%', flag: false })
    expect(hrvAgainstBaseline(66, 60)).toEqual({ delta: '+10%', flag: false })
    expect(hrvAgainstBaseline(60, null)).toEqual({ delta: '', flag: false })
  })

  it('flags a resting heart rate 5 bpm or more above the baseline', () => {
    expect(restingHrAgainstBaseline(53, 48)).toEqual({ delta: '+5', flag: true })
    expect(restingHrAgainstBaseline(46, 48.4)).toEqual({ delta: '−2', flag: false })
    expect(restingHrAgainstBaseline(null, 48)).toEqual({ delta: '', flag: false })
  })

  it('says which day the rows show', () => {
    const fmt = (d: string) => `<${d}>`
    expect(checkInLabel({ date: null, offsetDays: 0 }, fmt)).toBe("Each athlete's today")
    expect(checkInLabel({ date: null, offsetDays: -1 }, fmt)).toBe("Each athlete's yesterday")
    expect(checkInLabel({ date: null, offsetDays: 3 }, fmt)).toBe("3 days after each athlete's today")
    expect(checkInLabel({ date: '2026-12-01', offsetDays: 0 }, fmt)).toBe('<2026-12-01>, for every athlete')
  })
})

describe('the check-in at its edges', () => {
  it('shows no change as ±0, and nothing against a baseline of zero or without a reading', () => {
    expect(hrvAgainstBaseline(60, 60)).toEqual({ delta: '±0%', flag: false })
    expect(hrvAgainstBaseline(60, 0)).toEqual({ delta: '', flag: false })
    expect(hrvAgainstBaseline(null, 60)).toEqual({ delta: '', flag: false })
    // 9% below is not flagged.
    expect(hrvAgainstBaseline(54.6, 60)).toEqual({ delta: '−9%', flag: false })
    expect(restingHrAgainstBaseline(48, 48)).toEqual({ delta: '±0', flag: false })
    expect(restingHrAgainstBaseline(52, 48)).toEqual({ delta: '+4', flag: false })
    expect(restingHrAgainstBaseline(55, 48)).toEqual({ delta: '+7', flag: true })
    expect(restingHrAgainstBaseline(52, null)).toEqual({ delta: '', flag: false })
  })

  it('names tomorrow and days before today', () => {
    const fmt = (d: string) => d
    expect(checkInLabel({ date: null, offsetDays: 1 }, fmt)).toBe("Each athlete's tomorrow")
    expect(checkInLabel({ date: null, offsetDays: -3 }, fmt)).toBe("3 days before each athlete's today")
    expect(checkInLabel({ date: null, offsetDays: 2 }, fmt)).toBe("2 days after each athlete's today")
  })
})
