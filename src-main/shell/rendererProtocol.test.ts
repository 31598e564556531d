import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveRendererFile } from './rendererProtocol'

// A built renderer folder beside a secret the app must never serve, and links that lead out.
let base: string
let renderer: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'coach-desk-protocol-'))
  renderer = join(base, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Coach Desk</title>')
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(renderer, 'assets', 'logo.svg'), '<svg/>')
  writeFileSync(join(renderer, 'assets', 'font.woff2'), 'w')
  writeFileSync(join(renderer, 'assets', 'notes.txt'), 'not part of the renderer')
  writeFileSync(join(renderer, 'assets', 'index-abc.js.map'), '{}')
  writeFileSync(join(base, 'secret.js'), 'the key')
  mkdirSync(join(base, 'outside'))
  writeFileSync(join(base, 'outside', 'other.js'), 'outside')
  symlinkSync(join(base, 'secret.js'), join(renderer, 'assets', 'link-out.js'))
  symlinkSync(join(base, 'outside'), join(renderer, 'linked-folder'))
  symlinkSync(join(renderer, 'assets', 'index-abc.js'), join(renderer, 'assets', 'link-in.js'))
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => serveRendererFile(renderer, { url, method })

describe('the app scheme serves the built renderer and nothing else', () => {
  it.each([
    ['app://coach-desk/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Coach Desk</title>'],
    ['app://coach-desk/', 'text/html; charset=utf-8', '<!doctype html><title>Coach Desk</title>'],
    ['app://coach-desk/index.html#/calendar', 'text/html; charset=utf-8', '<!doctype html><title>Coach Desk</title>'],
    ['app://coach-desk/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://coach-desk/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://coach-desk/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://coach-desk/assets/font.woff2', 'font/woff2', 'w'],
    ['app://coach-desk/assets/link-in.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('%s is served as %s', async (url, type, body) => {
    const res = await get(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toBe(body)
  })

  it('a page carries the CSP header; HEAD answers without a body', async () => {
    const page = await get('app://coach-desk/index.html')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    // No other origin may read what the scheme serves.
    expect(page.headers.get('access-control-allow-origin')).toBeNull()
    const head = await get('app://coach-desk/assets/index-abc.js', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it.each([
    ['app://coach-desk/assets/..%2f..%2fsecret.js', 403],
    ['app://coach-desk/..%5csecret.js', 403],
    ['app://coach-desk/assets%5c..%5c..%5csecret.js', 403],
    ['app://coach-desk/%00index.html', 403],
    ['app://coach-desk/assets/link-out.js', 403],
    ['app://coach-desk/linked-folder/other.js', 403],
  ])('a way out of the folder (%s) is refused with %i', async (url, status) => {
    const res = await get(url)
    expect(res.status).toBe(status)
    expect(await res.text()).not.toContain('the key')
  })

  it.each(['app://coach-desk/assets/../../secret.js', 'app://coach-desk/%2e%2e/secret.js', 'app://coach-desk/assets/%2E%2E/%2E%2E/secret.js'])(
    'the URL parser folds %s into the folder, so it can only name files inside it',
    async (url) => {
      const res = await get(url)
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('the key')
    },
  )

  it.each([
    ['a file that does not exist', 'app://coach-desk/assets/missing.js', 404],
    ['a folder', 'app://coach-desk/assets', 404],
    ['a type the renderer is not made of', 'app://coach-desk/assets/notes.txt', 404],
    ['a source map', 'app://coach-desk/assets/index-abc.js.map', 404],
    ['another host of the scheme', 'app://elsewhere/index.html', 404],
    ['our host with a port', 'app://coach-desk:8080/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['a broken escape', 'app://coach-desk/%E0%A4%A.js', 400],
  ])('%s is not served', async (_what, url, status) => {
    expect((await get(url)).status).toBe(status)
  })

  it('only GET and HEAD are answered', async () => {
    expect((await get('app://coach-desk/index.html', 'POST')).status).toBe(405)
    expect((await get('app://coach-desk/index.html', 'PUT')).status).toBe(405)
  })
})

describe('the built renderer through the app scheme', () => {
  const built = resolve(import.meta.dirname, '../../out/renderer')

  it('serves index.html and every script, style and image it names, each with its type', async () => {
    expect(existsSync(join(built, 'index.html')), 'run `npm run build` first').toBe(true)
    const page = await serveRendererFile(built, { url: 'app://coach-desk/index.html' })
    expect(page.status).toBe(200)
    const html = await page.text()
    const refs = [...html.matchAll(/(?:src|href)="\.?\/?([^"#?]+)"/g)].map((m) => m[1]!).filter((r) => !r.includes(':'))
    expect(refs.some((r) => r.endsWith('.js'))).toBe(true)
    expect(refs.some((r) => r.endsWith('.css'))).toBe(true)
    for (const ref of refs) {
      const res = await serveRendererFile(built, { url: new URL(ref, 'app://coach-desk/index.html').href })
      expect(res.status, ref).toBe(200)
      const type = res.headers.get('content-type')!
      if (ref.endsWith('.js')) expect(type, ref).toBe('text/javascript; charset=utf-8')
      if (ref.endsWith('.css')) expect(type, ref).toBe('text/css; charset=utf-8')
    }
  })
})
