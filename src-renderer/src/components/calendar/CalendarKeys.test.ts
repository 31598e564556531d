import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { CalEvent, CalendarRow, RosterRow } from '@contract'
import { useCalendarStore } from '../../stores/calendar'
import CalendarGrid from './CalendarGrid.vue'
import AthleteCalendarRow from './AthleteCalendarRow.vue'
import DayCell from './DayCell.vue'

// The grid's keys on the mounted grid: one tab stop that the arrows move, Shift+arrows selecting,
// Enter editing, and only the day cells the focus leaves and enters drawn again.

const MONDAY = '2026-12-07'
const TODAY = '2026-12-09'

const athlete = (i: number) => ({ id: `i${100001 + i}`, name: `Athlete ${i}`, today: TODAY, timezone: 'Europe/London', isSelf: false, tags: [] }) as unknown as RosterRow

function event(athleteId: string, id: number, date: string): CalEvent {
  return { id, uid: null, athleteId, category: 'WORKOUT', date, endDate: null, name: `W${id}`, description: '', type: 'Ride', movingSecs: 3600, load: 60, hidden: false, locked: false, doneActivityId: null }
}

function setup() {
  const athletes = [0, 1, 2, 3].map(athlete)
  const cal = useCalendarStore()
  cal.start = MONDAY
  cal.weeks = 1
  cal.athleteIds = athletes.map((a) => a.id)
  for (const [i, a] of athletes.entries()) {
    const events = [event(a.id, 100 + i, TODAY), event(a.id, 200 + i, '2026-12-10')]
    cal.putRow({ athleteId: a.id, oldest: MONDAY, newest: '2026-12-13', events, activities: [], error: null } as CalendarRow)
  }
  const wrapper = mount(CalendarGrid, { props: { athletes }, attachTo: document.body })
  const tabStops = () => wrapper.findAll('td.cell[tabindex="0"]').map((td) => `${td.element.closest('tr')!.dataset.athlete} ${td.attributes('data-day')}`)
  const press = async (key: string, shiftKey = false, altKey = false) => {
    ;(document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, altKey, bubbles: true, cancelable: true }))
    await nextTick()
    await nextTick()
  }
  return { cal, athletes, wrapper, tabStops, press }
}

beforeEach(() => {
  setActivePinia(createPinia())
  document.body.innerHTML = ''
})

describe('the calendar grid by keyboard', () => {
  it('has one tab stop, on the first athlete today, and the arrows move it and the focus', async () => {
    const { wrapper, tabStops, press } = setup()
    expect(tabStops()).toEqual([`i100001 ${TODAY}`])
    ;(wrapper.find('td.cell[tabindex="0"]').element as HTMLElement).focus()
    await press('ArrowDown')
    await press('ArrowRight')
    expect(tabStops()).toEqual(['i100002 2026-12-10'])
    expect((document.activeElement as HTMLElement).dataset.day).toBe('2026-12-10')
    expect(document.activeElement!.closest('tr')!.dataset.athlete).toBe('i100002')
    wrapper.unmount()
  })

  it('draws again only the day cells the focus leaves and enters, not their rows', async () => {
    const { wrapper, press } = setup()
    ;(wrapper.find('td.cell[tabindex="0"]').element as HTMLElement).focus()
    const rows = wrapper.findAllComponents(AthleteCalendarRow)
    const cells = wrapper.findAllComponents(DayCell)
    const rowsBefore = rows.map((r) => r.vm.$.subTree)
    const cellsBefore = cells.map((c) => c.vm.$.subTree)
    await press('ArrowDown')
    expect(rows.map((r, i) => r.vm.$.subTree !== rowsBefore[i])).toEqual([false, false, false, false])
    const redrawn = cells.filter((c, i) => c.vm.$.subTree !== cellsBefore[i]).map((c) => `${c.props('athleteId')} ${c.props('cell').day}`)
    expect(redrawn).toEqual([`i100001 ${TODAY}`, `i100002 ${TODAY}`])
    wrapper.unmount()
  })

  it('Shift+arrows select the rectangle from where Shift was first held; a plain arrow then starts anew', async () => {
    const { cal, wrapper, press } = setup()
    ;(wrapper.find('td.cell[tabindex="0"]').element as HTMLElement).focus()
    await press('ArrowDown', true)
    expect([...cal.selected].sort()).toEqual(['i100001:100', 'i100002:101'])
    await press('ArrowRight', true)
    expect([...cal.selected].sort()).toEqual(['i100001:100', 'i100001:200', 'i100002:101', 'i100002:201'])
    await press('ArrowLeft', true)
    expect([...cal.selected].sort()).toEqual(['i100001:100', 'i100002:101'])
    await press('ArrowDown')
    await press('ArrowRight', true)
    expect([...cal.selected].sort()).toEqual(['i100003:102', 'i100003:202'])
    wrapper.unmount()
  })

  it('Shift-click selects what Shift+arrows would: every date between across athletes, the box of weekdays in four weeks', async () => {
    const { cal, wrapper } = setup()
    const chip = (id: number) => wrapper.get(`.chip-event[data-event="${id}"]`)
    await chip(100).trigger('click')
    await chip(201).trigger('click', { shiftKey: true })
    expect([...cal.selected].sort()).toEqual(['i100001:100', 'i100001:200', 'i100002:101', 'i100002:201'])
    // Four weeks: a Wednesday, then the Wednesday a week on; the Thursday between is not in the box.
    cal.putRow({ ...cal.rows.i100001!, newest: '2027-01-03', events: [...cal.rows.i100001!.events, event('i100001', 300, '2026-12-16')] })
    cal.weeks = 4
    await nextTick()
    await chip(100).trigger('click')
    await chip(300).trigger('click', { shiftKey: true })
    expect([...cal.selected].sort()).toEqual(['i100001:100', 'i100001:300'])
    wrapper.unmount()
  })

  it("Enter edits the focused day's selected event, its first one when none is selected, or creates on an empty day", async () => {
    const { cal, wrapper, press } = setup()
    ;(wrapper.find('td.cell[tabindex="0"]').element as HTMLElement).focus()
    await press('Enter')
    expect(wrapper.emitted('edit')!.at(-1)).toEqual(['i100001', expect.objectContaining({ id: 100 }), TODAY])
    cal.putRow({ ...cal.rows.i100001!, events: [...cal.rows.i100001!.events, event('i100001', 300, TODAY)] })
    cal.click('i100001', cal.rows.i100001!.events[2]!, { shift: false, toggle: false })
    await press('Enter')
    expect(wrapper.emitted('edit')!.at(-1)).toEqual(['i100001', expect.objectContaining({ id: 300 }), TODAY])
    await press('ArrowLeft')
    await press('Enter')
    expect(wrapper.emitted('edit')!.at(-1)).toEqual(['i100001', null, '2026-12-08'])
    wrapper.unmount()
  })

  it("Alt+Down and Alt+Up move the focus between the day's events and back to the day; Enter edits the focused one", async () => {
    const { cal, wrapper, press } = setup()
    cal.putRow({ ...cal.rows.i100001!, events: [...cal.rows.i100001!.events, event('i100001', 300, TODAY)] })
    await nextTick()
    const day = wrapper.find('td.cell[tabindex="0"]').element as HTMLElement
    day.focus()
    const focusedEvent = () => (document.activeElement as HTMLElement).dataset.event
    await press('ArrowDown', false, true)
    expect(focusedEvent()).toBe('100')
    await press('ArrowDown', false, true)
    expect(focusedEvent()).toBe('300')
    await press('Enter')
    expect(wrapper.emitted('edit')!.at(-1)).toEqual(['i100001', expect.objectContaining({ id: 300 }), TODAY])
    await press('ArrowUp', false, true)
    expect(focusedEvent()).toBe('100')
    await press('ArrowUp', false, true)
    expect(document.activeElement).toBe(day)
    // The day's events only, the focus stays on the same day, and nothing is selected by it.
    await press('ArrowUp', false, true)
    expect(focusedEvent()).toBe('300')
    expect(cal.selected).toEqual([])
    // A plain arrow from an event goes on to the next day.
    await press('ArrowRight')
    expect((document.activeElement as HTMLElement).dataset.day).toBe('2026-12-10')
    wrapper.unmount()
  })

  it('goes on from the focused cell when its row was scrolled away and the focus fell back to the page', async () => {
    const { wrapper, tabStops } = setup()
    ;(wrapper.find('td.cell[tabindex="0"]').element as HTMLElement).focus()
    ;(document.activeElement as HTMLElement).blur()
    expect(document.activeElement).toBe(document.body)
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }))
    await nextTick()
    await nextTick()
    expect(tabStops()).toEqual([`i100002 ${TODAY}`])
    expect(document.activeElement!.closest('tr')!.dataset.athlete).toBe('i100002')
    wrapper.unmount()
  })
})
