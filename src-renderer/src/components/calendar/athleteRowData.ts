import { computed, type Ref } from 'vue'
import type { CalActivity, CalEvent } from '@contract'
import { useCalendarStore } from '../../stores/calendar'
import { covers } from '../../stores/calendarModel'

// What the month block and the overview row read of one athlete: only that athlete's entries of
// the store, so a row arriving or a selection changing elsewhere does not draw them again.

export function useAthleteRowData(athleteId: Ref<string>) {
  const cal = useCalendarStore()
  const row = computed(() => cal.rows[athleteId.value])
  const picked = computed(() => cal.picked[athleteId.value])
  const wholeRow = computed(() => cal.rowRanges.includes(athleteId.value))
  /** The activity that carried out each planned workout (the first, when several claim it). */
  const doneFor = computed(() => {
    const done = new Map<number, CalActivity>()
    for (const a of row.value?.activities ?? []) if (a.pairedEventId !== null && !done.has(a.pairedEventId)) done.set(a.pairedEventId, a)
    return done
  })
  /** Per day: the events covering it and the activities no planned workout claims. */
  function cellsOf(days: readonly string[]) {
    const events = row.value?.events ?? []
    const activities = row.value?.activities ?? []
    return days.map((day) => ({
      day,
      events: events.filter((e) => covers(e, day)),
      unplanned: activities.filter((a) => a.date === day && a.pairedEventId === null),
    }))
  }
  function onChip(ev: MouseEvent | KeyboardEvent, e: CalEvent) {
    cal.click(athleteId.value, e, { shift: ev.shiftKey, toggle: ev.ctrlKey || ev.metaKey })
  }
  return { row, picked, wholeRow, doneFor, cellsOf, onChip }
}
