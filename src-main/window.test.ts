import { beforeEach, describe, expect, it, vi } from 'vitest'

// Small fakes of the Electron objects the window glue touches.
const shell = { openExternal: vi.fn(async () => {}) }
const handlers: Record<string, (...a: unknown[]) => unknown> = {}
const ses = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onHeadersReceived: vi.fn() },
}
vi.mock('electron', () => ({
  shell,
  session: { defaultSession: ses },
  BrowserWindow: vi.fn(),
}))

const { guardContents, hardenSession } = await import('./window')

function fakeContents() {
  let openHandler: ((d: { url: string }) => { action: string }) | null = null
  return {
    on: (event: string, fn: (...a: unknown[]) => unknown) => (handlers[event] = fn),
    setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (openHandler = fn),
    open: (url: string) => openHandler!({ url }),
  }
}

describe('window guards', () => {
  beforeEach(() => {
    shell.openExternal.mockClear()
  })

  it('denies navigation, redirects and webviews', () => {
    const wc = fakeContents()
    guardContents(wc as never)
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() }
      handlers[event]!(e, 'https://evil.com/')
      expect(e.preventDefault).toHaveBeenCalled()
    }
  })

  it('denies every new window; allowed https links go to the system browser', () => {
    const wc = fakeContents()
    guardContents(wc as never)
    expect(wc.open('https://intervals.icu/')).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledWith('https://intervals.icu/')
    expect(wc.open('https://evil.com/')).toEqual({ action: 'deny' })
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('refuses every permission request and check, and sets the CSP header', () => {
    hardenSession()
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn()
      request({}, permission, cb)
      expect(cb).toHaveBeenCalledWith(false)
    }
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean
    expect(check()).toBe(false)
    const onHeaders = ses.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: unknown, cb: (r: unknown) => void) => void
    const cb = vi.fn()
    onHeaders({ responseHeaders: { 'X-Other': ['1'] } }, cb)
    expect(cb.mock.calls[0]![0]).toMatchObject({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [expect.stringContaining("default-src 'self'")] },
    })
  })
})
