import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { MAX_DETAIL_ATHLETES, MAX_RANGE_ATHLETES, type CalendarRow, type RosterRow } from '@contract'
import { useCalendarStore } from './calendar'
import { useRosterStore } from './roster'
import { fail, ok } from '../testing/bridge'

// A club of a thousand: the stores cut long athlete lists into calls the contract takes, and an
// error of the week details reaches the coach. The bridge is a stand-in that checks each call's size.

const ATHLETES = 1000
const ids = Array.from({ length: ATHLETES }, (_, i) => `i${200000 + i}`)

function rosterRow(id: string, isSelf = false): RosterRow {
  return {
    id, name: id, avatarUrl: null, sports: [], timezone: 'UTC', today: '2026-12-03', fitness: null, fatigue: null,
    form: null, rampRate: null, weekLoadDone: 0, weekTimeDone: 0, lastActiveWeek: null, tags: [], notes: '',
    permission: 'WRITE', isSelf,
  }
}


function bridge(over: { weekDetails?: (a: { athleteIds: string[] }) => unknown } = {}) {
  const b = {
    events: { 'roster:detail': () => () => {}, 'calendar:row': () => () => {}, 'bulk:progress': () => () => {} },
    roster: {
      weekDetails: vi.fn(
        over.weekDetails ??
          ((a: { athleteIds: string[] }) => {
            if (a.athleteIds.length > MAX_DETAIL_ATHLETES) return fail('INVALID_INPUT', 'too many')
            return ok(a.athleteIds.map((athleteId) => ({ athleteId, plannedLoad: 1, plannedSecs: 0, plannedCount: 1, lastActivity: null, error: null })))
          }),
      ),
      cancelDetails: vi.fn(() => ok({ cancelled: 1 })),
    },
    calendar: {
      range: vi.fn((a: { athleteIds: string[]; oldest: string; newest: string }) => {
        if (a.athleteIds.length > MAX_RANGE_ATHLETES) return fail('INVALID_INPUT', 'too many')
        return ok(a.athleteIds.map((athleteId): CalendarRow => ({ athleteId, oldest: a.oldest, newest: a.newest, events: [], activities: [], error: null })))
      }),
      dayWellness: vi.fn((a: { athleteIds: string[]; date: string }) => {
        if (a.athleteIds.length > MAX_RANGE_ATHLETES) return fail('INVALID_INPUT', 'too many')
        return ok(a.athleteIds.map((athleteId) => ({ athleteId, date: a.date, sleepSecs: null, sleepScore: null, hrv: null, restingHr: null, fatigue: null, soreness: null, mood: null, comments: null, error: null })))
      }),
    },
  }
  window.coachDesk = b as never
  return b
}

beforeEach(() => setActivePinia(createPinia()))

describe('the roster store at a thousand athletes', () => {
  it('asks for week details in chunks the contract takes, for the rows shown (not the coach’s own)', async () => {
    const b = bridge()
    const roster = useRosterStore()
    roster.rows = [rosterRow('i100', true), ...ids.map((id) => rosterRow(id))]
    await roster.loadDetails()
    const calls = b.roster.weekDetails.mock.calls.map(([a]) => a.athleteIds)
    expect(calls.map((c) => c.length)).toEqual([500, 500])
    expect(calls.flat()).toEqual(ids)
    expect(roster.detailsError).toBeNull()
    // Shown on demand: then the coach's own row is asked, and only it.
    roster.includeSelf = true
    await roster.loadDetails()
    expect(b.roster.weekDetails.mock.calls.at(-1)![0].athleteIds).toEqual(['i100'])
  })

  it('asks for the coach’s own row once the details on their way are in, when it is shown meanwhile', async () => {
    const answers: ((v: unknown) => void)[] = []
    const b = bridge({ weekDetails: () => new Promise((r) => answers.push(r)) })
    const roster = useRosterStore()
    roster.rows = [rosterRow('i100', true), ...ids.slice(0, 3).map((id) => rosterRow(id))]
    const loading = roster.loadDetails()
    roster.includeSelf = true
    void roster.loadDetails()
    expect(b.roster.weekDetails).toHaveBeenCalledOnce()
    answers[0]!({ ok: true, value: ids.slice(0, 3).map((athleteId) => ({ athleteId, plannedLoad: 1, plannedSecs: 0, plannedCount: 1, lastActivity: null, error: null })) })
    await vi.waitFor(() => expect(b.roster.weekDetails).toHaveBeenCalledTimes(2))
    expect(b.roster.weekDetails.mock.calls[1]![0].athleteIds).toEqual(['i100'])
    answers[1]!({ ok: true, value: [{ athleteId: 'i100', plannedLoad: 1, plannedSecs: 0, plannedCount: 1, lastActivity: null, error: null }] })
    await loading
    expect(Object.keys(roster.details).sort()).toEqual(['i100', ...ids.slice(0, 3)].sort())
  })

  it('shows why the week details failed, and is quiet about a cancel when the coach left', async () => {
    bridge({ weekDetails: () => fail('NETWORK', 'intervals.icu could not be reached.') })
    const roster = useRosterStore()
    roster.rows = ids.slice(0, 3).map((id) => rosterRow(id))
    await roster.loadDetails()
    expect(roster.detailsError).toEqual({ code: 'NETWORK', message: 'intervals.icu could not be reached.' })
    expect(roster.detailsLoading).toBe(false)

    setActivePinia(createPinia())
    bridge({ weekDetails: () => fail('CANCELLED', 'The request was cancelled.') })
    const again = useRosterStore()
    again.rows = ids.slice(0, 3).map((id) => rosterRow(id))
    await again.loadDetails()
    expect(again.detailsError).toBeNull()
  })

  it('cancels the details still loading when the coach leaves the roster, and only then', async () => {
    let answer: (v: unknown) => void = () => {}
    const b = bridge({ weekDetails: () => new Promise((r) => (answer = r)) })
    const roster = useRosterStore()
    await roster.leaveRoster()
    expect(b.roster.cancelDetails).not.toHaveBeenCalled()
    roster.rows = ids.slice(0, 3).map((id) => rosterRow(id))
    const loading = roster.loadDetails()
    expect(roster.detailsLoading).toBe(true)
    await roster.leaveRoster()
    expect(b.roster.cancelDetails).toHaveBeenCalledOnce()
    answer({ ok: false, error: { code: 'CANCELLED', message: 'The request was cancelled.' } })
    await loading
    expect(roster.detailsLoading).toBe(false)
  })
})

describe('the calendar store at a thousand athletes', () => {
  it('asks for the range in chunks the contract takes and shows every row', async () => {
    const b = bridge()
    const calendar = useCalendarStore()
    await calendar.show(ids, '2026-12-07')
    const calls = b.calendar.range.mock.calls.map(([a]) => a)
    expect(calls.map((a) => a.athleteIds.length)).toEqual([200, 200, 200, 200, 200])
    expect(calls.flatMap((a) => a.athleteIds)).toEqual(ids)
    expect(calls.every((a) => a.oldest === '2026-12-07' && a.newest === calendar.end)).toBe(true)
    expect(calendar.error).toBeNull()
    expect(Object.keys(calendar.rows)).toHaveLength(ATHLETES)
  })

  it('asks for a day’s wellness in chunks too', async () => {
    const b = bridge()
    const calendar = useCalendarStore()
    await calendar.show(ids, '2026-12-07')
    await calendar.loadDay({ date: '2026-12-08', offsetDays: 0 })
    expect(b.calendar.dayWellness.mock.calls.map(([a]) => a.athleteIds.length)).toEqual([200, 200, 200, 200, 200])
    expect(Object.keys(calendar.wellness)).toHaveLength(ATHLETES)
    expect(calendar.error).toBeNull()
  })
})
