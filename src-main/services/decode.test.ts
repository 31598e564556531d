import { describe, expect, it } from 'vitest'
import { num, personName, round1, strings } from './decode'

describe('reading API payloads that may hold anything', () => {
  it('takes a finite number as it is, and anything else (text, NaN, infinity, missing) as no number', () => {
    expect(num(42.5)).toBe(42.5)
    expect(num(0)).toBe(0)
    expect(num(-3)).toBe(-3)
    expect(num('42')).toBeNull()
    expect(num(NaN)).toBeNull()
    expect(num(Infinity)).toBeNull()
    expect(num(null)).toBeNull()
    expect(num(undefined)).toBeNull()
  })

  it('rounds to one decimal, and keeps no number as none', () => {
    expect(round1(46.553)).toBe(46.6)
    expect(round1(45.549)).toBe(45.5)
    expect(round1(-20.04)).toBe(-20)
    expect(round1(null)).toBeNull()
  })

  it('keeps the texts of a list and drops the rest; no list is an empty one', () => {
    expect(strings(['fast', 3, null, 'masters'])).toEqual(['fast', 'masters'])
    expect(strings('fast')).toEqual([])
    expect(strings(null)).toEqual([])
  })

  it('names an athlete by name, else first and last name, else id, else the fallback', () => {
    expect(personName({ id: 'i7', name: 'Lena Fischer', firstname: 'L', lastname: 'F' }, 'Unnamed')).toBe('Lena Fischer')
    expect(personName({ id: 'i7', name: '', firstname: 'Ana', lastname: 'Costa' }, 'Unnamed')).toBe('Ana Costa')
    expect(personName({ id: 'i7', firstname: null, lastname: 'Costa' }, 'Unnamed')).toBe('Costa')
    expect(personName({ id: 'i7', name: null, firstname: '', lastname: null }, 'Unnamed')).toBe('i7')
    expect(personName({}, 'Unnamed athlete')).toBe('Unnamed athlete')
  })
})
