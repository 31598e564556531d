import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BridgeError } from '../api'
import { errorOf } from './errorOf'
import { plain } from './plain'
import { useAthletePickStore } from './athletePick'

describe('what a store shows of a failure', () => {
  afterEach(() => vi.restoreAllMocks())

  it('the contract’s code and message as main sent them, and nothing on the console', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(errorOf(new BridgeError('RATE_LIMITED', 'intervals.icu is busy.'))).toEqual({ code: 'RATE_LIMITED', message: 'intervals.icu is busy.' })
    expect(log).not.toHaveBeenCalled()
  })

  it('a fault of the app itself as a plain sentence, the details on the console only', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const fault = new TypeError("Cannot read properties of undefined (reading 'id')")
    expect(errorOf(fault)).toEqual({ code: 'INTERNAL', message: 'Something went wrong in Coach Desk. Try again; if it keeps happening, restart the app.' })
    expect(log).toHaveBeenCalledWith(fault)
  })
})

describe('form state sent over the bridge', () => {
  it('is a deep copy, equal in value and sharing nothing', () => {
    const form = { name: 'Tempo', steps: [{ secs: 600 }], skipped: undefined }
    const copy = plain(form)
    expect(copy).toEqual({ name: 'Tempo', steps: [{ secs: 600 }] })
    expect(copy.steps).not.toBe(form.steps)
  })
})

describe("the calendar's pick of athletes", () => {
  it('starts with no athlete and no tag', () => {
    setActivePinia(createPinia())
    expect(useAthletePickStore().$state).toEqual({ athleteIds: [], tag: null })
  })
})
