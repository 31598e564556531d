import { describe, expect, it } from 'vitest'
import { AppError } from '../contract/errors'
import { errorFromNetwork, errorFromResponse } from './errors'

// What the coach reads when intervals.icu says no, and what stays for the log. The key never travels
// on, in whatever form the server may have repeated it.

const said = (text: string) => JSON.stringify({ error: text })

describe('an error answer from intervals.icu', () => {
  it.each([
    [401, '/athlete/i1', 'AUTH_MISSING', 'intervals.icu asked for an API key. Connect your account again.'],
    [403, '/athletes', 'AUTH_INVALID', 'intervals.icu refused this API key.'],
    [403, '/athlete/i1', 'FORBIDDEN', 'You have no access to this athlete.'],
    [404, '/athlete/i1/events/7', 'NOT_FOUND', 'intervals.icu could not find that. It may have been deleted.'],
    [409, '/athlete/i1/events/7', 'CONFLICT', 'That changed on intervals.icu in the meantime. Refresh and try again.'],
    [429, '/athlete/i1', 'RATE_LIMITED', 'intervals.icu is busy; Coach Desk is waiting a moment and retrying.'],
    [500, '/athlete/i1', 'SERVER', 'intervals.icu had a problem (error 500). Try again shortly.'],
    [503, '/athlete/i1', 'SERVER', 'intervals.icu had a problem (error 503). Try again shortly.'],
    [418, '/athlete/i1', 'SERVER', 'intervals.icu answered with an unexpected status 418.'],
    [302, '/athlete/i1', 'SERVER', 'intervals.icu answered with an unexpected status 302.'],
  ] as const)('%i on %s is %s with a sentence for the coach', (status, path, code, message) => {
    const e = errorFromResponse(status, said('Access denied'), path)
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ code, message })
    // The server's words are for the log, not the coach, except where they say what to fix (below).
    expect(e.detail).toBe(`HTTP ${status} ${path}: Access denied`)
  })

  it.each([400, 422])('%i passes on what the server did not accept, since that is what the coach must fix', (status) => {
    const e = errorFromResponse(status, said('name is too long'), '/athlete/i1/events')
    expect(e).toMatchObject({ code: 'INVALID_INPUT', message: 'intervals.icu did not accept that: name is too long' })
    expect(e.detail).toBe(`HTTP ${status} /athlete/i1/events: name is too long`)
  })

  it.each([
    ['an empty body', ''],
    ['a body that is not JSON', '<html>Bad Request</html>'],
    ['JSON without a message', '{"status":422}'],
    ['an empty error text', '{"error":""}'],
    ['an error that is not text', '{"error":{"field":"name"}}'],
    ['a JSON value that is not an object', 'null'],
    ['a message that is not text', '{"message":42}'],
  ])('422 with %s says the request was not accepted, and the log has only the status and path', (_, body) => {
    const e = errorFromResponse(422, body, '/athlete/i1/events')
    expect(e).toMatchObject({ code: 'INVALID_INPUT', message: 'intervals.icu did not accept that request.' })
    expect(e.detail).toBe('HTTP 422 /athlete/i1/events')
  })

  it('reads `message` when the server has no `error`, and prefers `error` when it has both', () => {
    expect(errorFromResponse(422, JSON.stringify({ message: 'date is required' }), '/p').message).toBe('intervals.icu did not accept that: date is required')
    expect(errorFromResponse(422, JSON.stringify({ error: 'bad type', message: 'ignored' }), '/p').message).toBe('intervals.icu did not accept that: bad type')
    expect(errorFromResponse(422, JSON.stringify({ error: 7, message: 'date is required' }), '/p').message).toBe('intervals.icu did not accept that: date is required')
  })

  it('shortens a long server text to 300 characters', () => {
    const long = 'x'.repeat(299) + 'yz' + 'w'.repeat(100)
    const e = errorFromResponse(422, said(long), '/p')
    expect(e.message).toBe(`intervals.icu did not accept that: ${'x'.repeat(299)}y`)
    expect(e.detail).toBe(`HTTP 422 /p: ${'x'.repeat(299)}y`)
  })

  describe('a server text that repeats the API key', () => {
    const key = 'ke y/with%odd'
    it.each([
      ['as it is', `Unknown key ${key}`],
      ['URL-encoded', `Unknown key ${encodeURIComponent(key)}`],
      ['inside the Basic credential', `Authorization Basic ${Buffer.from(`API_KEY:${key}`).toString('base64')} not valid`],
      // Past the 300 characters kept: caught because the check runs on the whole text.
      ['cut in half by the shortening', `${'x'.repeat(295)}${key}`],
    ])('is dropped when the key is there %s, and the log says why', (_, text) => {
      const e = errorFromResponse(422, said(text), '/athlete/i1', key)
      expect(e.message).toBe('intervals.icu did not accept that request.')
      expect(e.detail).toBe('HTTP 422 /athlete/i1 (its text repeated the API key and was dropped)')
    })

    it('is passed on when it holds another text, or when no key was sent', () => {
      expect(errorFromResponse(422, said('Unknown key abc'), '/p', key).detail).toBe('HTTP 422 /p: Unknown key abc')
      expect(errorFromResponse(422, said(`Unknown key ${key}`), '/p').detail).toBe(`HTTP 422 /p: Unknown key ${key}`)
      expect(errorFromResponse(422, said(`Unknown key ${key}`), '/p', '').message).toBe(`intervals.icu did not accept that: Unknown key ${key}`)
    })

    it('is dropped from a status whose message never shows it, too', () => {
      expect(errorFromResponse(403, said(`Bad key ${key}`), '/athletes', key)).toMatchObject({
        code: 'AUTH_INVALID',
        detail: 'HTTP 403 /athletes (its text repeated the API key and was dropped)',
      })
    })
  })
})

describe('a request that never got an answer', () => {
  it('is NETWORK, with the system’s error code for the log', () => {
    const e = errorFromNetwork(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ code: 'NETWORK', message: 'Coach Desk could not reach intervals.icu. Check the internet connection.', detail: 'ECONNREFUSED' })
  })

  it('keeps the error’s own message when there is no code, and says unknown when there is nothing', () => {
    expect(errorFromNetwork(new Error('socket hang up')).detail).toBe('socket hang up')
    expect(errorFromNetwork(new TypeError('fetch failed', { cause: {} })).detail).toBe('fetch failed')
    expect(errorFromNetwork(undefined).detail).toBe('unknown')
    expect(errorFromNetwork(null)).toMatchObject({ code: 'NETWORK', detail: 'unknown' })
  })
})
