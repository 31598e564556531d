// Where the built renderer lives inside Electron: a privileged scheme of our own instead of file://,
// so the window has a real origin and no other file on the disk shares it. Free of Electron imports
// so the sender check and its tests can use it.

export const APP_SCHEME = 'app'
export const APP_HOST = 'coach-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The page the window opens; the router uses hash history, so every view lives under this one file. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Whether a URL is one of ours: exactly the app scheme and host, no credentials, no port. */
export function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && !url.port && !url.username && !url.password
}
