// The security baseline, kept free of Electron imports so it is tested as plain functions.
import { isAppUrl } from './appOrigin'

/** Hosts the app may open in the system browser, https only. */
export const EXTERNAL_HOSTS = ['intervals.icu', 'forum.intervals.icu', 'www.garmin.com', 'zwift.com', 'www.zwift.com']

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && !url.username && !url.password && EXTERNAL_HOSTS.includes(url.hostname)
}

/** The renderer needs no network: everything goes through main. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const
}

/**
 * Only our own window's main frame, loaded from our own origin, may call main: the built renderer
 * on app://coach-desk, or the dev server named at start (development only). A file:// page is not
 * ours: any file on the disk shares that origin.
 */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  isOurWindow: boolean,
  devServerUrl?: string,
): boolean {
  if (!frame || !isOurWindow || frame.parent) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  if (isAppUrl(url)) return true
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}
