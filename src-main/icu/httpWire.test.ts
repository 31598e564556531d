import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger, type Fields, type Logger } from '../log'
import { buildUrl, IcuHttp, type RetryNotice } from './http'
import { RateLimiter } from './limiter'

// What goes over the wire, and answers the simulator never gives: a loopback server that records each
// request and answers from a script (an HTTP-date Retry-After, a body that is not JSON, silence).

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}
type Answer = (res: ServerResponse) => void

let server: Server
let baseUrl = ''
const seen: Seen[] = []
let script: Answer[] = []
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => (res) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}
const ok = json(200, { id: 'i1' })
/** Never answers; the client's timeout (or the server's close) ends it. */
const silence: Answer = () => {}
const drop: Answer = (res) => res.socket?.destroy()

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      ;(script.shift() ?? ok)(res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  seen.length = 0
  script = []
})

interface Logged {
  level: string
  event: string
  fields?: Fields
}
function client(o: { timeoutMs?: number; maxAttempts?: number; backoffBaseMs?: number; random?: () => number; maxPauseMs?: number } = {}) {
  const notices: RetryNotice[] = []
  const logged: Logged[] = []
  const log: Logger = {
    debug: (event, fields) => logged.push({ level: 'debug', event, fields }),
    info: (event, fields) => logged.push({ level: 'info', event, fields }),
    warn: (event, fields) => logged.push({ level: 'warn', event, fields }),
    error: (event, fields) => logged.push({ level: 'error', event, fields }),
    redact() {},
  }
  const http = new IcuHttp({
    baseUrl,
    apiKey: () => 'key-1234abcd',
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 4, maxPauseMs: o.maxPauseMs }),
    log,
    timeoutMs: o.timeoutMs ?? 5000,
    maxAttempts: o.maxAttempts,
    backoffBaseMs: o.backoffBaseMs ?? 8,
    random: o.random ?? (() => 0),
    onRetry: (n) => notices.push(n),
  })
  return { http, notices, logged }
}

describe('what intervals.icu receives', () => {
  it('a read: Basic auth as API_KEY:<key>, JSON asked for, no body and no content type', async () => {
    const { http } = client()
    await http.request({ path: '/athlete/i1', query: { oldest: '2026-11-01', newest: undefined, limit: null } })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/athlete/i1?oldest=2026-11-01', body: '' })
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from('API_KEY:key-1234abcd').toString('base64')}`)
    expect(seen[0]!.headers.accept).toBe('application/json')
    expect(seen[0]!.headers['content-type']).toBeUndefined()
  })

  it('a write: the body as JSON with its content type', async () => {
    const { http } = client()
    await http.request({ method: 'PUT', path: '/athlete/i1/events/5', body: { name: 'Tempo', hide_from_athlete: false } })
    expect(seen[0]).toMatchObject({ method: 'PUT', body: '{"name":"Tempo","hide_from_athlete":false}' })
    expect(seen[0]!.headers['content-type']).toBe('application/json')
  })

  it('a file: any type accepted, and the bytes come back as sent', async () => {
    script = [
      (res) => {
        res.writeHead(200, { 'Content-Type': 'application/zip' })
        res.end(Buffer.from([0x50, 0x4b, 3, 4, 0, 0xff]))
      },
    ]
    const { http } = client()
    const bytes = await http.request<Uint8Array>({ path: '/athlete/i1/workouts.zip', binary: true })
    expect(seen[0]!.headers.accept).toBe('*/*')
    expect([...bytes]).toEqual([0x50, 0x4b, 3, 4, 0, 0xff])
  })

  it('no key: nothing is sent, and the coach is asked to connect', async () => {
    const http = new IcuHttp({ baseUrl, apiKey: () => null, limiter: new RateLimiter({ perSecond: 10, burst: 10, maxInFlight: 1 }), log: silentLogger })
    expect(http.baseUrl).toBe(baseUrl)
    await expect(http.request({ path: '/athlete/i1' })).rejects.toMatchObject({ code: 'AUTH_MISSING', message: 'Connect your intervals.icu account first.' })
    expect(seen).toHaveLength(0)
  })

  it('the address: /api/v1 and the path, with only the query values that are set', () => {
    expect(buildUrl('https://intervals.icu', '/athlete/i1/events', { oldest: '2026-11-01', newest: undefined, category: null, limit: 0, upsertOnUid: false })).toBe(
      'https://intervals.icu/api/v1/athlete/i1/events?oldest=2026-11-01&limit=0&upsertOnUid=false',
    )
    expect(buildUrl('http://127.0.0.1:9', '/athletes')).toBe('http://127.0.0.1:9/api/v1/athletes')
  })
})

describe('answers the client reads', () => {
  it('an empty answer is null', async () => {
    script = [(res) => res.writeHead(200).end()]
    await expect(client().http.request({ method: 'PUT', path: '/athlete/i1/wellness-bulk', body: [] })).resolves.toBeNull()
  })

  it('an answer that is not JSON fails as SERVER, with a sentence for the coach; a read is asked again', async () => {
    const garbled: Answer = (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('<html>maintenance</html>')
    script = [garbled]
    await expect(client().http.request({ method: 'POST', path: '/athlete/i1/events', body: {} })).rejects.toMatchObject({
      code: 'SERVER',
      message: 'intervals.icu sent an answer Coach Desk could not read.',
    })
    expect(seen).toHaveLength(1)
    script = [garbled]
    await expect(client().http.request({ path: '/athlete/i1' })).resolves.toEqual({ id: 'i1' })
    expect(seen).toHaveLength(3)
  })

  it('the response is logged at debug with its method, path and status, and the key nowhere', async () => {
    const { http, logged } = client()
    await http.request({ path: '/athlete/i1' })
    expect(logged).toEqual([{ level: 'debug', event: 'icu.response', fields: { method: 'GET', path: '/athlete/i1', status: 200, ms: expect.any(Number) } }])
    const ms = logged[0]!.fields!.ms as number
    expect(ms).toBeGreaterThanOrEqual(0)
    expect(ms).toBeLessThan(5000)
    expect(JSON.stringify(logged)).not.toContain('key-1234abcd')
  })
})

describe('retries', () => {
  it('a failed read is retried with growing backoff: half the base plus a random share of it, doubled each time', async () => {
    script = [json(503, {}), json(503, {}), json(503, {})]
    // Base 40 ms and a random share of 0.25: 20 + 10, then 40 + 20, then 80 + 40.
    const { http, notices, logged } = client({ backoffBaseMs: 40, random: () => 0.25 })
    await expect(http.request({ path: '/athlete/i1' })).resolves.toEqual({ id: 'i1' })
    // Strict: a notice or log line without a Retry-After has no retryAfterMs key at all.
    expect(notices).toStrictEqual([
      { attempt: 1, delayMs: 30, reason: 'SERVER' },
      { attempt: 2, delayMs: 60, reason: 'SERVER' },
      { attempt: 3, delayMs: 120, reason: 'SERVER' },
    ])
    expect(logged.filter((l) => l.level === 'warn')).toStrictEqual(
      [1, 2, 3].map((attempt, i) => ({ level: 'warn', event: 'icu.retry', fields: { method: 'GET', path: '/athlete/i1', code: 'SERVER', attempt, delayMs: [30, 60, 120][i] } })),
    )
    expect(seen).toHaveLength(4)
  })

  it('the backoff is rounded to whole milliseconds', async () => {
    script = [json(500, {})]
    const { http, notices } = client({ backoffBaseMs: 10, random: () => 0.33 })
    await http.request({ path: '/athlete/i1' })
    // 5 + 3.3 ms.
    expect(notices).toEqual([{ attempt: 1, delayMs: 8, reason: 'SERVER' }])
  })

  it('without a backoff given it starts from 500 ms: half of it when the random share is 0', async () => {
    script = [json(502, {})]
    const notices: RetryNotice[] = []
    const http = new IcuHttp({
      baseUrl,
      apiKey: () => 'key-1234abcd',
      limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 4 }),
      log: silentLogger,
      random: () => 0,
      onRetry: (n) => notices.push(n),
    })
    await http.request({ path: '/athlete/i1' })
    expect(notices).toEqual([{ attempt: 1, delayMs: 250, reason: 'SERVER' }])
  })

  it('gives up after four attempts by default, or as many as configured', async () => {
    script = Array.from({ length: 10 }, () => json(500, {}))
    await expect(client().http.request({ path: '/athlete/i1' })).rejects.toMatchObject({ code: 'SERVER' })
    expect(seen).toHaveLength(4)
    seen.length = 0
    await expect(client({ maxAttempts: 2 }).http.request({ path: '/athlete/i1' })).rejects.toMatchObject({ code: 'SERVER' })
    expect(seen).toHaveLength(2)
  })

  it('a read that times out, or whose connection drops, is sent again', async () => {
    script = [silence, drop]
    const { http, notices } = client({ timeoutMs: 300 })
    await expect(http.request({ path: '/athlete/i1' })).resolves.toEqual({ id: 'i1' })
    expect(notices.map((n) => n.reason)).toEqual(['TIMEOUT', 'NETWORK'])
    expect(seen).toHaveLength(3)
  })

  it('a PUT is sent again after a 5xx; a POST is not unless it says it is safe to', async () => {
    script = [json(503, {})]
    await client().http.request({ method: 'PUT', path: '/athlete/i1/events/5', body: { name: 'x' } })
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'PUT'])
    seen.length = 0
    script = [json(503, {})]
    await expect(client().http.request({ method: 'POST', path: '/athlete/i1/events', body: {} })).rejects.toMatchObject({ code: 'SERVER' })
    expect(seen).toHaveLength(1)
    seen.length = 0
    script = [json(503, {})]
    await client().http.request({ method: 'POST', path: '/athlete/i1/events', body: {}, idempotent: true })
    expect(seen).toHaveLength(2)
  })

  it('a 5xx whose text names a refused connection upstream is the server’s failure: a POST is not sent again', async () => {
    script = [json(502, { error: 'upstream connect error: ECONNREFUSED' })]
    await expect(client().http.request({ method: 'POST', path: '/athlete/i1/events', body: {} })).rejects.toMatchObject({ code: 'SERVER' })
    expect(seen).toHaveLength(1)
  })

  it('retries without anyone listening for the notices', async () => {
    script = [json(503, {})]
    const http = new IcuHttp({ baseUrl, apiKey: () => 'key-1234abcd', limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 4 }), log: silentLogger, backoffBaseMs: 8 })
    await expect(http.request({ path: '/athlete/i1' })).resolves.toEqual({ id: 'i1' })
    expect(seen).toHaveLength(2)
  })

  it('a request cancelled while in flight fails as CANCELLED, with a sentence for the coach', async () => {
    script = [silence]
    const ctrl = new AbortController()
    const pending = client().http.request({ path: '/athlete/i1', signal: ctrl.signal })
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5))
    ctrl.abort()
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', message: 'The request was cancelled.' })
    expect(seen).toHaveLength(1)
  })

  it('a refusal the server explains is not retried', async () => {
    script = [json(422, { error: 'Bad date' })]
    await expect(client().http.request({ path: '/athlete/i1' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(seen).toHaveLength(1)
  })

  it('a timeout says how long it waited, in whole seconds', async () => {
    script = [silence]
    await expect(client({ timeoutMs: 1400 }).http.request({ method: 'POST', path: '/athlete/i1/events', body: {} })).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'intervals.icu did not answer within 1 s.',
    })
  })
})

describe('a 429', () => {
  it('is retried even for a POST, ten attempts in all, each after the server’s Retry-After', async () => {
    script = Array.from({ length: 12 }, () => json(429, {}, { 'Retry-After': '0' }))
    const { http, notices, logged } = client()
    await expect(http.request({ method: 'POST', path: '/athlete/i1/events', body: {} })).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    expect(seen).toHaveLength(10)
    expect(notices).toHaveLength(9)
    expect(notices[0]).toEqual({ attempt: 1, delayMs: 0, reason: 'RATE_LIMITED', retryAfterMs: 0 })
    expect(logged.find((l) => l.event === 'icu.retry')?.fields).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 0 })
  })

  it('waits in the shared queue, behind the pause, not in a backoff of its own', async () => {
    script = [json(429, {}, { 'Retry-After': '1' })]
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 4, maxPauseMs: 300 })
    const notices: RetryNotice[] = []
    const http = new IcuHttp({ baseUrl, apiKey: () => 'key-1234abcd', limiter, log: silentLogger, onRetry: (n) => notices.push(n) })
    const done = http.request({ path: '/athlete/i1' })
    while (notices.length === 0) await new Promise((r) => setTimeout(r, 5))
    await new Promise((r) => setTimeout(r, 30))
    expect(notices).toStrictEqual([{ attempt: 1, delayMs: 300, reason: 'RATE_LIMITED', retryAfterMs: 1000 }])
    expect(limiter.pending).toBe(1)
    expect(limiter.waiting).toBe(1)
    await expect(done).resolves.toEqual({ id: 'i1' })
  })

  it('reads a Retry-After written as a date, and caps the pause it causes', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3000)
    script = [json(429, {}, { 'Retry-After': at.toUTCString() })]
    const { http, notices } = client({ maxPauseMs: 20 })
    await http.request({ path: '/athlete/i1' })
    expect(notices).toHaveLength(1)
    expect(notices[0]!.retryAfterMs).toBeGreaterThan(2000)
    expect(notices[0]!.retryAfterMs).toBeLessThanOrEqual(4000)
    expect(notices[0]!.delayMs).toBe(20)
  })

  it('a Retry-After in the past, or negative, is no wait; one that cannot be read falls back to the backoff', async () => {
    script = [json(429, {}, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:00 GMT' }), json(429, {}, { 'Retry-After': '-3' }), json(429, {}, { 'Retry-After': 'soon' })]
    const { http, notices } = client({ backoffBaseMs: 40, random: () => 0.5 })
    await http.request({ path: '/athlete/i1' })
    expect(notices).toStrictEqual([
      { attempt: 1, delayMs: 0, reason: 'RATE_LIMITED', retryAfterMs: 0 },
      { attempt: 2, delayMs: 0, reason: 'RATE_LIMITED', retryAfterMs: 0 },
      // Attempt 3: base 160 ms, 80 + 80.
      { attempt: 3, delayMs: 160, reason: 'RATE_LIMITED' },
    ])
  })
})

describe('nothing listening', () => {
  it('even a POST is tried once more, 300 ms later, since it never reached the server; then NETWORK', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port
        probe.close(() => resolve(p))
      })
    })
    const http = new IcuHttp({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: () => 'key-1234abcd',
      limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 4 }),
      log: silentLogger,
      backoffBaseMs: 8,
      random: () => 0,
    })
    const started = Date.now()
    await expect(http.request({ method: 'POST', path: '/athlete/i1/events', body: {} })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(http.requestCount).toBe(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })
})
