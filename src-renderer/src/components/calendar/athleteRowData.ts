import { computed, type Ref } from 'vue'
import type { CalEvent } from '@contract'
import { useCalendarStore } from '../../stores/calendar'
import { covers, rowOutcomes } from '../../stores/calendarModel'

// What the month block and the overview row read of one athlete: only that athlete's entries of
// the store, so a row arriving or a selection changing elsewhere does not draw them again.

export function useAthleteRowData(athleteId: Ref<string>, today: Ref<string>) {
  const cal = useCalendarStore()
  const row = computed(() => cal.rows[athleteId.value])
  const picked = computed(() => cal.picked[athleteId.value])
  const wholeRow = computed(() => cal.rowRanges.includes(athleteId.value))
  /** Done, due or missed for each planned workout, on the athlete's own today. */
  const outcome = computed(() => rowOutcomes(row.value, today.value))
  /** Per day: the events covering it and the activities without a plan of that day. */
  function cellsOf(days: readonly string[]) {
    const events = row.value?.events ?? []
    const unplanned = outcome.value.unplanned
    return days.map((day) => ({
      day,
      events: events.filter((e) => covers(e, day)),
      unplanned: unplanned.filter((a) => a.date === day),
    }))
  }
  const isMissed = (e: CalEvent) => outcome.value.outcomes.get(e.id)?.state === 'missed'
  const isLate = (e: CalEvent) => {
    const o = outcome.value.outcomes.get(e.id)
    return o?.state === 'done' && o.how === 'nextDay'
  }
  function onChip(ev: MouseEvent | KeyboardEvent, e: CalEvent) {
    cal.click(athleteId.value, e, { shift: ev.shiftKey, toggle: ev.ctrlKey || ev.metaKey })
  }
  return { row, picked, wholeRow, outcome, cellsOf, isMissed, isLate, onChip }
}
