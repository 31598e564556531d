import type { CalEvent } from '@contract'
import { useCalendarStore } from '../../stores/calendar'
import { useWorkoutsStore } from '../../stores/workouts'
import { WORKOUT_DRAG_TYPE } from '../../stores/workoutModel'

// Dragging on the calendar: a chip to another day moves it, to another athlete's row copies it
// (Alt moves it); a library workout dropped on a cell plans a create there.

const DRAG_TYPE = 'application/x-coach-desk-event'

export function useCalendarDrag() {
  const cal = useCalendarStore()

  function dragStart(ev: DragEvent, athleteId: string, e: CalEvent) {
    ev.dataTransfer?.setData(DRAG_TYPE, JSON.stringify({ athleteId, eventId: e.id, date: e.date }))
    if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'copyMove'
  }

  function dragOver(ev: DragEvent) {
    if (ev.dataTransfer?.types.includes(DRAG_TYPE) || ev.dataTransfer?.types.includes(WORKOUT_DRAG_TYPE)) ev.preventDefault()
  }

  /** Same row: move to that day. Another athlete's row: copy there; with Alt (Option) held, move. */
  async function drop(ev: DragEvent, athleteId: string, day: string) {
    // A library workout plans a create for this athlete and day.
    const workout = ev.dataTransfer?.getData(WORKOUT_DRAG_TYPE)
    if (workout) {
      ev.preventDefault()
      return useWorkoutsStore().dropOnCalendar((JSON.parse(workout) as { workoutId: number }).workoutId, athleteId, day)
    }
    const raw = ev.dataTransfer?.getData(DRAG_TYPE)
    if (!raw) return
    ev.preventDefault()
    const src = JSON.parse(raw) as { athleteId: string; eventId: number; date: string }
    const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${src.date}T00:00:00Z`)) / 86_400_000)
    const selection = { events: [{ athleteId: src.athleteId, eventId: src.eventId }], ranges: [] }
    if (src.athleteId === athleteId) {
      if (days !== 0) await cal.planAndApply({ kind: 'shift', days }, selection)
      return
    }
    const copied = await cal.planAndApply({ kind: 'copy', toAthletes: [athleteId], offsetDays: days }, selection)
    // A move deletes the original only once the copy is safely there.
    if (copied && ev.altKey) await cal.planAndApply({ kind: 'delete' }, selection)
  }

  return { dragStart, dragOver, drop }
}
