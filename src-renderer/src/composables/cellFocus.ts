import { computed, nextTick, onMounted, onUnmounted, ref, watch, type ComputedRef, type InjectionKey } from 'vue'
import type { CalEvent } from '@contract'
import { useCalendarStore } from '../stores/calendar'
import { covers, type RectangleShape } from '../stores/calendarModel'
import { directionOf, nextCell, nextEventIndex, selectionShape, startCell, type Cell, type CellLayout } from '../stores/cellFocus'

// The calendar's keyboard focus: one cell is the tab stop (roving tabindex), arrows move it, Shift
// with an arrow (or a click) selects the events between the anchor and the focused cell, Alt+Up/Down moves the
// focus between the day and its events, Enter edits the focused event (or the cell's selected or
// first one) or creates one on an empty cell. The page's own keys (Delete, Esc, PageUp
// and PageDown, Ctrl/⌘+Z, ?) are in calendarKeys.ts.

export interface CellFocus {
  /** The cell that takes the tab stop (always one while anything is shown). */
  cell: ComputedRef<Cell | null>
  /** A cell got the focus by click or Tab: the keys go on from there. */
  focusIn(cell: Cell): void
  /** What a Shift selection covers in the layout shown, with the arrows or a Shift-click alike. */
  shape(): RectangleShape
}

/** How the grid hands the focus to its rows. */
export const CELL_FOCUS: InjectionKey<CellFocus> = Symbol('calendar cell focus')

export interface CellFocusOptions {
  /** Read at each key: the grid changes layout with its density. */
  layout: () => CellLayout
  athleteIds: () => readonly string[]
  days: () => readonly string[]
  /** The day the focus starts on when it is shown (the first athlete's today). */
  today: () => string | null
  /** The cell's element, drawn and scrolled to first if it was not (rows out of view are not drawn). */
  reveal: (cell: Cell) => Promise<HTMLElement | null>
  edit: (athleteId: string, event: CalEvent | null, date: string) => void
  /** A dialog of the page is open, the event editor or the shortcut list (the bulk dialogs are the store's phase). */
  dialogOpen: () => boolean
}

export function useCellFocus(o: CellFocusOptions): CellFocus & { onKeydown(ev: KeyboardEvent): void; afterLayout(): void } {
  const cal = useCalendarStore()
  const focused = ref<Cell | null>(null)
  const cell = computed(() => startCell(focused.value, o.athleteIds(), o.days(), o.today()))
  const shape = () => selectionShape(o.layout())

  async function moveTo(to: Cell) {
    focused.value = to
    const el = await o.reveal(to)
    if (!el) return
    el.focus({ preventScroll: true })
    // Nearest: the page does not jump when the cell is already in view; the cell's scroll margins
    // keep it clear of the sticky date header and athlete column.
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    lastMove = { el, at: performance.now() }
  }

  // Rows drawn for the first time are measured after they are drawn, and the space kept for the
  // rows above changes with them: the cell just moved to is brought into view again. Only just
  // after a key: a coach scrolling with the wheel is never pulled back to the focused cell.
  let lastMove: { el: HTMLElement; at: number } | null = null
  function afterLayout() {
    if (!lastMove || performance.now() - lastMove.at > 1000) return
    const { el } = lastMove
    if (el.isConnected && el === document.activeElement) el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }

  /** The selected event of the cell when there is one, else its first; none: a new one there. */
  function editAt(at: Cell) {
    const events = (cal.rows[at.athleteId]?.events ?? []).filter((e) => covers(e, at.date))
    const picked = cal.picked[at.athleteId]
    const event = events.find((e) => picked?.has(e.id)) ?? events[0] ?? null
    o.edit(at.athleteId, event, event?.date ?? at.date)
  }

  /** Alt+Up/Down: the focus to the day's next or previous event, or back to the day. */
  async function focusEventOf(at: Cell, dir: 'up' | 'down') {
    const day = await o.reveal(at)
    if (!day) return
    const chips = [...day.querySelectorAll<HTMLElement>('.chip-event')]
    const current = chips.findIndex((c) => c.contains(document.activeElement))
    const next = nextEventIndex(current, chips.length, dir)
    const to = next < 0 ? day : chips[next]!
    to.focus({ preventScroll: true })
    to.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }

  function onKeydown(ev: KeyboardEvent) {
    if (ev.ctrlKey || ev.metaKey || cal.phase !== 'idle' || o.dialogOpen()) return
    const at = cell.value
    if (!at) return
    const dir = directionOf(ev.key)
    if (ev.altKey) {
      if ((dir === 'up' || dir === 'down') && !ev.shiftKey) {
        ev.preventDefault()
        void focusEventOf(at, dir)
      }
      return
    }
    if (dir) {
      ev.preventDefault()
      const to = nextCell(o.layout(), at, dir, o.athleteIds(), o.days(), { keepAthlete: ev.shiftKey })
      // The anchor stays where Shift was first held; a plain arrow moves it along with the focus.
      // In the four-week grid the selection is the box of one athlete's days the coach sees.
      const oneAthlete = o.layout() === 'athleteMonths'
      const anchor = cal.anchor && (!oneAthlete || cal.anchor.athleteId === at.athleteId) ? cal.anchor : at
      if (ev.shiftKey) cal.selectRectangle(anchor, to, shape())
      else cal.anchor = to
      void moveTo(to)
    } else if (ev.key === 'Enter' && !(ev.target as HTMLElement | null)?.closest('.chip-event')) {
      // A chip with the focus (clicked, or reached by Alt+Up/Down) opens itself; the cell opens its selected or first event.
      ev.preventDefault()
      editAt(at)
    }
  }

  // A dialog opened from the keyboard takes the focus with it when it closes: the cell gets it back,
  // so the coach goes on with the keys where they were.
  let cellHadFocus = false
  watch(
    () => o.dialogOpen() || cal.phase !== 'idle',
    async (open) => {
      if (open) {
        cellHadFocus = !!(document.activeElement as HTMLElement | null)?.closest('td.cell')
        return
      }
      await nextTick()
      const lost = !document.activeElement || document.activeElement === document.body
      if (cellHadFocus && lost && cell.value) (await o.reveal(cell.value))?.focus({ preventScroll: true })
      cellHadFocus = false
    },
  )

  // The focused cell's row scrolled out of view is no longer drawn and the focus falls back to the
  // page: an arrow then goes on from that cell (and scrolls to it) rather than doing nothing.
  function onPageKeydown(ev: KeyboardEvent) {
    if (focused.value && ev.target === document.body && directionOf(ev.key)) onKeydown(ev)
  }
  onMounted(() => window.addEventListener('keydown', onPageKeydown))
  onUnmounted(() => window.removeEventListener('keydown', onPageKeydown))

  return { cell, focusIn: (c: Cell) => (focused.value = c), shape, onKeydown, afterLayout }
}
