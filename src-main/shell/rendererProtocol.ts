import { realpath, readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { isAppUrl } from '../appOrigin'
import { CONTENT_SECURITY_POLICY } from '../security'

/**
 * What the built renderer is made of. A file of any other type is not served: the window has no
 * use for it, and guessing a type invites sniffing.
 */
export const RENDERER_MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

function refuse(status: 400 | 403 | 404 | 405): Response {
  const text = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' }[status]
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * Serves one request of the app scheme from the built renderer folder, and nothing outside it:
 * no `..` (plain or encoded), no backslashes, no link that leads out of the folder, only regular files
 * of the renderer's types. Every page carries the CSP header as well as the meta tag.
 */
export async function serveRendererFile(rendererDir: string, request: { url: string; method?: string }): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') return refuse(405)
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return refuse(400)
  }
  if (!isAppUrl(url)) return refuse(404)
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return refuse(400)
  }
  if (path === '' || path === '/') path = '/index.html'
  const segments = path.split('/')
  if (path.includes('\0') || path.includes('\\') || segments.some((s) => s === '..' || s === '.')) return refuse(403)

  const root = resolve(rendererDir)
  const candidate = resolve(root, `.${path}`)
  if (!inside(root, candidate)) return refuse(403)
  const type = RENDERER_MIME_TYPES[extname(candidate).toLowerCase()]
  if (!type) return refuse(404)

  let real: string
  try {
    // Both resolved: the folder itself may sit behind a link (an app image mount, a dev checkout).
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!inside(realRoot, realFile)) return refuse(403)
    real = realFile
    if (!(await stat(real)).isFile()) return refuse(404)
  } catch {
    return refuse(404)
  }
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' }
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
  const body = method === 'HEAD' ? null : await readFile(real)
  return new Response(body, { status: 200, headers })
}
