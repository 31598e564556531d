import { BrowserWindow, session, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, secureWebPreferences } from './security'

export interface WindowDeps {
  preloadPath: string
  rendererUrl?: string
  rendererFile: string
  iconPath?: string
}

export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Coach Desk',
    backgroundColor: '#0f172a',
    icon: deps.iconPath,
    webPreferences: secureWebPreferences(deps.preloadPath),
  })
  guardContents(win.webContents)
  win.once('ready-to-show', () => win.show())
  if (deps.rendererUrl) void win.loadURL(deps.rendererUrl)
  else void win.loadFile(deps.rendererFile)
  return win
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

export function rendererPaths(mainDir: string): { preloadPath: string; rendererFile: string } {
  return {
    preloadPath: join(mainDir, '../preload/index.cjs'),
    rendererFile: join(mainDir, '../renderer/index.html'),
  }
}
