import { BrowserWindow, session, shell, type Protocol, type Screen, type WebContents } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, secureWebPreferences } from './security'
import { serveRendererFile } from './shell/rendererProtocol'
import { MIN_SIZE, type WindowPlace } from './shell/windowState'

export interface WindowDeps {
  preloadPath: string
  /** The dev server in development; otherwise the built renderer on the app scheme. */
  rendererUrl?: string
  iconPath?: string
  place: WindowPlace
}

export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const win = new BrowserWindow({
    ...deps.place.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Coach Desk',
    backgroundColor: '#0f172a',
    icon: deps.iconPath,
    webPreferences: secureWebPreferences(deps.preloadPath),
  })
  guardContents(win.webContents)
  if (deps.place.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  void win.loadURL(deps.rendererUrl ?? APP_ENTRY_URL)
  return win
}

/**
 * The app scheme is standard (a real origin, relative URLs), secure (like https) and may be fetched;
 * CORS-enabled because Vite's module scripts are requested in CORS mode (same origin: no header is
 * needed, and no other origin gets one). Must run before the app is ready.
 */
export function registerRendererScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ])
}

/** Serves the built renderer folder on the app scheme (after ready). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request))
}

/**
 * Reports the window's place (its normal bounds, whether maximised, the display it is on) whenever it
 * settles after a move or resize, and when it closes.
 */
export function trackWindowPlace(
  win: Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>,
  screen: Pick<Screen, 'getDisplayMatching'>,
  remember: (displayId: number, place: WindowPlace, closing: boolean) => void,
  settleMs = 500,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const record = (closing: boolean) => {
    clearTimeout(timer)
    if (win.isDestroyed()) return
    const bounds = win.getNormalBounds()
    remember(screen.getDisplayMatching(bounds).id, { bounds, maximized: win.isMaximized() }, closing)
  }
  const soon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => record(false), settleMs)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', soon)
  win.on('close', () => record(true))
}

/** No navigation away, no new windows (allowed https links go to the system browser). */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Every permission request (camera, notifications, geolocation...) is refused; CSP on every response. */
export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}

export function rendererPaths(mainDir: string): { preloadPath: string; rendererDir: string } {
  return {
    preloadPath: join(mainDir, '../preload/index.cjs'),
    rendererDir: join(mainDir, '../renderer'),
  }
}
