import { describe, expect, it } from 'vitest'
import { requiredGroup } from './requiredGroup'

// The guard behind every reader's capture groups: a pattern changed so that a group may be missing fails
// loudly, naming the group and the start of the text, instead of reading `undefined` as a value.

describe('a required capture group', () => {
  it('is returned when the pattern filled it, empty text included', () => {
    const match = /^(\d+)(x?)$/.exec('12')
    expect(match && [requiredGroup(match, 1), requiredGroup(match, 2)]).toEqual(['12', ''])
  })

  it('fails naming the group and the first 40 characters of the text when the pattern left it out', () => {
    const text = `5m${'.'.repeat(60)}`
    const match = /^(\d+)(h)?/.exec(text)
    expect(() => match && requiredGroup(match, 2)).toThrow(new Error(`Group 2 of 5m${'.'.repeat(38)} is optional in its pattern.`))
  })
})
