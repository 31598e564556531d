import { describe, expect, it } from 'vitest'
import type { AttentionRow } from '@contract'
import { newAlerts } from './attentionAlerts'

const row = (athleteId: string, flags: AttentionRow['flags']): AttentionRow => ({ athleteId, name: `Athlete ${athleteId}`, timezone: 'UTC', today: '2026-03-10', form: null, flags, nextRace: null, error: null })
const flag = (rule: AttentionRow['flags'][number]['rule'], reason: string) => ({ rule, reason, severity: 'medium' as const })

describe('what is new since the last refresh', () => {
  it('announces nothing on the first load, then only new flags and new comments', () => {
    const first = newAlerts([row('i1', [flag('form', 'Form -35, below -30')])], null)
    expect(first.alerts).toEqual([])
    // Same flag with another number: not news. A new rule and a further comment are.
    const second = newAlerts(
      [row('i1', [flag('form', 'Form -38, below -30')]), row('i2', [flag('unreadComment', '1 unread comment from the athlete on “Swim”')])],
      first.keys,
    )
    expect(second.alerts).toEqual([{ title: 'Athlete i2', body: '1 unread comment from the athlete on “Swim”' }])
    const third = newAlerts([row('i2', [flag('unreadComment', '2 unread comments from the athlete on “Swim”')])], second.keys)
    expect(third.alerts.map((a) => a.body)).toEqual(['2 unread comments from the athlete on “Swim”'])
    // A flag that went away and comes back is news again.
    const fourth = newAlerts([row('i1', [flag('form', 'Form -31, below -30')])], third.keys)
    expect(fourth.alerts).toHaveLength(1)
  })
})

describe('the keys of what was announced', () => {
  it('names each flag by athlete and rule, an unread comment by its reason, and knows them all', () => {
    const { keys, alerts } = newAlerts([row('i1', [flag('form', 'Form -35'), flag('unreadComment', '1 unread comment')]), row('i2', [])], new Set(['i1:form']))
    expect([...keys]).toEqual(['i1:form', 'i1:1 unread comment'])
    expect(alerts).toEqual([{ title: 'Athlete i1', body: '1 unread comment' }])
  })
})
