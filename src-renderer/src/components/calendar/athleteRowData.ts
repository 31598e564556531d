import { computed, type Ref } from 'vue'
import type { CalendarRow } from '@contract'
import { useCalendarStore } from '../../stores/calendar'
import { covers, rowOutcomes, type RowOutcomes } from '../../stores/calendarModel'

// What the layouts read of one athlete: only that athlete's entries of the store, so a row
// arriving or a selection changing elsewhere does not draw them again.

/** Per day: the events covering it and the activities without a plan of that day. */
export function dayCells(row: CalendarRow | undefined, outcome: RowOutcomes, days: readonly string[]) {
  const events = row?.events ?? []
  return days.map((day) => ({
    day,
    events: events.filter((e) => covers(e, day)),
    unplanned: outcome.unplanned.filter((a) => a.date === day),
  }))
}

export function useAthleteRowData(athleteId: Ref<string>, today: Ref<string>) {
  const cal = useCalendarStore()
  const row = computed(() => cal.rows[athleteId.value])
  const wholeRow = computed(() => cal.rowRanges.includes(athleteId.value))
  /** Done, due or missed for each planned workout, on the athlete's own today. */
  const outcome = computed(() => rowOutcomes(row.value, today.value))
  const cellsOf = (days: readonly string[]) => dayCells(row.value, outcome.value, days)
  return { row, wholeRow, outcome, cellsOf }
}
