import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { RosterRow, WeekDetail } from '@contract'
import { useRosterStore } from './roster'
import { useAttentionStore } from './attention'
import { fail, ok } from '../testing/bridge'

// The roster store against a stand-in bridge: the list, the week details as they arrive, sorting.


function rosterRow(id: string, name: string, over: Partial<RosterRow> = {}): RosterRow {
  return {
    id, name, avatarUrl: null, sports: [], timezone: 'UTC', today: '2026-12-03', fitness: 50, fatigue: 60, form: -10, rampRate: null,
    weekLoadDone: 0, weekTimeDone: 0, lastActiveWeek: null, tags: [], notes: '', permission: 'WRITE', isSelf: false, ...over,
  }
}
const detail = (athleteId: string, over: Partial<WeekDetail> = {}): WeekDetail => ({ athleteId, plannedLoad: 100, plannedSecs: 3600, plannedCount: 2, lastActivity: null, ...over }) as WeekDetail

function bridge(athletes: RosterRow[]) {
  let onDetail: ((d: WeekDetail) => void) | null = null
  const roster = {
    list: vi.fn(() => ok({ athletes, fetchedAt: '2026-12-03T08:00:00Z' })),
    weekDetails: vi.fn((a: { athleteIds: string[] }) => ok(a.athleteIds.map((id) => detail(id)))),
    cancelDetails: vi.fn(() => ok({ cancelled: 0 })),
  }
  const events = { 'roster:detail': vi.fn((fn: (d: WeekDetail) => void) => ((onDetail = fn), () => {})) }
  window.coachDesk = { roster, events } as never
  return { roster, events, detail: (d: WeekDetail) => onDetail!(d) }
}

beforeEach(() => setActivePinia(createPinia()))

describe('the roster store', () => {
  it('loads the list once subscribed to details, loading only meanwhile', async () => {
    const b = bridge([rosterRow('i1', 'Maya', { tags: ['elite'] }), rosterRow('i2', 'Ben', { tags: ['juniors', 'elite'] })])
    const r = useRosterStore()
    const loading = r.load()
    expect(r.loading).toBe(true)
    await loading
    await r.load()
    expect(b.events['roster:detail']).toHaveBeenCalledOnce()
    expect(r.loading).toBe(false)
    expect(r.rows.map((x) => x.id)).toEqual(['i1', 'i2'])
    expect(r.fetchedAt).toBe('2026-12-03T08:00:00Z')
    expect(r.tags).toEqual(['elite', 'juniors'])
    expect(b.roster.list).toHaveBeenLastCalledWith({ refresh: false })
  })

  it('says why the list failed, and clears the reason on the next load', async () => {
    const b = bridge([])
    b.roster.list.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    const r = useRosterStore()
    await r.load()
    expect(r.error).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(r.loading).toBe(false)
    await r.load()
    expect(r.error).toBeNull()
  })

  it("takes an athlete's today numbers from a detail event, and keeps the summary's when the detail has none", async () => {
    const b = bridge([rosterRow('i1', 'Maya'), rosterRow('i2', 'Ben')])
    const r = useRosterStore()
    await r.load()
    b.detail(detail('i1', { fitness: 55, fatigue: 40, form: 15, fitnessDate: '2026-12-03' }))
    b.detail(detail('i2', { fitness: 1 }))
    expect(r.details.i1?.plannedLoad).toBe(100)
    expect(r.details.i2).toBeDefined()
    expect(r.rows.map((x) => [x.fitness, x.fatigue, x.form, x.fitnessDate])).toEqual([[55, 40, 15, '2026-12-03'], [50, 60, -10, undefined]])
    r.takeDetails([detail('i2', { fitnessDate: '2026-12-03' })])
    expect(r.rows[1]).toMatchObject({ fitness: null, fatigue: null, form: null })
  })

  it('a refreshed list drops the details it had, and reload cancels what was still queued first', async () => {
    const b = bridge([rosterRow('i1', 'Maya')])
    const r = useRosterStore()
    await r.load()
    await r.loadDetails()
    expect(Object.keys(r.details)).toEqual(['i1'])
    await r.load()
    expect(Object.keys(r.details)).toEqual(['i1'])
    await r.load(true)
    expect(b.roster.list).toHaveBeenLastCalledWith({ refresh: true })
    expect(r.details).toEqual({})
    b.roster.weekDetails.mockClear()
    await r.reload()
    expect(b.roster.weekDetails).toHaveBeenCalledWith({ athleteIds: ['i1'] })
    expect(Object.keys(r.details)).toEqual(['i1'])
  })

  it('asks details only for rows without them', async () => {
    const b = bridge([rosterRow('i1', 'Maya'), rosterRow('i2', 'Ben')])
    const r = useRosterStore()
    await r.load()
    r.takeDetails([detail('i1')])
    await r.loadDetails()
    expect(b.roster.weekDetails).toHaveBeenCalledExactlyOnceWith({ athleteIds: ['i2'] })
    await r.loadDetails()
    expect(b.roster.weekDetails).toHaveBeenCalledOnce()
  })

  it('says when cancelling the queued details failed', async () => {
    let answer: (v: unknown) => void = () => {}
    const b = bridge([rosterRow('i1', 'Maya')])
    b.roster.weekDetails.mockReturnValue(new Promise((resolve) => (answer = resolve)) as never)
    b.roster.cancelDetails.mockReturnValue(fail('NETWORK', 'offline') as never)
    const r = useRosterStore()
    await r.load()
    const loading = r.loadDetails()
    await r.leaveRoster()
    expect(r.detailsError).toEqual({ code: 'NETWORK', message: 'offline' })
    answer({ ok: true, value: [detail('i1')] })
    await loading
  })

  it('sorts a new column in its natural direction and flips it on a second click', () => {
    bridge([])
    const r = useRosterStore()
    r.sortBy('fitness')
    expect([r.sortKey, r.sortDir]).toEqual(['fitness', 'desc'])
    r.sortBy('fitness')
    expect(r.sortDir).toBe('asc')
    r.sortBy('fitness')
    expect(r.sortDir).toBe('desc')
    r.sortBy('sports')
    expect([r.sortKey, r.sortDir]).toEqual(['sports', 'asc'])
    r.sortBy('name')
    expect([r.sortKey, r.sortDir]).toEqual(['name', 'asc'])
    r.sortBy('name')
    expect(r.sortDir).toBe('desc')
  })

  it('shows the rows filtered and sorted, by attention from Needs attention too', () => {
    bridge([])
    const r = useRosterStore()
    r.rows = [rosterRow('i1', 'Maya', { tags: ['elite'] }), rosterRow('i2', 'Ben'), rosterRow('i3', 'Ann', { tags: ['elite'] }), rosterRow('i0', 'Coach', { isSelf: true })]
    expect(r.visible.map((x) => x.id)).toEqual(['i3', 'i2', 'i1'])
    r.includeSelf = true
    expect(r.visible.map((x) => x.id)).toEqual(['i3', 'i2', 'i0', 'i1'])
    r.tag = 'elite'
    r.search = 'ma'
    expect(r.visible.map((x) => x.id)).toEqual(['i1'])
    r.tag = null
    r.search = ''
    useAttentionStore().rows = [{ athleteId: 'i2', flags: [{ severity: 'high' }] }, { athleteId: 'i1', flags: [{ severity: 'medium' }] }] as never
    r.sortBy('attention')
    expect(r.visible.map((x) => x.id)).toEqual(['i2', 'i1', 'i3', 'i0'])
  })

  it("knows the coach's today from their own row", () => {
    bridge([])
    const r = useRosterStore()
    r.rows = [rosterRow('i1', 'Maya', { today: '2026-12-04' }), rosterRow('i0', 'Coach', { isSelf: true, today: '2026-12-03' })]
    expect(r.coachToday).toBe('2026-12-03')
  })

  it('forgets the list and its details for another account', async () => {
    bridge([rosterRow('i1', 'Maya')])
    const r = useRosterStore()
    await r.load()
    await r.loadDetails()
    r.detailsError = { code: 'NETWORK', message: 'offline' }
    r.clear()
    expect(r.rows).toEqual([])
    expect(r.details).toEqual({})
    expect(r.fetchedAt).toBeNull()
    expect(r.detailsError).toBeNull()
  })

  it('keeps the rows it had when a reload fails', async () => {
    const b = bridge([rosterRow('i1', 'Maya')])
    const r = useRosterStore()
    await r.load()
    b.roster.list.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await r.load(true)
    expect(r.rows.map((x) => x.id)).toEqual(['i1'])
    expect(r.fetchedAt).toBe('2026-12-03T08:00:00Z')
  })

  it("leaves the coach's own row out of the details unless it is shown, then asks for it once the first answer is in", async () => {
    let answer: (v: unknown) => void = () => {}
    const b = bridge([rosterRow('i0', 'Coach', { isSelf: true }), rosterRow('i1', 'Maya')])
    const r = useRosterStore()
    await r.load()
    b.roster.weekDetails.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)) as never)
    const first = r.loadDetails()
    expect(r.detailsLoading).toBe(true)
    expect(b.roster.weekDetails).toHaveBeenCalledExactlyOnceWith({ athleteIds: ['i1'] })
    r.includeSelf = true
    await r.loadDetails()
    expect(b.roster.weekDetails).toHaveBeenCalledOnce()
    answer({ ok: true, value: [detail('i1')] })
    await first
    expect(b.roster.weekDetails).toHaveBeenLastCalledWith({ athleteIds: ['i0'] })
    expect(Object.keys(r.details).sort()).toEqual(['i0', 'i1'])
    expect(r.detailsLoading).toBe(false)
  })

  it('says why the details failed; a cancel is no failure, and the next ask fills them in', async () => {
    const b = bridge([rosterRow('i1', 'Maya'), rosterRow('i2', 'Ben')])
    const r = useRosterStore()
    await r.load()
    b.roster.weekDetails.mockReturnValueOnce(fail('NETWORK', 'offline') as never)
    await r.loadDetails()
    expect(r.detailsError).toEqual({ code: 'NETWORK', message: 'offline' })
    expect(r.detailsLoading).toBe(false)
    b.roster.weekDetails.mockReturnValueOnce(fail('CANCELLED', 'Cancelled.') as never)
    await r.loadDetails()
    expect(r.detailsError).toBeNull()
    expect(r.details).toEqual({})
    await r.loadDetails()
    expect(Object.keys(r.details).sort()).toEqual(['i1', 'i2'])
  })

  it('cancels nothing when no details are loading', async () => {
    const b = bridge([rosterRow('i1', 'Maya')])
    const r = useRosterStore()
    await r.load()
    await r.leaveRoster()
    expect(b.roster.cancelDetails).not.toHaveBeenCalled()
    expect(r.detailsError).toBeNull()
  })

  it("falls back to this computer's date when the coach's own row is not in the list", () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 5, 23, 30) })
    try {
      bridge([])
      const r = useRosterStore()
      r.rows = [rosterRow('i1', 'Maya', { today: '2026-12-04' })]
      expect(r.coachToday).toBe('2026-12-05')
    } finally {
      vi.useRealTimers()
    }
  })
})
