import { computed, ref, useId } from 'vue'

// Up, Down and Enter in a field over a list of options (the calendar's athlete picker, Ctrl/⌘+K):
// the arrows move the active option round the list, Enter chooses it, and the field names the
// active option for a screen reader (aria-activedescendant over the listbox). A list shown only
// while open opens on the first arrow or Enter instead.

export interface ListChoiceOptions<T> {
  items: () => readonly T[]
  choose: (item: T) => void
  /** For a list shown only while open: whether it is, and how to open it. */
  closable?: { isOpen: () => boolean; open: () => void }
}

export function useListChoice<T>(o: ListChoiceOptions<T>) {
  const listId = useId()
  const active = ref(0)
  const isOpen = () => o.closable?.isOpen() ?? true
  const optionId = (i: number) => `${listId}-${i}`
  const activeDescendant = computed(() => (isOpen() && o.items()[active.value] !== undefined ? optionId(active.value) : undefined))

  /** The list's keys: true when the key was one of them (and its default is prevented). */
  function onKey(ev: KeyboardEvent): boolean {
    const step = ev.key === 'ArrowDown' ? 1 : ev.key === 'ArrowUp' ? -1 : 0
    if (!step && ev.key !== 'Enter') return false
    ev.preventDefault()
    const items = o.items()
    if (!isOpen()) o.closable?.open()
    else if (step && items.length) active.value = (active.value + step + items.length) % items.length
    else if (!step && items[active.value] !== undefined) o.choose(items[active.value]!)
    return true
  }

  return {
    listId,
    active,
    optionId,
    activeDescendant,
    onKey,
    /** The list is another one (the coach typed): its first option is active. */
    reset: () => (active.value = 0),
    /** The list changed under the active option (one chosen): it stays on one still listed. */
    keepInside: () => (active.value = Math.min(active.value, Math.max(0, o.items().length - 1))),
  }
}
