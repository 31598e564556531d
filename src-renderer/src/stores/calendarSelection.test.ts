import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CalEvent, CalendarRow } from '@contract'
import { useCalendarStore } from './calendar'

// Selecting on the calendar through its store: clicks, rows, days, filters, and what a bulk change is
// asked for. The bridge is a stand-in answering the rows below for any range.

const ev = (id: number, date: string, over: Partial<CalEvent> = {}): CalEvent =>
  ({ id, uid: null, athleteId: '', category: 'WORKOUT', date, endDate: null, name: `E${id}`, description: '', type: 'Ride', movingSecs: 3600, load: 50, hidden: false, locked: false, doneActivityId: null, ...over })
const rowOf = (athleteId: string, events: CalEvent[], oldest = '2026-11-30', newest = '2026-12-13'): CalendarRow => ({ athleteId, oldest, newest, events, activities: [], error: null })

const data: Record<string, CalEvent[]> = {
  ann: [ev(1, '2026-12-01'), ev(2, '2026-12-03', { category: 'NOTE' }), ev(3, '2026-12-05')],
  bob: [ev(4, '2026-12-01'), ev(5, '2026-12-04')],
  cid: [ev(6, '2026-12-02'), ev(7, '2026-12-03')],
}

let onRow: ((r: CalendarRow) => void) | null = null
let onProgress: ((p: { planId: string; done: number; total: number }) => void) | null = null

function bridge() {
  const calendar = {
    range: vi.fn((a: { athleteIds: string[]; oldest: string; newest: string }) => Promise.resolve({ ok: true, value: a.athleteIds.map((id) => rowOf(id, data[id] ?? [], a.oldest, a.newest)) })),
  }
  window.coachDesk = {
    calendar,
    events: { 'calendar:row': vi.fn((fn) => ((onRow = fn), () => {})), 'bulk:progress': vi.fn((fn) => ((onProgress = fn), () => {})) },
  } as never
  return calendar
}

async function shown() {
  bridge()
  const cal = useCalendarStore()
  await cal.show(['ann', 'bob', 'cid'], '2026-12-02')
  return cal
}
const mods = (shift = false, toggle = false) => ({ shift, toggle })

beforeEach(() => {
  // A density chosen in one test is kept on this computer: each test starts from none kept.
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('the calendar’s range and rows', () => {
  it('has no end before it is shown, then two weeks from the Monday', async () => {
    bridge()
    const cal = useCalendarStore()
    expect(cal.end).toBe('')
    await cal.show(['ann'], '2026-12-02')
    expect([cal.start, cal.end]).toEqual(['2026-11-30', '2026-12-13'])
  })

  it('takes a row announced for the view shown, and no row of another range or athlete', async () => {
    const cal = await shown()
    onRow!(rowOf('ann', [ev(9, '2026-12-02')]))
    await cal.rowsApplied()
    expect(cal.rows.ann!.events.map((e) => e.id)).toEqual([9])
    onRow!(rowOf('ann', [ev(10, '2026-12-09')], '2026-12-07', '2026-12-20'))
    onRow!(rowOf('ann', [ev(11, '2026-12-09')], '2026-11-30', '2026-12-20'))
    onRow!(rowOf('dan', [ev(12, '2026-12-09')]))
    await cal.rowsApplied()
    expect(cal.rows.ann!.events.map((e) => e.id)).toEqual([9])
    expect(cal.rows.dan).toBeUndefined()
  })

  it('subscribes once however often it is shown', async () => {
    const cal = await shown()
    await cal.show(['ann'], '2026-12-09')
    const events = window.coachDesk!.events as unknown as Record<string, { mock: { calls: unknown[] } }>
    expect(events['calendar:row']!.mock.calls).toHaveLength(1)
    expect(events['bulk:progress']!.mock.calls).toHaveLength(1)
  })

  it('keeps a row object whose data did not change, replaces one that did, and drops rows no longer answered', async () => {
    const cal = await shown()
    const ann = cal.rows.ann
    cal.putRows([rowOf('ann', data.ann!), rowOf('bob', [ev(4, '2026-12-02')])])
    expect(cal.rows.ann).toBe(ann)
    expect(cal.rows.bob!.events[0]!.date).toBe('2026-12-02')
    expect(Object.keys(cal.rows).sort()).toEqual(['ann', 'bob'])
  })

  it('shows nothing and asks nothing for no athletes, and nothing before a start is known', async () => {
    const b = bridge()
    const cal = useCalendarStore()
    await cal.show(['ann'], '')
    expect(cal.athleteIds).toEqual(['ann'])
    expect(cal.start).toBe('')
    await cal.show([], '2026-12-02')
    expect(cal.start).toBe('2026-11-30')
    expect(b.range).not.toHaveBeenCalled()
    expect(cal.loading).toBe(false)
  })

  it('moves by weeks, refreshes the same range, and jumps to the week of a date', async () => {
    const cal = await shown()
    const b = window.coachDesk!.calendar as unknown as { range: ReturnType<typeof vi.fn> }
    await cal.move(-1)
    expect(b.range).toHaveBeenLastCalledWith({ athleteIds: ['ann', 'bob', 'cid'], oldest: '2026-11-23', newest: '2026-12-06', refresh: false })
    await cal.refresh()
    expect(b.range).toHaveBeenLastCalledWith({ athleteIds: ['ann', 'bob', 'cid'], oldest: '2026-11-23', newest: '2026-12-06', refresh: true })
    await cal.setWeeks(1)
    expect(b.range).toHaveBeenLastCalledWith(expect.objectContaining({ oldest: '2026-11-23', newest: '2026-11-29' }))
    cal.jumpTo('2027-01-14')
    cal.jumpTo('2027-01-15')
    expect(cal.start).toBe('2027-01-11')
    expect(cal.jumpSeq).toBe(2)
  })

  it('follows the progress of the plan being applied only', async () => {
    const cal = await shown()
    cal.plan = { planId: 'p1', changes: [], skipped: [] } as never
    onProgress!({ planId: 'p0', done: 5, total: 9 })
    expect(cal.progress).toEqual({ done: 0, total: 0 })
    onProgress!({ planId: 'p1', done: 2, total: 9 })
    expect(cal.progress).toEqual({ done: 2, total: 9 })
  })
})

describe('selecting on the calendar', () => {
  it('a click selects one event in place of the selection; Ctrl/⌘ adds it or takes it out', async () => {
    const cal = await shown()
    cal.selectRow('cid', false)
    cal.click('ann', ev(1, '2026-12-01'), mods())
    expect(cal.selected).toEqual(['ann:1'])
    expect(cal.rowRanges).toEqual([])
    expect(cal.anchor).toEqual({ athleteId: 'ann', date: '2026-12-01' })
    cal.click('bob', ev(5, '2026-12-04'), mods(false, true))
    cal.click('ann', ev(3, '2026-12-05'), mods(false, true))
    expect(cal.selected.sort()).toEqual(['ann:1', 'ann:3', 'bob:5'])
    cal.click('ann', ev(1, '2026-12-01'), mods(false, true))
    expect(cal.selected.sort()).toEqual(['ann:3', 'bob:5'])
    expect(cal.anchor).toEqual({ athleteId: 'ann', date: '2026-12-01' })
    expect(cal.isSelected('ann', 3)).toBe(true)
    expect(cal.isSelected('ann', 1)).toBe(false)
    expect(cal.selectedEvents.map((e) => e.id).sort()).toEqual([3, 5])
    expect(cal.selectionCount).toBe(2)
  })

  it('Shift+click adds the rectangle from the anchor across athletes and days', async () => {
    const cal = await shown()
    cal.click('cid', ev(7, '2026-12-03'), mods(true))
    expect(cal.selected).toEqual(['cid:7'])
    cal.click('ann', ev(1, '2026-12-01'), mods())
    cal.click('bob', ev(5, '2026-12-04'), mods(true))
    expect(cal.selected.sort()).toEqual(['ann:1', 'ann:2', 'bob:4', 'bob:5'])
    // The anchor stays where the rectangle started.
    expect(cal.anchor).toEqual({ athleteId: 'ann', date: '2026-12-01' })
  })

  it('a row header selects the whole row, Ctrl/⌘ adds rows, a second click takes a row out', async () => {
    const cal = await shown()
    cal.click('ann', ev(1, '2026-12-01'), mods())
    cal.selectRow('bob', false)
    expect(cal.selected).toEqual([])
    expect(cal.rowRanges).toEqual(['bob'])
    cal.selectRow('cid', true)
    expect(cal.rowRanges).toEqual(['bob', 'cid'])
    expect(cal.isSelected('cid', 6)).toBe(true)
    expect(cal.isSelected('ann', 1)).toBe(false)
    expect(cal.selectionCount).toBe(2)
    cal.selectRow('bob', true)
    expect(cal.rowRanges).toEqual(['cid'])
    expect(cal.isSelected('bob', 4)).toBe(false)
    cal.click('ann', ev(1, '2026-12-01'), mods(false, true))
    cal.selectRow('ann', true)
    expect(cal.selected).toEqual(['ann:1'])
    expect(cal.rowRanges).toEqual(['cid', 'ann'])
    cal.selectRow('ann', false)
    expect(cal.rowRanges).toEqual(['cid'])
    expect(cal.selected).toEqual([])
    cal.selectRow('bob', false)
    expect(cal.rowRanges).toEqual(['bob'])
  })

  it('a day heading selects every event of that day, Ctrl/⌘ adds it', async () => {
    const cal = await shown()
    cal.selectRow('cid', false)
    cal.selectDay('2026-12-01', false)
    expect(cal.selected.sort()).toEqual(['ann:1', 'bob:4'])
    expect(cal.rowRanges).toEqual([])
    cal.selectRow('cid', true)
    cal.selectDay('2026-12-03', true)
    expect(cal.selected.sort()).toEqual(['ann:1', 'ann:2', 'bob:4', 'cid:7'])
    expect(cal.rowRanges).toEqual(['cid'])
  })

  it('selects by a filter among the athletes shown, or adds to the selection', async () => {
    const cal = await shown()
    cal.putRow(rowOf('dan', [ev(8, '2026-12-01')]))
    cal.selectRow('bob', false)
    cal.selectWhere((e) => e.date === '2026-12-01')
    expect(cal.selected.sort()).toEqual(['ann:1', 'bob:4'])
    expect(cal.rowRanges).toEqual([])
    expect(Object.keys(cal.picked).sort()).toEqual(['ann', 'bob'])
    cal.selectRow('cid', true)
    cal.selectWhere((e) => e.category === 'NOTE', true)
    expect(cal.selected.sort()).toEqual(['ann:1', 'ann:2', 'bob:4'])
    expect(cal.rowRanges).toEqual(['cid'])
  })

  it('Shift+arrows select the box from the anchor, in place of rows and events', async () => {
    const cal = await shown()
    cal.selectRow('ann', false)
    cal.selectRectangle({ athleteId: 'bob', date: '2026-12-01' }, { athleteId: 'cid', date: '2026-12-03' })
    expect(cal.selected.sort()).toEqual(['bob:4', 'cid:6', 'cid:7'])
    expect(cal.rowRanges).toEqual([])
    expect(cal.anchor).toEqual({ athleteId: 'bob', date: '2026-12-01' })
  })

  it('clears events, rows and the anchor, and only the rows whose selection changed get a new set', async () => {
    const cal = await shown()
    cal.click('ann', ev(1, '2026-12-01'), mods())
    cal.click('bob', ev(4, '2026-12-01'), mods(false, true))
    const annSet = cal.picked.ann
    cal.click('bob', ev(5, '2026-12-04'), mods(false, true))
    expect(cal.picked.ann).toBe(annSet)
    cal.selectRow('cid', true)
    cal.clearSelection()
    expect(cal.picked).toEqual({})
    expect(cal.rowRanges).toEqual([])
    expect(cal.anchor).toBeNull()
    expect(cal.selectedKeys.size).toBe(0)
    expect(cal.selectedRows.size).toBe(0)
  })

  it('the same rows picked again leave the row selection untouched', async () => {
    const cal = await shown()
    cal.pickRows(['ann', 'bob'])
    const before = cal.rowRanges
    cal.pickRows(['ann', 'bob'])
    expect(cal.rowRanges).toBe(before)
    cal.pickRows(['bob', 'ann'])
    expect(cal.rowRanges).toEqual(['bob', 'ann'])
    cal.pickRows(['bob'])
    expect([...cal.selectedRows]).toEqual(['bob'])
  })

  it('names the events and the whole rows for a bulk change, rows over the range shown', async () => {
    const cal = await shown()
    cal.click('ann', ev(3, '2026-12-05'), mods())
    cal.selectRow('cid', true)
    expect(cal.selection()).toEqual({ events: [{ athleteId: 'ann', eventId: 3 }], ranges: [{ athleteId: 'cid', oldest: '2026-11-30', newest: '2026-12-13' }] })
  })

  it('lends itself to one athlete’s month and gets the grid back without a selection', async () => {
    const cal = await shown()
    cal.click('ann', ev(1, '2026-12-01'), mods())
    const giveBack = cal.borrow()
    expect(cal.selected).toEqual([])
    await cal.showWeeks(['bob'], '2026-12-01', 5)
    cal.click('bob', ev(4, '2026-12-01'), mods())
    giveBack()
    expect(cal.selected).toEqual([])
    expect(cal.anchor).toBeNull()
    expect([cal.athleteIds, cal.start, cal.weeks]).toEqual([['ann', 'bob', 'cid'], '2026-11-30', 2])
  })
})

describe('selection bookkeeping', () => {
  it('a row whose last event is taken out leaves the selection, and an event no longer shown is not counted as one', async () => {
    const cal = await shown()
    cal.click('ann', ev(1, '2026-12-01'), mods())
    cal.click('bob', ev(4, '2026-12-01'), mods(false, true))
    cal.click('ann', ev(1, '2026-12-01'), mods(false, true))
    expect(Object.keys(cal.picked)).toEqual(['bob'])
    expect([...cal.selectedKeys]).toEqual(['bob:4'])
    cal.pickKeys(['bob:4', 'bob:99'], false)
    expect(cal.selectionCount).toBe(2)
    expect(cal.selectedEvents.map((e) => e.id)).toEqual([4])
    cal.pickKeys(['dan:1'], false)
    expect(cal.selectedEvents).toEqual([])
  })
})

describe('the calendar store’s edges', () => {
  it('starts with nothing shown, selected, waiting or undoable', () => {
    bridge()
    const cal = useCalendarStore()
    expect([cal.athleteIds, cal.rowRanges, cal.interrupted, cal.undoAvailable, cal.wellnessLoading, cal.checkIn]).toEqual([[], [], [], false, false, { date: null, offsetDays: 0 }])
  })

  it('takes no announced row of a range that only ends like the one shown', async () => {
    const cal = await shown()
    onRow!(rowOf('ann', [ev(9, '2026-12-02')], '2026-12-01', '2026-12-13'))
    await cal.rowsApplied()
    expect(cal.rows.ann!.events.map((e) => e.id)).toEqual([1, 2, 3])
  })

  it('ignores progress while no plan is open', async () => {
    await shown()
    const cal = useCalendarStore()
    expect(() => onProgress!({ planId: 'p1', done: 1, total: 2 })).not.toThrow()
    expect(cal.progress).toEqual({ done: 0, total: 0 })
  })

  it('the same events picked again keep each row’s set, so no row is drawn again', async () => {
    const cal = await shown()
    cal.pickKeys(['ann:1', 'bob:4'], false)
    const ann = cal.picked.ann
    cal.pickKeys(['ann:1', 'bob:4'], false)
    expect(cal.picked.ann).toBe(ann)
  })

  it('other rows of the same count replace the rows selected', async () => {
    const cal = await shown()
    cal.pickRows(['ann', 'bob'])
    cal.pickRows(['ann', 'cid'])
    expect(cal.rowRanges).toEqual(['ann', 'cid'])
    expect([...cal.selectedRows].sort()).toEqual(['ann', 'cid'])
  })

  it('Shift+click keeps what was selected outside the rectangle', async () => {
    const cal = await shown()
    cal.click('cid', ev(6, '2026-12-02'), mods())
    cal.click('ann', ev(3, '2026-12-05'), mods(false, true))
    cal.click('ann', ev(1, '2026-12-01'), mods(true))
    expect(cal.selected.sort()).toEqual(['ann:1', 'ann:2', 'ann:3', 'cid:6'])
  })

  it('Shift+click takes the box of weekdays when told weeks are drawn as rows, every date between otherwise', async () => {
    const cal = await shown()
    cal.putRow(rowOf('ann', [...data.ann!, ev(8, '2026-12-08')]))
    cal.click('ann', ev(1, '2026-12-01'), mods())
    cal.click('ann', ev(8, '2026-12-08'), { ...mods(true), shape: 'weeks' })
    // Tuesday to Tuesday: not the Thursday and Saturday between.
    expect(cal.selected.sort()).toEqual(['ann:1', 'ann:8'])
    cal.click('ann', ev(1, '2026-12-01'), mods())
    cal.click('ann', ev(8, '2026-12-08'), mods(true))
    expect(cal.selected.sort()).toEqual(['ann:1', 'ann:2', 'ann:3', 'ann:8'])
  })

  it('Shift+arrows take every day between the corners unless told the box is of weekdays', async () => {
    const cal = await shown()
    cal.selectRectangle({ athleteId: 'ann', date: '2026-12-04' }, { athleteId: 'ann', date: '2026-12-07' })
    expect(cal.selected).toEqual(['ann:3'])
    cal.selectRectangle({ athleteId: 'ann', date: '2026-12-04' }, { athleteId: 'ann', date: '2026-12-07' }, 'weeks')
    expect(cal.selected).toEqual([])
  })
})
