import { onMounted, onUnmounted } from 'vue'

// Esc closes the dialog on top, whichever it is, wherever the focus is. Dialogs register while mounted;
// the latest one that is open answers, so an editor opened over a preview closes first.

interface Entry {
  open: () => boolean
  close: () => void
}

const stack: Entry[] = []

function onKey(ev: KeyboardEvent) {
  if (ev.key !== 'Escape' || ev.defaultPrevented) return
  const top = [...stack].reverse().find((e) => e.open())
  if (!top) return
  ev.preventDefault()
  ev.stopImmediatePropagation()
  top.close()
}

export function useEscape(open: () => boolean, close: () => void): void {
  const entry: Entry = { open, close }
  onMounted(() => {
    if (!stack.length) window.addEventListener('keydown', onKey, true)
    stack.push(entry)
  })
  onUnmounted(() => {
    stack.splice(stack.indexOf(entry), 1)
    if (!stack.length) window.removeEventListener('keydown', onKey, true)
  })
}
