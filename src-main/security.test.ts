import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isTrustedSender, secureWebPreferences } from './security'

const ROOT = resolve(import.meta.dirname, '..')

describe('security baseline', () => {
  it('pins the window to an isolated, sandboxed renderer without Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('ships a strict CSP in the built index.html (the renderer needs no network)', () => {
    const built = resolve(ROOT, 'out/renderer/index.html')
    expect(existsSync(built), 'run `npm run build` first').toBe(true)
    const html = readFileSync(built, 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(csp).toBeDefined()
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/)
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })

  it.each([
    ['https://intervals.icu/settings', true],
    ['https://forum.intervals.icu/t/api/123', true],
    ['http://intervals.icu/', false],
    ['https://intervals.icu.evil.com/', false],
    ['https://evil.com/?https://intervals.icu', false],
    ['https://user:pw@intervals.icu/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://intervals.icu/share', false],
    ['not a url', false],
  ])('openExternal allows %s: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed)
  })

  it.each([
    [{ url: 'app://coach-desk/index.html#/roster', parent: null }, true, undefined, true],
    [{ url: 'app://coach-desk/index.html', parent: {} }, true, undefined, false],
    [{ url: 'app://coach-desk/index.html', parent: null }, false, undefined, false],
    [{ url: 'file:///app/out/renderer/index.html', parent: null }, true, undefined, false],
    [{ url: 'file:///home/coach/Downloads/page.html', parent: null }, true, undefined, false],
    [{ url: 'app://elsewhere/index.html', parent: null }, true, undefined, false],
    [{ url: 'app://coach-desk.evil.com/index.html', parent: null }, true, undefined, false],
    [{ url: 'app://coach-desk:8080/index.html', parent: null }, true, undefined, false],
    [{ url: 'app://user@coach-desk/index.html', parent: null }, true, undefined, false],
    [{ url: 'apps://coach-desk/index.html', parent: null }, true, undefined, false],
    [{ url: 'app://coach-desk/index.html', parent: null }, true, 'http://localhost:5173', true],
    [{ url: 'https://evil.com/', parent: null }, true, undefined, false],
    [{ url: 'http://localhost:5173/#/roster', parent: null }, true, 'http://localhost:5173', true],
    [{ url: 'http://localhost:5174/', parent: null }, true, 'http://localhost:5173', false],
    [{ url: 'http://localhost:5173/', parent: null }, true, undefined, false],
    [null, true, undefined, false],
  ])('sender check %#', (frame, ours, dev, expected) => {
    expect(isTrustedSender(frame, ours, dev)).toBe(expected)
  })
})
