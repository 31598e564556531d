import { test, expect } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src-main/log'
import { MemorySecretStore } from '../src-main/secrets/memory'
import { startSim, type SimHandle } from '../src-main/sim'
import { startHost, type HostHandle } from '../src-host/server'

interface Answer {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

/** A raw request, as any other local program could send it (any Host, Origin or cookie it likes). */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer[] } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      // The event stream never ends by itself: its status is enough.
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        res.destroy()
        return resolve({ status: res.statusCode ?? 0, body: '', headers: res.headers })
      }
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    // Chunks are written one by one, without a Content-Length (a chunked body).
    if (Array.isArray(opts.body)) {
      for (const c of opts.body) req.write(c)
      req.end()
    } else req.end(opts.body)
  })
}

let sim: SimHandle
let host: HostHandle
let dataDir: string

test.beforeEach(async () => {
  sim = await startSim()
  dataDir = mkdtempSync(join(tmpdir(), 'coach-desk-host-'))
  host = await startHost({
    secrets: new MemorySecretStore(),
    baseUrl: sim.url,
    log: silentLogger,
    dataDir,
    startDemo: async () => ({ url: sim.url, coachId: sim.coachId, apiKey: sim.apiKey, close: async () => {} }),
  })
})

test.afterEach(async () => {
  await host.close()
  await sim.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const call = (channel: string, headers: Record<string, string>, body: string | Buffer[] = '{}') =>
  send(`${host.url}/ipc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })

/** Opens the one-time link as the coach's browser would, and answers the cookie it was given. */
async function redeem(): Promise<string> {
  const opened = await send(host.openUrl)
  expect(opened.status).toBe(303)
  expect(opened.headers.location).toBe('/')
  const setCookie = String(opened.headers['set-cookie'])
  expect(setCookie).toMatch(/HttpOnly/)
  expect(setCookie).toMatch(/SameSite=Strict/)
  return setCookie.split(';')[0]
}

test('a local program without the one-time link gets no page, no token and no call', async () => {
  const page = await send(`${host.url}/`)
  expect(page.status).toBe(401)
  expect(page.body).not.toMatch(/data-token/)
  expect(page.headers['set-cookie']).toBeUndefined()
  for (const path of ['/index.html', '/host-bridge.js', '/events', '/events?token=guess']) {
    expect((await send(`${host.url}${path}`)).status, path).toBe(401)
  }
  // Forging the Origin, a token and a cookie of its own does not help.
  const forged: Record<string, string>[] = [{ Origin: host.url }, { Origin: host.url, 'X-Coach-Desk-Token': 'guess', Cookie: 'coach-desk=guess' }]
  for (const headers of forged) {
    const r = await call('session:openDemo', headers)
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  expect((await send(`${host.url}/?secret=${'0'.repeat(48)}`)).status).toBe(401)
  expect(sim.requests).toHaveLength(0)
  // A rebinding page sends its own Host name.
  expect((await send(`${host.url}/`, { headers: { Host: 'evil.test:5174' } })).status).toBe(421)
})

test('the one-time link lets one browser in, once; its cookie and the page token then open every route', async () => {
  const cookie = await redeem()
  // Spent: a second program replaying the link gets nothing.
  const replay = await send(host.openUrl)
  expect(replay.status).toBe(401)
  expect(replay.headers['set-cookie']).toBeUndefined()

  const page = await send(`${host.url}/`, { headers: { Cookie: cookie } })
  expect(page.status).toBe(200)
  const token = /data-token="([0-9a-f]+)"/.exec(page.body)?.[1]
  expect(token).toMatch(/^[0-9a-f]{48}$/)
  expect((await send(`${host.url}/host-bridge.js`, { headers: { Cookie: cookie } })).status).toBe(200)

  // The cookie alone is not enough for a call: the page's token and Origin are checked as before.
  expect((await call('session:openDemo', { Cookie: cookie, Origin: host.url })).status).toBe(403)
  expect((await call('session:openDemo', { Cookie: cookie, Origin: 'http://evil.test', 'X-Coach-Desk-Token': token! })).status).toBe(403)
  // And the token without the cookie is refused.
  expect((await call('session:openDemo', { Origin: host.url, 'X-Coach-Desk-Token': token! })).status).toBe(401)
  expect((await send(`${host.url}/events?token=${token}`)).status).toBe(401)
  expect(sim.requests).toHaveLength(0)

  expect((await send(`${host.url}/events?token=${token}`, { headers: { Cookie: cookie } })).status).toBe(200)
  const ok = await call('session:openDemo', { Cookie: cookie, Origin: host.url, 'X-Coach-Desk-Token': token! })
  expect(ok.status).toBe(200)
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { state: 'demo' } })
  expect(sim.requests.length).toBeGreaterThan(0)
})

test('a body over the limit is answered with a 413 envelope, not a reset, and the host carries on', async () => {
  const cookie = await redeem()
  const page = await send(`${host.url}/`, { headers: { Cookie: cookie } })
  const token = /data-token="([0-9a-f]+)"/.exec(page.body)![1]
  const headers = { Cookie: cookie, Origin: host.url, 'X-Coach-Desk-Token': token }
  const huge = JSON.stringify({ name: 'x'.repeat(2 << 20) })
  // Declared too large up front, and too large only as it arrives (chunked, no Content-Length).
  for (const body of [huge, [Buffer.from(huge.slice(0, 600_000)), Buffer.from(huge.slice(600_000))]]) {
    const r = await call('session:openDemo', headers, body)
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/too large/) } })
  }
  expect(sim.requests).toHaveLength(0)
  expect((await call('session:status', headers)).status).toBe(200)
})
