import { describe, expect, it } from 'vitest'
import { changedValues, touchedKeys, withoutEmpty } from './formDiff'

describe('touchedKeys', () => {
  it('finds only the fields whose text the coach changed', () => {
    const shown = { restingHr: '46', sleepSecs: '8.37', mood: '' }
    expect(touchedKeys(shown, { restingHr: '44', sleepSecs: '8.37', mood: '2' })).toEqual(['restingHr', 'mood'])
  })

  it('a rounded display left alone is not a change, whatever value it reads as', () => {
    // 30 123 s shows as 8.37 h, which reads back as 30 132 s: still untouched.
    expect(touchedKeys({ sleepSecs: '8.37' }, { sleepSecs: ' 8.37 ' })).toEqual([])
  })

  it('compares lists item by item', () => {
    expect(touchedKeys({ zones: ['55', '75'] }, { zones: ['55', '75'] })).toEqual([])
    expect(touchedKeys({ zones: ['55', '75'] }, { zones: ['55', '76'] })).toEqual(['zones'])
    expect(touchedKeys({ zones: ['55', '75'] }, { zones: ['55'] })).toEqual(['zones'])
  })
})

describe('changedValues', () => {
  it('keeps the fields that differ from what was loaded, and nothing else', () => {
    const loaded = { name: 'Tempo', description: 'long text', hidden: false, tags: ['a'] }
    expect(changedValues(loaded, { name: 'Tempo 2x20', description: 'long text', hidden: false, tags: ['a'] })).toEqual({ name: 'Tempo 2x20' })
    expect(changedValues(loaded, { ...loaded, tags: ['a', 'b'] })).toEqual({ tags: ['a', 'b'] })
  })

  it('treats null and missing as the same nothing, but a value cleared to null as a change', () => {
    expect(changedValues<{ rpe: number | null }>({}, { rpe: null })).toEqual({})
    expect(changedValues<{ rpe: number | null }>({ rpe: 6 }, { rpe: null })).toEqual({ rpe: null })
  })
})

describe('withoutEmpty', () => {
  it('drops empty text, nulls and empty lists, and keeps false and zero', () => {
    expect(withoutEmpty({ name: 'Rest', type: null, description: '', hidden: false, load: 0, tags: [] })).toEqual({ name: 'Rest', hidden: false, load: 0 })
  })
})
