import { vi, type Mock } from 'vitest'

// Stand-ins for the window's bridge to main, for the tests of one store: main's answers as the bridge
// gives them, and one area of the bridge whose calls the test can read and hold back.

export const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
export const fail = (code: string, message: string) => Promise.resolve({ ok: false as const, error: { code, message } })

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each call's arguments are the test's to name
type Calls = Record<string, (...args: any[]) => unknown>

/**
 * Puts a stand-in for one area of the bridge (`athlete`, `groups`, ...) on the window, each call answered by
 * the function given, and returns the calls as mocks. `rest` adds other areas as they are.
 */
export function standIn<C extends Calls>(area: string, calls: C, rest: Record<string, unknown> = {}): { [K in keyof C]: Mock<C[K]> } {
  const mocks = Object.fromEntries(Object.entries(calls).map(([name, answer]) => [name, vi.fn(answer)]))
  window.coachDesk = { ...rest, [area]: mocks } as never
  return mocks as { [K in keyof C]: Mock<C[K]> }
}
