import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { CalEvent, CalendarRow, RosterRow } from '@contract'
import { useCalendarStore } from '../../stores/calendar'
import CalendarGrid from './CalendarGrid.vue'
import AthleteCalendarRow from './AthleteCalendarRow.vue'
import EventChip from './EventChip.vue'
import { FIRST_TASK_ROWS } from './firstDraw'

// The grid draws only what changed: each check compares a row's rendered tree (a new one is made
// on every render of that row) before and after a change elsewhere.

const MONDAY = '2026-12-07'

function athlete(i: number): RosterRow {
  return { id: `i${100001 + i}`, name: `Athlete ${i}`, today: '2026-12-09', timezone: 'Europe/London', isSelf: false, tags: [] } as unknown as RosterRow
}

function event(athleteId: string, id: number, date: string): CalEvent {
  return { id, uid: null, athleteId, category: 'WORKOUT', date, endDate: null, name: `W${id}`, description: '', type: 'Ride', movingSecs: 3600, load: 60, hidden: false, locked: false, doneActivityId: null }
}

function row(athleteId: string, events: CalEvent[]): CalendarRow {
  return { athleteId, oldest: MONDAY, newest: '2026-12-13', events, activities: [], error: null }
}

function setup(count: number) {
  const athletes = Array.from({ length: count }, (_, i) => athlete(i))
  const cal = useCalendarStore()
  cal.start = MONDAY
  cal.weeks = 1
  cal.athleteIds = athletes.map((a) => a.id)
  for (const [i, a] of athletes.entries()) cal.putRow(row(a.id, [event(a.id, 1000 + i, '2026-12-08')]))
  const wrapper = mount(CalendarGrid, { props: { athletes }, attachTo: document.body })
  return { cal, athletes, wrapper }
}

const rendered = (w: VueWrapper) => w.findAllComponents(AthleteCalendarRow)
const tree = (r: VueWrapper) => r.vm.$.subTree

describe('CalendarGrid', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('draws again only the row whose answer arrived', async () => {
    const { cal, athletes, wrapper } = setup(3)
    const [a, b, c] = rendered(wrapper)
    const before = [tree(a!), tree(b!), tree(c!)]
    cal.putRow(row(athletes[1]!.id, [event(athletes[1]!.id, 1001, '2026-12-08'), event(athletes[1]!.id, 2001, '2026-12-10')]))
    await nextTick()
    expect(tree(a!)).toBe(before[0])
    expect(tree(c!)).toBe(before[2])
    expect(tree(b!)).not.toBe(before[1])
    expect(b!.findAll('.chip-event')).toHaveLength(2)
  })

  it('does not draw a row again when the same data comes a second time', async () => {
    const { cal, athletes, wrapper } = setup(2)
    const before = rendered(wrapper).map(tree)
    // The range's answer repeats what arrived row by row, as new objects.
    cal.putRows(athletes.map((a, i) => row(a.id, [event(a.id, 1000 + i, '2026-12-08')])))
    await nextTick()
    expect(rendered(wrapper).map(tree)).toEqual(before)
  })

  it('selecting an event draws only its row, and marks only that chip', async () => {
    const { cal, wrapper } = setup(3)
    const rows = rendered(wrapper)
    const before = rows.map(tree)
    await rows[2]!.get('.chip-event').trigger('click', { ctrlKey: true })
    expect(cal.selectionCount).toBe(1)
    expect(cal.selected).toEqual(['i100003:1002'])
    expect(tree(rows[0]!)).toBe(before[0])
    expect(tree(rows[1]!)).toBe(before[1])
    expect(wrapper.findAll('.chip-event.selected')).toHaveLength(1)
    // A week header selects across every row; Escape's clear puts each row back.
    cal.selectWhere(() => true)
    await nextTick()
    expect(wrapper.findAll('.chip-event.selected')).toHaveLength(3)
    cal.clearSelection()
    await nextTick()
    expect(wrapper.findAll('.chip-event.selected')).toHaveLength(0)
    expect(cal.selectionCount).toBe(0)
  })

  it('selecting a week or a whole row draws no row again: only the chips whose state changed', async () => {
    const { cal, athletes, wrapper } = setup(3)
    // A second event in the first row, on a day the selection leaves out.
    cal.putRow(row(athletes[0]!.id, [event(athletes[0]!.id, 1000, '2026-12-08'), event(athletes[0]!.id, 3000, '2026-12-12')]))
    await nextTick()
    const rows = rendered(wrapper)
    const before = rows.map(tree)
    const chips = () => wrapper.findAllComponents(EventChip)
    const chipTrees = () => new Map(chips().map((c) => [c.props('event').id, tree(c)]))
    const chipsBefore = chipTrees()
    cal.selectWhere((e) => e.date === '2026-12-08')
    await nextTick()
    expect(rows.map(tree)).toEqual(before)
    expect(wrapper.findAll('.chip-event.selected').map((c) => c.attributes('data-event'))).toEqual(['1000', '1001', '1002'])
    const chipsAfter = chipTrees()
    expect(chipsAfter.get(3000)).toBe(chipsBefore.get(3000))
    expect(chipsAfter.get(1001)).not.toBe(chipsBefore.get(1001))
    // Selecting the same week again changes nothing: nothing is drawn.
    cal.selectWhere((e) => e.date === '2026-12-08')
    await nextTick()
    expect(chipTrees()).toEqual(chipsAfter)
    // A whole row marks its header and its chips; the other rows stay as they were.
    await rows[0]!.get('th.athlete-col').trigger('click')
    expect(cal.rowRanges).toEqual([athletes[0]!.id])
    expect(wrapper.findAll('.chip-event.selected').map((c) => c.attributes('data-event'))).toEqual(['1000', '3000'])
    expect(tree(rows[1]!)).toBe(before[1])
    expect(tree(rows[2]!)).toBe(before[2])
    expect(rows[0]!.get('th.athlete-col').classes()).toContain('row-selected')
    cal.clearSelection()
    await nextTick()
    expect(wrapper.findAll('.chip-event.selected')).toHaveLength(0)
    expect(rows[0]!.get('th.athlete-col').classes()).not.toContain('row-selected')
  })

  it('draws a few rows in the task that opens it, and the rest of the window in the tasks after', async () => {
    const { wrapper } = setup(200)
    expect(rendered(wrapper)).toHaveLength(FIRST_TASK_ROWS)
    // The space of the rows not drawn yet is kept below, so the scrollbar has its size at once.
    const pads = wrapper.findAll('tr.cal-pad td').map((td) => Number(/height: (\d+)/.exec(td.attributes('style') ?? '')?.[1]))
    expect(pads.at(-1)).toBeGreaterThan(190 * 40)
    await vi.waitFor(() => expect(rendered(wrapper).length).toBeGreaterThan(FIRST_TASK_ROWS * 2), { timeout: 15_000 })
    expect(rendered(wrapper).map((r) => r.props('athlete').id)).toEqual(rendered(wrapper).map((_, i) => `i${100001 + i}`))
  })

  it('renders a window of 200 athletes and moves it as the coach scrolls', async () => {
    const { athletes, wrapper } = setup(200)
    await vi.waitFor(() => expect(rendered(wrapper).length).toBeGreaterThan(5), { timeout: 15_000 })
    const first = rendered(wrapper)
    expect(first.length).toBeLessThan(60)
    expect(first[0]!.props('athlete')).toBe(athletes[0])
    const scroller = wrapper.get('.cal-scroll').element as HTMLElement
    scroller.scrollTop = 199 * 56
    await wrapper.get('.cal-scroll').trigger('scroll')
    const last = rendered(wrapper)
    expect(last.at(-1)!.props('athlete')).toBe(athletes[199])
    expect(last.length).toBeLessThan(60)
    // Space stands in for the rows not drawn, so the scrollbar keeps its size.
    expect(wrapper.find('tr.cal-pad td').attributes('style')).toMatch(/height: \d+/)
  })
})
