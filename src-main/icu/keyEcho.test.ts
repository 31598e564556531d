import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coreHarness, type CoreHarness } from '../testing/core'

// A server that, like a careless proxy or API, repeats the credential it was sent in its error text.
let echo: Server
let echoUrl = ''
let h: CoreHarness

beforeAll(async () => {
  echo = createServer((req, res) => {
    const basic = String(req.headers.authorization ?? '').replace(/^Basic /, '')
    const key = Buffer.from(basic, 'base64').toString('utf8').replace(/^API_KEY:/, '')
    const error = req.url?.includes('/athlete/i2') ? `Authorization ${req.headers.authorization} not valid` : req.url?.includes('/athlete/i3') ? 'Athlete field missing' : `Unknown API key ${key}`
    res.writeHead(422, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ error }))
  })
  await new Promise<void>((ok) => echo.listen(0, '127.0.0.1', ok))
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`
  h = await coreHarness({ core: { baseUrl: echoUrl } })
})

afterAll(async () => {
  await h.close()
  await new Promise((ok) => echo.close(ok))
})

describe('a server error text that repeats the API key', () => {
  const key = 'ke"y\\with%odd/chars'

  it.each([
    ['the key itself', 'i1'],
    ['the Basic credential', 'i2'],
  ])('is not passed to the window when it holds %s, and the key is in no log line', async (_, athleteId) => {
    const r = await h.core.invoke('session:testConnection', { athleteId, apiKey: key })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'intervals.icu did not accept that request.' } })
    const shown = JSON.stringify(r)
    const basic = Buffer.from(`API_KEY:${key}`).toString('base64')
    for (const form of [key, JSON.stringify(key).slice(1, -1), basic]) expect(shown).not.toContain(form)
    const log = readFileSync(h.logFile, 'utf8')
    expect(log).toMatch(/ipc.failed/)
    for (const form of [key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key), basic]) expect(log).not.toContain(form)
  })

  it('is still passed on when it does not', async () => {
    const r = await h.core.invoke('session:testConnection', { athleteId: 'i3', apiKey: key })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'intervals.icu did not accept that: Athlete field missing' } })
  })
})
