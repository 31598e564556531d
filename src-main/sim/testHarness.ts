// Shared by the simulator's tests: a sim on a free port and a tiny authenticated fetch wrapper.
import { startSim } from './server'
import type { SimHandle, SimOptions } from './types'

/** A fixed clock: 20:00 UTC is already tomorrow in Auckland and Sydney, which the date tests need. */
export const FIXED_NOW = new Date('2026-03-10T20:00:00Z')

export interface ApiResponse {
  status: number
  body: unknown
  headers: Headers
}

export function basicAuth(key: string, user = 'API_KEY'): string {
  return `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`
}

export async function startTestSim(options: SimOptions = {}): Promise<SimHandle> {
  return startSim({ now: () => FIXED_NOW, rateLimit: false, ...options })
}

export function client(sim: SimHandle, authorization: string | null = basicAuth(sim.apiKey)) {
  async function call(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = {}
    if (authorization !== null) headers.Authorization = authorization
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(`${sim.url}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers }
  }
  return {
    get: (path: string, init?: RequestInit) => call('GET', path, undefined, init),
    post: (path: string, body?: unknown) => call('POST', path, body),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    del: (path: string) => call('DELETE', path),
  }
}
