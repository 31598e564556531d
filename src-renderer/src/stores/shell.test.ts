import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { AppCommand } from '@contract'
import { useSessionStore } from './session'
import { useShellStore } from './shell'
import { useWorkoutsStore } from './workouts'

const Page = { template: '<div />' }

function setup(state: 'connected' | 'disconnected' = 'connected') {
  setActivePinia(createPinia())
  let emit: ((c: AppCommand) => void) | null = null
  const importCall = vi.fn(async (args: { fileName: string; text: string }) => ({
    ok: true,
    value: { name: 'Sweet Spot', sport: 'Ride', text: '- 10m 90%', warnings: [], source: args.fileName },
  }))
  window.coachDesk = {
    events: { 'app:command': (fn: (c: AppCommand) => void) => ((emit = fn), () => {}) },
    workouts: { import: importCall },
  } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['/', '/roster', '/calendar', '/workouts'].map((path) => ({ path, component: Page })),
  })
  useSessionStore().status = { state, athleteId: state === 'connected' ? 'i1' : null } as never
  const shell = useShellStore()
  shell.listen(router)
  return { router, importCall, send: (c: AppCommand) => shell.run(c, router), emitted: () => emit }
}

describe('commands from the native shell', () => {
  beforeEach(() => vi.restoreAllMocks())

  it('subscribes once to the app:command event, and runs what it sends', async () => {
    const { router, emitted } = setup()
    const subscribe = vi.spyOn(window.coachDesk!.events, 'app:command')
    useShellStore().listen(router)
    expect(subscribe).not.toHaveBeenCalled()
    emitted()!({ kind: 'openPage', path: '/roster' })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/roster'))
  })

  it('opens the page the View menu names', async () => {
    const { router, send } = setup()
    await send({ kind: 'openPage', path: '/calendar' })
    expect(router.currentRoute.value.path).toBe('/calendar')
  })

  it('a calendar key opens the calendar first, then presses the key there', async () => {
    const { router, send } = setup()
    const keys: string[] = []
    window.addEventListener('keydown', (e) => keys.push(e.key))
    await send({ kind: 'pressKey', key: 'PageDown' })
    expect(router.currentRoute.value.path).toBe('/calendar')
    expect(keys).toEqual([])
    await send({ kind: 'pressKey', key: 'PageDown' })
    expect(keys).toEqual(['PageDown'])
  })

  it('a workout file opened from the OS is imported on the Workouts page as if dropped', async () => {
    const { router, send, importCall } = setup()
    await send({ kind: 'importFile', fileName: 'sweet-spot.zwo', text: '<workout_file/>' })
    expect(router.currentRoute.value.path).toBe('/workouts')
    expect(importCall).toHaveBeenCalledWith({ fileName: 'sweet-spot.zwo', text: '<workout_file/>' })
    expect(useWorkoutsStore().imported).toMatchObject({ name: 'Sweet Spot', fileName: 'sweet-spot.zwo' })
  })

  it('a file opened at start waits until the session is known, then is imported', async () => {
    const { router, send, importCall } = setup()
    useSessionStore().status = null
    const done = send({ kind: 'importFile', fileName: 'early.zwo', text: '<workout_file/>' })
    await new Promise((r) => setTimeout(r, 10))
    expect(importCall).not.toHaveBeenCalled()
    // Still unknown: still waiting.
    useSessionStore().status = undefined as never
    await new Promise((r) => setTimeout(r, 10))
    expect(importCall).not.toHaveBeenCalled()
    useSessionStore().status = { state: 'demo', athleteId: 'i1' } as never
    await done
    expect(router.currentRoute.value.path).toBe('/workouts')
    expect(importCall).toHaveBeenCalledWith({ fileName: 'early.zwo', text: '<workout_file/>' })
  })

  it('does nothing on the welcome screen, before an account or the demo is open', async () => {
    const { router, send, importCall } = setup('disconnected')
    await router.push('/')
    await send({ kind: 'openPage', path: '/roster' })
    await send({ kind: 'importFile', fileName: 'a.zwo', text: 'x' })
    expect(router.currentRoute.value.path).toBe('/')
    expect(importCall).not.toHaveBeenCalled()
  })
})
