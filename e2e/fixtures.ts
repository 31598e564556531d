import { test as base, expect as baseExpect, chromium, _electron, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createLogger } from '../src-main/log'
import { MemorySecretStore } from '../src-main/secrets/memory'
import { fixedFolderDialogs } from '../src-main/services/exports/dialogs'
import { startSim, type SimHandle } from '../src-main/sim'
import { checkRequest } from '../src-main/sim/requestCheck'
import { startHost } from '../src-host/server'
import { electronBinary } from '../scripts/electron-binary.mjs'

const ROOT = resolve(import.meta.dirname, '..')

/** The browser the browser host is tested in: Debian's Chromium here, the runner's Chrome elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Chromium flags for this kind of machine: no sandbox as root, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface AppUnderTest {
  page: Page
  /** The simulator the app talks to (its state and request log). */
  sim: SimHandle
  /** Accounts with a stored key; null where the store lives in another process (Electron). */
  storedAccounts(): Promise<string[] | null>
  /** Everything the app's main side wrote to its log. */
  logFile: string
  dataDir: string
  /** Where exports go: the fixture stands in for the folder and Save dialogs. */
  exportDir: string
  mode: 'electron' | 'browser-host'
}

/** Errors the window wrote to its console or threw: a spec fails on any of them. */
function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    // Chromium asks the host for /favicon.ico on its own; Electron never does, and the app links none.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} (${m.location().url})`)
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  return errors
}

/**
 * One fixture, two ways to start the app: real Electron where the binary is installed, otherwise the
 * browser host (same built renderer in Debian's Chromium, same createCore, HTTP in place of IPC).
 */
export const test = base.extend<{ app: AppUnderTest; appTime: string | undefined; athletes: number }>({
  /** A fixed instant (ISO) for the app's clock, browser host only: a spec can put the coach just past midnight. */
  appTime: [undefined, { option: true }],
  /** How many athletes the demo coaches: `test.use({ athletes: 200 })` for a large roster. */
  athletes: [12, { option: true }],
  app: async ({ appTime, athletes }, use) => {
    let consoleErrors: string[] = []
    // Every request the app sends is checked against the OpenAPI document; a spec fails on one that breaks it.
    const offDocument: string[] = []
    const sim = await startSim({ athletes, rateLimit: { perSecond: 50, burst: 50 }, onRequest: (r) => offDocument.push(...checkRequest(r)) })
    const dataDir = mkdtempSync(join(tmpdir(), 'coach-desk-e2e-'))
    const logFile = join(dataDir, 'logs', 'main.log')
    const exportDir = mkdtempSync(join(tmpdir(), 'coach-desk-e2e-exports-'))
    const electron = electronBinary()
    try {
      if (electron) {
        const app = await _electron.launch({
          executablePath: electron,
          args: [join(ROOT, 'out/main/index.js'), `--user-data-dir=${dataDir}`],
          env: {
            ...process.env,
            ICU_BASE_URL: sim.url,
            COACH_DESK_DEMO_URL: sim.url,
            COACH_DESK_SECRET_STORE: 'memory',
            COACH_DESK_LOG_FILE: logFile,
            COACH_DESK_EXPORT_DIR: exportDir,
          },
        })
        const page = await app.firstWindow()
        consoleErrors = watchConsole(page)
        await use({ page, sim, storedAccounts: async () => null, logFile, dataDir, exportDir, mode: 'electron' })
        await app.close()
      } else {
        const secrets = new MemorySecretStore()
        const host = await startHost({
          secrets,
          baseUrl: sim.url,
          log: createLogger({ file: logFile, minLevel: 'debug' }),
          dataDir,
          dialogs: fixedFolderDialogs(exportDir),
          ...(appTime ? { now: () => new Date(appTime) } : {}),
          // The demo opens the fixture's simulator, so specs can inspect what the app wrote.
          startDemo: async () => ({ url: sim.url, coachId: sim.coachId, apiKey: sim.apiKey, close: async () => {} }),
        })
        const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
        const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
        consoleErrors = watchConsole(page)
        // The one-time link, as the host opens it: this browser gets the cookie every request needs.
        await page.goto(host.openUrl)
        await use({ page, sim, storedAccounts: () => secrets.accounts(), logFile, dataDir, exportDir, mode: 'browser-host' })
        await browser.close()
        await host.close()
      }
    } finally {
      await sim.close()
      // The app's data and export folders go with the test, whether it passed or not.
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(exportDir, { recursive: true, force: true })
    }
    if (offDocument.length) throw new Error(`Requests that break the OpenAPI document:\n${[...new Set(offDocument)].join('\n')}`)
    baseExpect(consoleErrors, 'errors in the window console').toEqual([])
  },
})


export const expect = test.expect
