import { describe, expect, it } from 'vitest'
import { chunksOf } from './limits'

// A roster longer than one call may name is sent in runs; none is lost, none is sent twice.
describe('a long list cut into runs', () => {
  it('keeps every item, in order, in runs of at most the size', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunksOf([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]])
    expect(chunksOf(['a', 'b', 'c'], 1)).toEqual([['a'], ['b'], ['c']])
    expect(chunksOf(['a', 'b'], 200)).toEqual([['a', 'b']])
  })

  it('makes no run from an empty list', () => {
    expect(chunksOf([], 3)).toEqual([])
  })

  it('refuses a size that would never move on', () => {
    expect(() => chunksOf([1], 0)).toThrow(new RangeError('A chunk holds at least one item.'))
    expect(() => chunksOf([1], -2)).toThrow(RangeError)
  })
})
