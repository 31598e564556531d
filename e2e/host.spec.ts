import { test, expect } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src-main/log'
import { MemorySecretStore } from '../src-main/secrets/memory'
import { startSim } from '../src-main/sim'
import { startHost } from './host/server'

/** A raw request, so the test can set Host and Origin as another local process could. */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      // The event stream never ends by itself: its status is enough.
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        res.destroy()
        return resolve({ status: res.statusCode ?? 0, body: '' })
      }
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

test("the browser host answers only the page it served, with this run's token", async () => {
  const sim = await startSim()
  const host = await startHost({
    secrets: new MemorySecretStore(),
    baseUrl: sim.url,
    log: silentLogger,
    dataDir: mkdtempSync(join(tmpdir(), 'coach-desk-host-')),
    startDemo: async () => ({ url: sim.url, coachId: sim.coachId, apiKey: sim.apiKey, close: async () => {} }),
  })
  try {
    const page = await send(`${host.url}/`, {})
    const token = /data-token="([0-9a-f]+)"/.exec(page.body)?.[1]
    expect(token).toMatch(/^[0-9a-f]{48}$/)
    const call = (headers: Record<string, string>) =>
      send(`${host.url}/ipc/session:openDemo`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' })

    // Another local process forging the Origin, but without the token: refused, nothing runs.
    expect((await call({ Origin: host.url })).status).toBe(403)
    expect((await call({ Origin: host.url, 'X-Coach-Desk-Token': 'guess' })).status).toBe(403)
    expect((await call({ Origin: 'http://evil.test', 'X-Coach-Desk-Token': token! })).status).toBe(403)
    expect(sim.requests).toHaveLength(0)
    // A rebinding page sends its own Host name.
    expect((await send(`${host.url}/`, { headers: { Host: 'evil.test:5174' } })).status).toBe(421)
    expect((await send(`${host.url}/events`, {})).status).toBe(403)
    expect((await send(`${host.url}/events?token=${token}`, {})).status).toBe(200)

    const ok = await call({ Origin: host.url, 'X-Coach-Desk-Token': token! })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { state: 'demo' } })
  } finally {
    await host.close()
    await sim.close()
  }
})
