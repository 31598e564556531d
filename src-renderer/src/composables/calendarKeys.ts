import { onMounted, onUnmounted } from 'vue'
import { useCalendarStore } from '../stores/calendar'

// The keys of a page that shows the calendar (the grid across athletes, one athlete's month),
// wherever the focus is but in a text field: PageUp/PageDown move the range, T goes to today, G to
// the go-to-date field (the grid's), Esc
// clears the selection, Delete previews deleting it, Ctrl/⌘+Z previews undoing the last change,
// ? lists the shortcuts. The arrows belong to the focused cell (cellFocus.ts).

export interface CalendarPageKeys {
  move(step: -1 | 1): void
  toToday(): void
  /** G: the page's go-to-date field takes the focus (the grid has one; the month does not). */
  goToDate?(): void
  /** A dialog of the page's own (the event editor, the shortcut list) is open: its keys, not ours. */
  blocked(): boolean
  showShortcuts(): void
}

export function useCalendarPageKeys(page: CalendarPageKeys): void {
  const cal = useCalendarStore()

  function onKey(ev: KeyboardEvent) {
    const target = ev.target as HTMLElement | null
    if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return
    if (page.blocked() || cal.phase !== 'idle') return
    const command = ev.ctrlKey || ev.metaKey
    if (ev.key === 'PageUp') page.move(-1)
    else if (ev.key === 'PageDown') page.move(1)
    else if (ev.key === 't' && !command) page.toToday()
    else if (ev.key === 'g' && !command && !ev.altKey && page.goToDate) page.goToDate()
    else if (ev.key === 'Escape') cal.clearSelection()
    else if ((ev.key === 'Delete' || ev.key === 'Backspace') && cal.selectionCount) void cal.planBulk({ kind: 'delete' })
    else if (ev.key === 'z' && command && cal.undoAvailable) void cal.planUndo()
    else if (ev.key === '?') page.showShortcuts()
    else return
    ev.preventDefault()
  }

  onMounted(() => window.addEventListener('keydown', onKey))
  onUnmounted(() => window.removeEventListener('keydown', onKey))
}
