import { describe, expect, it } from 'vitest'
import { countOf, groupByRow, keyChanges, keysOf, sameIds, union } from './rowSelection'
import { sameData } from './calendarModel'

describe('row selection', () => {
  it('groups keys by athlete, a repeated key counted once', () => {
    const rows = groupByRow(['i1:10', 'i2:20', 'i1:11', 'i1:10'])
    expect([...rows.keys()]).toEqual(['i1', 'i2'])
    expect([...rows.get('i1')!]).toEqual([10, 11])
    expect(keysOf(Object.fromEntries(rows))).toEqual(['i1:10', 'i1:11', 'i2:20'])
    expect(countOf(Object.fromEntries(rows))).toBe(3)
  })

  it('adds to a selection with new sets only for the rows that gain events', () => {
    const a = new Set([1])
    const b = new Set([2])
    const next = union({ i1: a, i2: b }, new Map([['i2', new Set([3])]]))
    expect(next.get('i1')).toBe(a)
    expect(next.get('i2')).not.toBe(b)
    expect([...next.get('i2')!]).toEqual([2, 3])
    expect([...b]).toEqual([2])
  })

  it('compares sets by their ids', () => {
    expect(sameIds(new Set([1, 2]), new Set([2, 1]))).toBe(true)
    expect(sameIds(new Set([1]), new Set([2]))).toBe(false)
    expect(sameIds(undefined, new Set())).toBe(true)
    expect(sameIds(undefined, new Set([1]))).toBe(false)
  })
})

describe('sameData', () => {
  it('is true for equal answers sent twice and false for any change', () => {
    const row = { athleteId: 'i1', events: [{ id: 1, name: 'Ride', hidden: false, endDate: null }], error: null }
    expect(sameData(row, structuredClone(row))).toBe(true)
    expect(sameData(row, { ...row, events: [{ ...row.events[0], hidden: true }] })).toBe(false)
    expect(sameData(row, { ...row, events: [] })).toBe(false)
    expect(sameData(row, { ...row, extra: 1 })).toBe(false)
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false)
  })
})

describe('keyChanges', () => {
  it('names only the keys that enter or leave, row by row', () => {
    const current = { a: new Set([1, 2]), b: new Set([5]) }
    const next = new Map([
      ['a', new Set([2, 3])],
      ['c', new Set([9])],
    ])
    const { added, removed } = keyChanges(current, next)
    expect(added.sort()).toEqual(['a:3', 'c:9'])
    expect(removed.sort()).toEqual(['a:1', 'b:5'])
    expect(keyChanges(current, new Map(Object.entries(current)))).toEqual({ added: [], removed: [] })
  })
})

describe('row selection at its edges', () => {
  it('a set that lacks one of the other’s ids is not the same, whichever is asked first', () => {
    expect(sameIds(new Set([1, 2]), new Set([1, 3]))).toBe(false)
    expect(sameIds(new Set([1]), undefined)).toBe(false)
    expect(sameIds(undefined, undefined)).toBe(true)
  })

  it('adds events to a row not selected yet, and counts nothing in an empty selection', () => {
    const next = union({}, new Map([['i1', new Set([4])]]))
    expect([...next.get('i1')!]).toEqual([4])
    expect(countOf({})).toBe(0)
    expect(keysOf({})).toEqual([])
    expect(keyChanges({}, new Map([['i1', new Set([4])]]))).toEqual({ added: ['i1:4'], removed: [] })
    expect(keyChanges({ i1: new Set([4]) }, new Map())).toEqual({ added: [], removed: ['i1:4'] })
  })
})
