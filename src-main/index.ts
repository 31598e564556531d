import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, screen, shell } from 'electron'
import { dirname, join } from 'node:path'
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
import { DEMO_API_KEY, DEMO_COACH_ID } from './sim/constants'
import { demoAthletes } from './demoSize'
import { desktopActions, takeSecondInstance } from './shell/desktop'
import { electronUpdates } from './shell/electronUpdates'
import { menuTemplate } from './shell/menu'
import { OpenedFileQueue, workoutFilesInArgs } from './shell/openedFiles'
import type { UpdateChecker } from './shell/updates'
import { readWindowState, rememberPlace, restorePlace, writeWindowState, writeWindowStateNow } from './shell/windowState'
import { createMainWindow, hardenSession, registerRendererScheme, rendererPaths, serveRenderer, trackWindowPlace } from './window'

const mainDir = fileURLToPath(new URL('.', import.meta.url))
// The dev server (npm run dev) only outside a package: an installed copy never loads or trusts another origin.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
let win: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) app.quit()
// Before ready: the built renderer is served on app://coach-desk, never from file://.
registerRendererScheme(protocol)

// Workout files opened from the OS wait until the window can import them.
const openedFiles = new OpenedFileQueue()
for (const path of workoutFilesInArgs(process.argv.slice(1), process.cwd())) openedFiles.add(path)
// macOS hands files over by event (double-click, Dock), possibly before ready.
app.on('open-file', (event, path) => {
  event.preventDefault()
  openedFiles.add(path)
})

/** The demo's simulator, in-process; COACH_DESK_DEMO_URL points it at one already running (tests). */
async function demoServer() {
  const url = process.env.COACH_DESK_DEMO_URL
  if (url) return { url, coachId: DEMO_COACH_ID, apiKey: DEMO_API_KEY, close: async () => {} }
  // Loaded only when the demo opens: a connected coach's app never loads the simulator.
  const { startSim } = await import('./sim/server')
  return startSim({ latencyMs: 40, athletes: demoAthletes() })
}

app.whenReady().then(async () => {
  const logFile = process.env.COACH_DESK_LOG_FILE || join(app.getPath('userData'), 'logs', 'main.log')
  const log = createLogger({
    file: logFile,
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
    notify: ({ title, body }) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: true }).show()
    },
    demoWhenDisconnected: process.argv.includes('--demo') || process.env.COACH_DESK_DEMO === '1',
  })
  const dragIcon = nativeImage.createFromPath(join(mainDir, '../../resources/drag-workout.png'))
  registerIpc(ipcMain, core, () => win, log, devServerUrl, { icon: dragIcon, root: dragFolder(dataDir) })
  await core.start()
  const paths = rendererPaths(mainDir)
  serveRenderer(protocol, paths.rendererDir)

  let updates: UpdateChecker | null = null
  const actions = desktopActions({
    getWindow: () => win,
    dialog,
    shell,
    openedFiles,
    appName: app.name,
    appVersion: app.getVersion(),
    versions: process.versions,
    readmePath: app.isPackaged ? join(process.resourcesPath, 'README.md') : join(mainDir, '../../README.md'),
    logFolder: dirname(logFile),
    checkForUpdates: () => {
      if (updates) void updates.check(true)
      else void dialog.showMessageBox({ type: 'info', message: 'Only an installed copy of Coach Desk checks for updates.', buttons: ['OK'] })
    },
    log,
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.name, actions)))

  // The window comes back where it was, per display, inside a screen that is there now.
  const placeFile = join(dataDir, 'window-state.json')
  let placeState = await readWindowState(placeFile)
  const open = () => {
    const place = restorePlace(placeState, screen.getAllDisplays(), screen.getPrimaryDisplay())
    win = createMainWindow({ preloadPath: paths.preloadPath, rendererUrl: devServerUrl, iconPath: join(mainDir, '../../resources/icon.png'), place })
    trackWindowPlace(win, screen, (displayId, next, closing) => {
      placeState = rememberPlace(placeState, displayId, next)
      const failed = (e: unknown) => log.warn('window.state_not_saved', { error: String(e) })
      if (!closing) return void writeWindowState(placeFile, placeState).catch(failed)
      try {
        writeWindowStateNow(placeFile, placeState)
      } catch (e) {
        failed(e)
      }
    })
    win.webContents.once('did-finish-load', () => openedFiles.attach((path) => void actions.deliverOpenedFile(path)))
    win.on('closed', () => {
      win = null
      openedFiles.detach()
    })
  }
  open()
  updates = await electronUpdates({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    dataDir,
    currentVersion: app.getVersion(),
    dialog,
    getWindow: () => win,
    log,
  }).catch((e: unknown) => {
    // The app works without update checks; the log says why there are none.
    log.warn('updates.unavailable', { error: String(e) })
    return null
  })
  updates?.start()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
  // A file opened while the window is closed (macOS keeps running) opens a window to show it in.
  app.on('open-file', () => {
    if (!win) open()
  })
  app.on('will-quit', () => {
    updates?.stop()
    void core.dispose()
  })
}).catch((e: unknown) => {
  // A start that fails (a data folder it cannot write, a core that cannot start) must say so, not leave
  // the app running with no window.
  const message = e instanceof Error ? e.message : String(e)
  console.error('Coach Desk could not start:', message)
  dialog.showErrorBox('Coach Desk could not start', message)
  app.exit(1)
})

// A second start (a double-clicked workout file, the launcher again) brings this window forward and
// hands over the files it was given.
app.on('second-instance', (_event, argv, workingDirectory) => takeSecondInstance(win, argv, workingDirectory, openedFiles))

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
