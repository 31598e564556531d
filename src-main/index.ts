import { app, BrowserWindow, dialog, ipcMain, nativeImage, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from './core'
import { electronDialogs } from './dialogs'
import { dragFolder } from './services/exports/drag'
import { fixedFolderDialogs } from './services/exports/dialogs'
import { EVENTS, type EventName } from './contract/channels'
import { registerIpc } from './ipc'
import { createLogger } from './log'
import { IsolatedKeychainStore } from './secrets/isolatedKeychain'
import { KEYCHAIN_WORKER_FILE } from './secrets/keychainProtocol'
import { MemorySecretStore } from './secrets/memory'
import { utilityKeychainWorker } from './secrets/utilityKeychainWorker'
import { DEMO_API_KEY, DEMO_COACH_ID, startSim } from './sim'
import { createMainWindow, hardenSession, rendererPaths } from './window'

const mainDir = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = process.env.ELECTRON_RENDERER_URL
let win: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) app.quit()

/** The demo's simulator, in-process; COACH_DESK_DEMO_URL points it at one already running (tests). */
async function demoServer() {
  const url = process.env.COACH_DESK_DEMO_URL
  if (url) return { url, coachId: DEMO_COACH_ID, apiKey: DEMO_API_KEY, close: async () => {} }
  return startSim({ latencyMs: 40 })
}

app.whenReady().then(async () => {
  const log = createLogger({
    file: process.env.COACH_DESK_LOG_FILE || join(app.getPath('userData'), 'logs', 'main.log'),
    console: !app.isPackaged,
  })
  hardenSession()
  const dataDir = app.getPath('userData')
  // Tests that launch Electron choose no folder in a native dialog: every export goes to this one.
  const exportDir = process.env.COACH_DESK_EXPORT_DIR
  const core = createCore({
    dataDir,
    dialogs: exportDir ? fixedFolderDialogs(exportDir) : electronDialogs(dialog, () => win, () => app.getPath('downloads')),
    // Tests that launch Electron keep keys in memory instead of the user's keychain.
    // The keychain runs in a utility process: keytar can crash natively on a locked keyring.
    secrets:
      process.env.COACH_DESK_SECRET_STORE === 'memory'
        ? new MemorySecretStore()
        : new IsolatedKeychainStore(utilityKeychainWorker(join(mainDir, KEYCHAIN_WORKER_FILE))),
    baseUrl: process.env.ICU_BASE_URL || undefined,
    log,
    emit: (event: EventName, payload: unknown) => {
      if (EVENTS.includes(event) && win && !win.isDestroyed()) win.webContents.send(event, payload)
    },
    startDemo: () => demoServer(),
    openExternal: (url) => shell.openExternal(url),
    demoWhenDisconnected: process.argv.includes('--demo') || process.env.COACH_DESK_DEMO === '1',
  })
  const dragIcon = nativeImage.createFromPath(join(mainDir, '../../resources/drag-workout.png'))
  registerIpc(ipcMain, core, () => win, log, devServerUrl, { icon: dragIcon, root: dragFolder(dataDir) })
  await core.start()
  const open = () => {
    win = createMainWindow({ ...rendererPaths(mainDir), rendererUrl: devServerUrl, iconPath: join(mainDir, '../../resources/icon.png') })
    win.on('closed', () => (win = null))
  }
  open()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
  app.on('will-quit', () => void core.dispose())
}).catch((e: unknown) => {
  // A start that fails (a data folder it cannot write, a core that cannot start) must say so, not leave
  // the app running with no window.
  const message = e instanceof Error ? e.message : String(e)
  console.error('Coach Desk could not start:', message)
  dialog.showErrorBox('Coach Desk could not start', message)
  app.exit(1)
})

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
