import { describe, expect, it } from 'vitest'
import type { RosterRow } from '@contract'
import { allTags, formBand, visibleRoster, type SortKey } from './rosterView'

function row(p: Partial<RosterRow>): RosterRow {
  return {
    id: 'i1', name: 'A', avatarUrl: null, sports: [], timezone: 'UTC', today: '2026-11-26', fitness: null, fatigue: null,
    form: null, rampRate: null, weekLoadDone: 0, weekTimeDone: 0, lastActiveWeek: null, tags: [], notes: '',
    permission: 'WRITE', isSelf: false, ...p,
  }
}

const rows = [
  row({ id: 'i1', name: 'Zoe Park', fitness: 60, tags: ['elite'] }),
  row({ id: 'i2', name: 'adam Ng', fitness: 80, tags: ['juniors'] }),
  row({ id: 'i3', name: 'Mia Lopez', fitness: null, tags: ['juniors', 'elite'] }),
  row({ id: 'i4', name: 'Ben Ode', fitness: 45 }),
]

describe('visibleRoster', () => {
  it('sorts names without regard to case', () => {
    const names = visibleRoster([...rows], { sortKey: 'name', sortDir: 'asc', tag: null, search: '' }).map((r) => r.name)
    expect(names).toEqual(['adam Ng', 'Ben Ode', 'Mia Lopez', 'Zoe Park'])
  })

  it('sorts numbers both ways, and missing values sink to the bottom either way', () => {
    const q = { sortKey: 'fitness' as const, tag: null, search: '' }
    expect(visibleRoster([...rows], { ...q, sortDir: 'desc' }).map((r) => r.id)).toEqual(['i2', 'i1', 'i4', 'i3'])
    expect(visibleRoster([...rows], { ...q, sortDir: 'asc' }).map((r) => r.id)).toEqual(['i4', 'i1', 'i2', 'i3'])
  })

  it('filters by tag and by a name fragment together', () => {
    expect(visibleRoster([...rows], { sortKey: 'name', sortDir: 'asc', tag: 'juniors', search: '' }).map((r) => r.id)).toEqual(['i2', 'i3'])
    expect(visibleRoster([...rows], { sortKey: 'name', sortDir: 'asc', tag: 'elite', search: 'LOP' }).map((r) => r.id)).toEqual(['i3'])
  })

  it('sorts by planned load from the week details when they have arrived', () => {
    const details = {
      i1: { athleteId: 'i1', plannedLoad: 300, plannedSecs: 0, plannedCount: 3, lastActivity: null, error: null },
      i4: { athleteId: 'i4', plannedLoad: 500, plannedSecs: 0, plannedCount: 4, lastActivity: null, error: null },
    }
    const ids = visibleRoster([...rows], { sortKey: 'plannedLoad', sortDir: 'desc', tag: null, search: '' }, details).map((r) => r.id)
    expect(ids.slice(0, 2)).toEqual(['i4', 'i1'])
  })

  it('leaves the coach out unless asked', () => {
    const withSelf = [...rows, row({ id: 'i9', name: 'Coach', isSelf: true })]
    const q = { sortKey: 'name' as const, sortDir: 'asc' as const, tag: null, search: '' }
    expect(visibleRoster([...withSelf], q).map((r) => r.id)).not.toContain('i9')
    expect(visibleRoster([...withSelf], { ...q, includeSelf: true }).map((r) => r.id)).toContain('i9')
  })

  it('lists each tag once, sorted', () => {
    expect(allTags(rows)).toEqual(['elite', 'juniors'])
  })
})

describe('formBand', () => {
  it.each([
    [25, 'transition'],
    [10, 'fresh'],
    [0, 'grey'],
    [-10, 'grey'],
    [-20, 'optimal'],
    [-31, 'high-risk'],
    [null, 'unknown'],
  ])('form %s is %s', (form, band) => {
    expect(formBand(form)).toBe(band)
  })
})

describe('sorting the roster by attention', () => {
  it('puts the athletes who need the coach most first, and those not yet worked out last', () => {
    const q = { sortKey: 'attention' as const, sortDir: 'desc' as const, tag: null, search: '' }
    expect(visibleRoster([...rows], q, {}, { i1: 1, i2: 4, i4: 0 }).map((r) => r.id)).toEqual(['i2', 'i1', 'i4', 'i3'])
  })
})

describe('the roster’s other columns', () => {
  const q = (sortKey: SortKey, sortDir: 'asc' | 'desc' = 'asc') => ({ sortKey, sortDir, tag: null, search: '' })
  const team = [
    row({ id: 'a', name: 'Ann', sports: ['Run'], lastActiveWeek: '2026-11-16', form: 3 }),
    row({ id: 'b', name: 'Bob', sports: ['Ride', 'Run'], lastActiveWeek: '2026-11-23', form: 3 }),
    row({ id: 'c', name: 'Cid', sports: ['Ride'], lastActiveWeek: null, form: -5 }),
  ]

  it('sorts sports by their names, both ways', () => {
    // "Ride" before "Ride,Run" before "Run".
    expect(visibleRoster([...team], q('sports')).map((r) => r.id)).toEqual(['c', 'b', 'a'])
    expect(visibleRoster([...team], q('sports', 'desc')).map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })

  it('sorts by the last activity from the week details, else the summary’s last active week', () => {
    const details = { c: { athleteId: 'c', plannedLoad: 0, plannedSecs: 0, plannedCount: 0, lastActivity: { date: '2026-12-01', type: 'Ride', name: 'x', load: 1 }, error: null } }
    expect(visibleRoster([...team], q('lastActivity', 'desc'), details as never).map((r) => r.id)).toEqual(['c', 'b', 'a'])
    expect(visibleRoster([...team], q('lastActivity', 'desc')).map((r) => r.id)).toEqual(['b', 'a', 'c'])
  })

  it('orders equal values by name, and leaves rows without planned load last', () => {
    expect(visibleRoster([...team], q('form', 'desc')).map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(visibleRoster([...team].reverse(), q('form', 'desc')).map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(visibleRoster([...team], q('plannedLoad')).map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })

  it('finds a name by a fragment with spaces around it', () => {
    expect(visibleRoster([...team], { ...q('name'), search: '  ci ' }).map((r) => r.id)).toEqual(['c'])
  })

  it('names the form bands at their edges', () => {
    expect([20.5, 20, 5.5, 5, -10, -10.5, -30, -30.5].map(formBand)).toEqual(['transition', 'fresh', 'fresh', 'grey', 'grey', 'optimal', 'optimal', 'high-risk'])
  })

  it('sorts tags as words', () => {
    expect(allTags([row({ tags: ['b', 'A'] }), row({ tags: ['a'] })])).toEqual(['a', 'A', 'b'])
  })
})
