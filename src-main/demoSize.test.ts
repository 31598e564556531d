import { describe, expect, it } from 'vitest'
import { demoAthletes } from './demoSize'

describe('demoAthletes', () => {
  it('is a dozen unless COACH_DESK_DEMO_ATHLETES says otherwise', () => {
    expect(demoAthletes({})).toBe(12)
    expect(demoAthletes({ COACH_DESK_DEMO_ATHLETES: '' })).toBe(12)
    expect(demoAthletes({ COACH_DESK_DEMO_ATHLETES: '200' })).toBe(200)
  })

  it('refuses what is not a whole number of athletes, saying which variable', () => {
    for (const bad of ['0', '-3', '12.5', 'many', '5000']) {
      expect(() => demoAthletes({ COACH_DESK_DEMO_ATHLETES: bad })).toThrow(/COACH_DESK_DEMO_ATHLETES/)
    }
  })
})
