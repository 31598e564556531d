import { beforeEach, describe, expect, it, vi } from 'vitest'

// Small fakes of the Electron objects the window glue touches.
const shell = { openExternal: vi.fn(async () => {}) }
const handlers: Record<string, (...a: unknown[]) => unknown> = {}
const ses = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onHeadersReceived: vi.fn() },
}
const created: { options: Record<string, unknown>; win: ReturnType<typeof fakeWindow> }[] = []
function fakeWindow() {
  const listeners: Record<string, (() => void)[]> = {}
  return {
    listeners,
    webContents: { on: vi.fn(), setWindowOpenHandler: vi.fn() },
    loadURL: vi.fn(async () => {}),
    loadFile: vi.fn(async () => {}),
    maximize: vi.fn(),
    show: vi.fn(),
    once: vi.fn(),
    on: (event: string, fn: () => void) => (listeners[event] ??= []).push(fn),
    emit: (event: string) => listeners[event]?.forEach((fn) => fn()),
    getNormalBounds: vi.fn(() => ({ x: 10, y: 20, width: 1200, height: 800 })),
    isMaximized: vi.fn(() => false),
    isDestroyed: vi.fn(() => false),
  }
}
vi.mock('electron', () => ({
  shell,
  session: { defaultSession: ses },
  BrowserWindow: vi.fn(function (this: unknown, options: Record<string, unknown>) {
    const win = fakeWindow()
    created.push({ options, win })
    return win
  }),
}))

const { createMainWindow, guardContents, hardenSession, registerRendererScheme, serveRenderer, trackWindowPlace } = await import('./window')

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

describe('the window and its renderer', () => {
  const place = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true }

  it('opens the built renderer on app://coach-desk, never a file:// page, where it was last', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', place })
    const { options, win } = created.at(-1)!
    expect(options).toMatchObject({ x: 100, y: 50, width: 1200, height: 800, minWidth: 960, minHeight: 600, show: false })
    expect(win.loadURL).toHaveBeenCalledWith('app://coach-desk/index.html')
    expect(win.loadFile).not.toHaveBeenCalled()
    expect(win.maximize).toHaveBeenCalled()
  })

  it('loads the dev server when one is named (development)', () => {
    createMainWindow({ preloadPath: '/p.cjs', rendererUrl: 'http://localhost:5173', place: { ...place, maximized: false } })
    const { win } = created.at(-1)!
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    expect(win.maximize).not.toHaveBeenCalled()
  })

  it('registers app as a standard, secure scheme that fetch may use', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerRendererScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ])
  })

  it('serves the scheme from the renderer folder only', async () => {
    const protocol = { handle: vi.fn() }
    serveRenderer(protocol as never, '/nowhere/renderer')
    expect(protocol.handle.mock.calls[0]![0]).toBe('app')
    const handler = protocol.handle.mock.calls[0]![1] as (r: { url: string; method: string }) => Promise<Response>
    expect((await handler({ url: 'app://coach-desk/index.html', method: 'GET' })).status).toBe(404)
    expect((await handler({ url: 'app://coach-desk/..%2f..%2fetc/passwd', method: 'GET' })).status).toBe(403)
  })

  it('reports the window place once a move settles and when it closes, with the display it is on', async () => {
    vi.useFakeTimers()
    const win = fakeWindow()
    const screen = { getDisplayMatching: vi.fn(() => ({ id: 42 })) }
    const remember = vi.fn()
    trackWindowPlace(win as never, screen as never, remember, 500)
    win.emit('move')
    win.emit('resize')
    win.emit('move')
    expect(remember).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(500)
    expect(remember).toHaveBeenCalledTimes(1)
    expect(remember).toHaveBeenLastCalledWith(42, { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: false }, false)
    win.isMaximized.mockReturnValue(true)
    win.emit('close')
    expect(remember).toHaveBeenLastCalledWith(42, { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true }, true)
    expect(screen.getDisplayMatching).toHaveBeenCalledWith({ x: 10, y: 20, width: 1200, height: 800 })
    vi.useRealTimers()
  })
})
