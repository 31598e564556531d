import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { authenticate } from './auth'
import { API_PREFIX, DEMO_API_KEY, DEMO_COACH_ID } from './constants'
import { badRequest, SimHttpError, STATUS_TEXT, tooManyRequests } from './errors'
import { answersInstead, FaultList } from './faults'
import { TokenBucket } from './rateLimit'
import { Router, type RouteContext } from './router'
import { routes } from './routes'
import { TextBody } from './textBody'
import { FileBody } from './fileBody'
import { buildState } from './seed'
import { DEFAULT_PROFILE, type SimProfile } from './profile'
import type { FaultRule, SimHandle, SimOptions, SimRequestLog } from './types'

const MAX_BODY_BYTES = 5 * 1024 * 1024

interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/**
 * Starts a local intervals.icu on 127.0.0.1. Each request goes through, in order: the request log,
 * the latency, injected faults, the rate limiter, authentication, then the route. The limiter sits
 * before authentication because the live limit is per IP address, in front of everything; a
 * refused request never reaches a handler, so it cannot change the state.
 */
export async function startSim(options: SimOptions = {}): Promise<SimHandle> {
  const now = options.now ?? (() => new Date())
  const state = buildState({ seed: options.seed ?? 1, athletes: options.athletes ?? 12, now: now() })
  const limit = options.rateLimit === undefined ? { perSecond: 10, burst: 20 } : options.rateLimit
  const limiter = limit === false ? null : new TokenBucket(limit.perSecond, limit.burst)
  const faults = new FaultList()
  const router = new Router(API_PREFIX, routes)
  const requests: SimRequestLog[] = []
  const sockets = new Set<Socket>()
  let latencyMs = options.latencyMs ?? 0
  const profile: SimProfile = { ...DEFAULT_PROFILE, ...options.profile }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const entry: SimRequestLog = { method, path: url.pathname, query: url.search.slice(1), status: 0, at: Date.now() }
    requests.push(entry)
    try {
      const raw = await readBody(req)
      if (raw) entry.body = loggedBody(raw)
      options.onRequest?.(entry)
      if (latencyMs > 0) await sleep(latencyMs)
      const fault = faults.take(method, url.pathname)
      if (fault) {
        if (fault.delayMs) await sleep(fault.delayMs)
        // A request held back whose client went away meanwhile is never processed.
        if (fault.delayMs && req.socket.destroyed) return
        if (fault.drop) {
          req.socket.destroy()
          return
        }
        if (answersInstead(fault)) {
          send(res, entry, faultReply(fault))
          return
        }
      }
      if (limiter && !limiter.take()) throw tooManyRequests(profile.retryAfter === 'sent')
      authenticate(req.headers.authorization, DEMO_API_KEY)
      const { route, params } = router.match(method, url.pathname, now())
      const ctx: RouteContext = {
        state,
        params,
        query: url.searchParams,
        body: () => parseJson(raw),
        now,
        athletesEndpoint: options.athletesEndpoint ?? true,
        profile,
      }
      const body = await route.handler(ctx)
      if (fault?.stallAfterMs) await sleep(fault.stallAfterMs)
      if (fault?.dropAfter) {
        req.socket.destroy()
        return
      }
      if (body instanceof TextBody) send(res, entry, { status: 200, body: body.text, headers: { 'Content-Type': body.contentType } })
      else if (body instanceof FileBody) send(res, entry, { status: 200, body: body.bytes, headers: body.headers() })
      else send(res, entry, { status: 200, body })
    } catch (error) {
      send(res, entry, errorReply(error))
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    coachId: DEMO_COACH_ID,
    apiKey: DEMO_API_KEY,
    requests,
    // Cleared in place so a reference taken earlier keeps seeing new requests.
    resetRequests: () => {
      requests.length = 0
    },
    addFault: (rule: FaultRule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setLatency: (ms: number) => {
      latencyMs = Math.max(0, ms)
    },
    state,
    profile,
    setProfile: (p: Partial<SimProfile>) => {
      Object.assign(profile, p)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function faultReply(fault: FaultRule): Reply {
  const status = fault.status ?? 200
  const body = fault.body !== undefined ? fault.body : { status, error: STATUS_TEXT[status] ?? 'Error' }
  const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}
  return { status, body, headers }
}

function errorReply(error: unknown): Reply {
  if (error instanceof SimHttpError) return { status: error.status, body: error.body, headers: error.headers }
  const message = error instanceof Error ? error.message : String(error)
  return { status: 500, body: { status: 500, error: message } }
}

function send(res: ServerResponse, entry: SimRequestLog, reply: Reply): void {
  entry.status = reply.status
  if (res.destroyed || res.headersSent) return
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' || reply.body instanceof Uint8Array ? reply.body : JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    ...(text ? { 'Content-Type': 'application/json' } : {}),
    'Content-Length': Buffer.byteLength(text),
    ...reply.headers,
  })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new SimHttpError(413, { status: 413, error: 'Payload Too Large' }))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function loggedBody(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') throw badRequest('Required request body is missing')
  try {
    return JSON.parse(raw) as unknown
  } catch (error) {
    throw badRequest(`JSON parse error: ${error instanceof Error ? error.message : 'malformed JSON'}`)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
