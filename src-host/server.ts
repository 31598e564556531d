import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createCore, type Core, type CoreOptions } from '../src-main/core'
import { EVENTS } from '../src-main/contract/channels'
import { CONTENT_SECURITY_POLICY } from '../src-main/security'
import { HostAccess } from './access'

const ROOT = resolve(import.meta.dirname, '..')
const MAX_BODY = 1 << 20
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface HostHandle {
  url: string
  /** The one-time link that lets one browser in (it sets that browser's cookie); spent on first use. */
  openUrl: string
  core: Core
  close(): Promise<void>
}

/**
 * The browser host: serves the built renderer to a browser and carries the bridge's calls over
 * HTTP to the same createCore that Electron main uses. Transport only; no app logic lives here.
 */
export async function startHost(options: Omit<CoreOptions, 'emit'> & { port?: number; rendererDir?: string }): Promise<HostHandle> {
  const streams = new Set<ServerResponse>()
  const core = createCore({
    ...options,
    emit: (event, payload) => {
      if (!EVENTS.includes(event)) return
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const s of streams) s.write(frame)
    },
  })
  let origin = ''
  const access = new HostAccess()
  // A secret of this run, put into the page it serves (only to the browser holding the cookie): a
  // second check on every call and the event stream.
  const token = randomBytes(24).toString('hex')

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another name that resolves here (DNS rebinding) sends its own Host: refuse it.
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421)
      res.end()
      return
    }
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname === '/' && url.searchParams.has('secret') && req.method === 'GET') {
      const setCookie = access.redeem(url.searchParams.get('secret'))
      if (!setCookie) return refuse(res, 401, 'This link was already used or is not valid. Restart Coach Desk to get a new one.')
      res.writeHead(303, { Location: '/', 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' })
      res.end()
      return
    }
    if (!access.admits(req)) {
      return refuse(res, 401, 'Open Coach Desk from the link it printed when it started.', url.pathname.startsWith('/ipc/'))
    }
    if (url.pathname.startsWith('/ipc/') && req.method === 'POST') {
      // The sender check: only the page this host served, holding this run's token, may call the core.
      if (
        req.headers.origin !== origin ||
        req.headers['x-coach-desk-token'] !== token ||
        !String(req.headers['content-type']).startsWith('application/json')
      ) {
        res.writeHead(403, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Coach Desk.' } }))
        return
      }
      const raw = await readBody(req)
      if (raw === null) {
        res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' })
        res.end(JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'That request is too large for Coach Desk.' } }))
        return
      }
      let args: unknown
      try {
        args = JSON.parse(raw)
      } catch {
        args = Symbol('unparseable')
      }
      const result = await core.invoke(decodeURIComponent(url.pathname.slice(5)), args)
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify(result))
      return
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      if (url.searchParams.get('token') !== token) {
        res.writeHead(403)
        res.end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (req.method !== 'GET') {
      res.writeHead(405)
      res.end()
      return
    }
    await serveStatic(url.pathname, res, token, options.rendererDir ?? join(ROOT, 'out/renderer'))
  }

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok))
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  access.listeningOn(port)
  const openUrl = origin + access.launchPath()
  await core.start()
  return {
    url: origin,
    openUrl,
    core,
    async close() {
      for (const s of streams) s.end()
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
      await core.dispose()
    },
  }
}

/** rendererDir: the built window; the bench can point it at another build to compare two side by side. */
async function serveStatic(pathname: string, res: ServerResponse, token: string, rendererDir: string): Promise<void> {
  if (pathname === '/host-bridge.js') return sendFile(join(ROOT, 'out/host/host-bridge.js'), res)
  const rel = pathname === '/' ? 'index.html' : normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '')
  const file = resolve(rendererDir, rel)
  if (!file.startsWith(rendererDir + sep)) {
    res.writeHead(404)
    res.end()
    return
  }
  if (rel === 'index.html') {
    const html = await readFile(file, 'utf8')
    // The host's bridge stands where Electron's preload would: before any page script.
    const injected = html.replace('<head>', `<head>\n    <script src="/host-bridge.js" data-token="${token}"></script>`)
    res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Content-Security-Policy': CONTENT_SECURITY_POLICY })
    res.end(injected)
    return
  }
  return sendFile(file, res)
}

async function sendFile(file: string, res: ServerResponse): Promise<void> {
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(body)
  } catch {
    res.writeHead(404)
    res.end()
  }
}

function refuse(res: ServerResponse, status: number, message: string, json = false): void {
  if (json) {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    res.end(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message } }))
  } else {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(message)
  }
}

/** The body as text, or null when it is over MAX_BODY (the rest is left for Node to discard, so the 413 still arrives). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, fail) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return ok(null)
    let size = 0
    const chunks: Buffer[] = []
    const onData = (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) return void chunks.push(c)
      req.off('data', onData)
      ok(null)
    }
    req.on('data', onData)
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')))
    req.on('error', fail)
  })
}
