import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from './log'

const made: string[] = []
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true })
})
const logFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'coach-desk-log-'))
  made.push(d)
  return join(d, 'main.log')
}

describe('the log scrubs the API key by value', () => {
  it.each([
    ['plain', 'plainKey0123456789'],
    ['a quote and a backslash', 'ab"cd\\ef!#$%&*+-./:;<=>?@[]^_`{|}~'],
    ['a trailing backslash', 'endsWith\\'],
    ['only symbols', '"\\"\\'],
  ])('removes every occurrence of a key with %s, in every spelling', (_, key) => {
    const file = logFile()
    const log = createLogger({ file })
    log.redact(key)
    log.warn('icu.failed', {
      detail: `server said: ${key} and again ${key}`,
      nested: { body: JSON.stringify({ error: `bad key ${key}` }) },
      url: `/api/v1/x?key=${encodeURIComponent(key)}`,
      [key]: 'as a field name',
    })
    const text = readFileSync(file, 'utf8')
    for (const form of [key, JSON.stringify(key).slice(1, -1), JSON.stringify(JSON.stringify(key)).slice(1, -1), encodeURIComponent(key)]) {
      expect(text).not.toContain(form)
    }
    // Still one JSON line, with what was around the key kept.
    const line = JSON.parse(text) as { detail: string; nested: { body: string } }
    expect(line.detail).toBe('server said: [redacted] and again [redacted]')
    expect(JSON.parse(line.nested.body)).toEqual({ error: 'bad key [redacted]' })
  })

  it('keeps scrubbing every key it was given', () => {
    const file = logFile()
    const log = createLogger({ file })
    log.redact('first-key-1234')
    log.redact('second"key\\5678')
    log.info('x', { a: 'first-key-1234', b: 'second"key\\5678' })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ a: '[redacted]', b: '[redacted]' })
  })
})
