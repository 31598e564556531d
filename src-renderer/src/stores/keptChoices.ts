// The view choices a coach makes once and expects to find again after a restart (the export
// format, the calendar's density), kept in the window's storage on this computer, each under its
// own key and checked as it is read back: a value this version does not know falls back.

/** The value kept under `key` as `read` makes it; `read` gets undefined when nothing (readable) is kept. */
export function readKept<T>(key: string, read: (raw: unknown) => T): T {
  let raw: unknown
  try {
    const text = localStorage.getItem(key)
    raw = text === null ? undefined : (JSON.parse(text) as unknown)
  } catch {
    raw = undefined
  }
  return read(raw)
}

export function keep(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the choice still holds until the window closes.
  }
}
