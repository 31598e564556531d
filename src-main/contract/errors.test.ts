import { describe, expect, it } from 'vitest'
import { AppError, isAppError } from './errors'

describe('an expected failure', () => {
  it('is told apart from any other error, whatever it looks like', () => {
    expect(isAppError(new AppError('NOT_FOUND', 'Gone.'))).toBe(true)
    expect(isAppError(new Error('Gone.'))).toBe(false)
    expect(isAppError({ code: 'NOT_FOUND', message: 'Gone.' })).toBe(false)
    expect(isAppError(undefined)).toBe(false)
  })

  it('names itself in the log line, with its detail kept apart from the coach’s message', () => {
    const e = new AppError('SERVER', 'intervals.icu had a problem.', 'HTTP 502 /athletes')
    expect(String(e)).toBe('AppError: intervals.icu had a problem.')
    expect(e).toMatchObject({ code: 'SERVER', message: 'intervals.icu had a problem.', detail: 'HTTP 502 /athletes' })
  })
})
