import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CalendarRow } from '@contract'
import { useCalendarStore } from './calendar'

// The calendar store against a stand-in bridge whose answers the test releases in any order, as a slow
// intervals.icu can give them.

type Answer = { ok: true; value: CalendarRow[] } | { ok: false; error: { code: string; message: string } }
interface Pending {
  oldest: string
  answer(a: Answer): void
}

let pending: Pending[] = []

function row(athleteId: string, oldest: string, name: string): CalendarRow {
  return {
    athleteId,
    oldest,
    newest: oldest,
    events: [{ name } as CalendarRow['events'][number]],
    activities: [],
    error: null,
  }
}

beforeEach(() => {
  pending = []
  setActivePinia(createPinia())
  window.coachDesk = {
    events: { 'calendar:row': () => () => {}, 'bulk:progress': () => () => {} },
    calendar: {
      range: (args: { oldest: string }) => new Promise<Answer>((answer) => pending.push({ oldest: args.oldest, answer })),
    },
  } as never
})

describe('the calendar shown', () => {
  it('keeps the week the coach moved to when the answer for the earlier week comes last', async () => {
    const cal = useCalendarStore()
    const first = cal.show(['i1'], '2026-11-23')
    const second = cal.show(['i1'], '2026-11-30')
    expect(pending.map((p) => p.oldest)).toEqual(['2026-11-23', '2026-11-30'])
    pending[1]!.answer({ ok: true, value: [row('i1', '2026-11-30', 'This week')] })
    await second
    expect(cal.loading).toBe(false)
    pending[0]!.answer({ ok: true, value: [row('i1', '2026-11-23', 'Last week')] })
    await first
    expect(cal.start).toBe('2026-11-30')
    expect(cal.rows.i1!.events.map((e) => e.name)).toEqual(['This week'])
    expect(cal.loading).toBe(false)
  })

  it('shows no error from an earlier week once a later one has loaded, and stays loading for the later one', async () => {
    const cal = useCalendarStore()
    const first = cal.show(['i1'], '2026-11-23')
    const second = cal.show(['i1'], '2026-11-30')
    pending[0]!.answer({ ok: false, error: { code: 'TIMEOUT', message: 'slow' } })
    await first
    expect(cal.error).toBeNull()
    expect(cal.loading).toBe(true)
    pending[1]!.answer({ ok: true, value: [row('i1', '2026-11-30', 'This week')] })
    await second
    expect(cal.loading).toBe(false)
    expect(cal.rows.i1!.events.map((e) => e.name)).toEqual(['This week'])
  })

  it('takes the answer of the only request, and its error', async () => {
    const cal = useCalendarStore()
    const shown = cal.show(['i1'], '2026-11-25')
    // A date inside the week opens that week.
    expect(pending[0]!.oldest).toBe('2026-11-23')
    pending[0]!.answer({ ok: false, error: { code: 'NETWORK', message: 'offline' } })
    await shown
    expect(cal.error).toEqual(expect.objectContaining({ code: 'NETWORK' }))
    expect(cal.loading).toBe(false)
  })
})
