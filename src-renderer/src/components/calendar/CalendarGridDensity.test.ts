import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { CalActivity, CalEvent, CalendarRow, RosterRow } from '@contract'
import { useCalendarStore } from '../../stores/calendar'
import CalendarGrid from './CalendarGrid.vue'

// What the grid draws at the month and overview densities, for two athletes.

const MONDAY = '2026-12-07'

function athlete(i: number): RosterRow {
  return { id: `i${100001 + i}`, name: `Athlete ${i}`, today: '2026-12-16', timezone: 'Europe/London', isSelf: false, tags: [] } as unknown as RosterRow
}
function workout(athleteId: string, id: number, date: string, load: number): CalEvent {
  return { id, uid: null, athleteId, category: 'WORKOUT', date, endDate: null, name: `W${id}`, description: '', type: 'Run', movingSecs: 3600, load, hidden: false, locked: false, doneActivityId: null }
}
function activity(athleteId: string, id: string, date: string, load: number): CalActivity {
  return { id, athleteId, date, type: 'Run', name: 'Done', movingSecs: 3000, load, pairedEventId: null }
}

function setup(weeks: 4 | 12) {
  const athletes = [athlete(0), athlete(1)]
  const cal = useCalendarStore()
  cal.start = MONDAY
  cal.weeks = weeks
  cal.athleteIds = athletes.map((a) => a.id)
  const a = athletes[0]!.id
  const row: CalendarRow = {
    athleteId: a,
    oldest: MONDAY,
    newest: cal.end,
    // Runs done a day late, a ride missed (nothing done for it before the athlete's today), one ahead.
    events: [workout(a, 1, '2026-12-08', 60), workout(a, 2, '2026-12-15', 80), workout(a, 3, '2026-12-31', 40.4), { ...workout(a, 4, '2026-12-11', 30), type: 'Ride' }],
    activities: [activity(a, 'i1', '2026-12-09', 55), activity(a, 'i2', '2026-12-16', 100)],
    error: null,
  }
  cal.putRow(row)
  return mount(CalendarGrid, { props: { athletes }, attachTo: document.body })
}

describe('CalendarGrid densities', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('lays four weeks out as a month: a line per week, Monday to Sunday, the totals at its end', () => {
    const w = setup(4)
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Athlete', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Week'])
    expect(w.findAll('colgroup col')).toHaveLength(9)
    const block = w.get('tbody[data-athlete="i100001"]')
    const lines = block.findAll('tr.month-week')
    expect(lines).toHaveLength(4)
    expect(lines.map((l) => l.findAll('td.cell')[0]!.attributes('data-day'))).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'])
    expect(lines.every((l) => l.findAll('td.cell').length === 7)).toBe(true)
    // One event, one line: its name and its load.
    const chip = block.get('.chip-event[data-event="3"]')
    expect(chip.get('.nm').text()).toBe('W3')
    expect(chip.get('.line-load').text()).toBe('40')
    expect(chip.element.closest('td')!.getAttribute('data-day')).toBe('2026-12-31')
    expect(lines.map((l) => l.get('[data-testid="week-total"] .wk').text())).toEqual(['55 / 90', '100 / 80', '0 / 0', '0 / 40'])
    // The missed ride is marked on its line and counted in its week.
    expect(block.get('.chip-event[data-event="4"]').classes()).toContain('missed')
    expect(block.findAll('.chip-event.missed')).toHaveLength(1)
    expect(lines.map((l) => l.find('[data-testid="week-missed"]').exists())).toEqual([true, false, false, false])
  })

  it('draws twelve weeks as bars of load planned and done per week', () => {
    const w = setup(12)
    expect(w.findAll('thead th.overview-week-col')).toHaveLength(12)
    expect(w.findAll('colgroup col')).toHaveLength(13)
    const cells = w.get('tr[data-athlete="i100001"]').findAll('[data-testid="overview-week"]')
    expect(cells.map((c) => c.attributes('data-week'))).toHaveLength(12)
    expect(cells.slice(0, 4).map((c) => c.get('.nums').text())).toEqual(['55 / 90', '100 / 80', '0 / 0', '0 / 40'])
    expect(cells.map((c) => c.find('[data-testid="overview-missed"]').exists() && c.get('[data-testid="overview-missed"]').text())).toEqual(['1 missed', ...Array(11).fill(false)])
    // Scaled to the athlete's largest week (100 done).
    expect(cells[0]!.get('.bar.planned').attributes('style')).toContain('height: 90%')
    expect(cells[1]!.get('.bar.done').attributes('style')).toContain('height: 100%')
    expect(cells[1]!.classes()).toContain('this-week')
    // The other athlete, not loaded yet, shows empty weeks rather than failing.
    expect(w.get('tr[data-athlete="i100002"]').findAll('.nums').map((n) => n.text())).toEqual(Array(12).fill('0 / 0'))
  })
})
