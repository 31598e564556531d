import type { BrowserWindow, Dialog, Shell } from 'electron'
import type { AppCommand } from '../contract/appCommands'
import type { Logger } from '../log'
import { aboutDetail, type MenuActions } from './menu'
import { readOpenedWorkout, workoutFilesInArgs, type OpenedFileQueue } from './openedFiles'

// The native shell's actions, wired to the window, dialogs and the system shell. Thin: what each
// action does to data lives in the window (pages, imports) or in main's services.

export interface DesktopDeps {
  getWindow(): BrowserWindow | null
  dialog: Pick<Dialog, 'showMessageBox' | 'showOpenDialog'>
  shell: Pick<Shell, 'openPath'>
  openedFiles: OpenedFileQueue
  appName: string
  appVersion: string
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>
  readmePath: string
  logFolder: string
  checkForUpdates(): void
  log: Logger
}

/** Sends a command to the window, bringing it forward; nothing is sent to a window that is gone. */
export function sendCommand(win: BrowserWindow | null, command: AppCommand): boolean {
  if (!win || win.isDestroyed()) return false
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
  win.webContents.send('app:command', command)
  return true
}

type ForegroundWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>

/**
 * Another start while Coach Desk runs (a double-clicked workout file, the launcher again): the open
 * window comes forward and the files that start was given are imported here instead.
 */
export function takeSecondInstance(win: ForegroundWindow | null, argv: readonly string[], workingDirectory: string, openedFiles: OpenedFileQueue): void {
  if (win && !win.isDestroyed()) {
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  }
  // argv[0] is the executable (or electron, then the app's path, which is not a workout file).
  for (const path of workoutFilesInArgs(argv.slice(1), workingDirectory)) openedFiles.add(path)
}

export function desktopActions(deps: DesktopDeps): MenuActions & { deliverOpenedFile(path: string): Promise<void> } {
  const notice = async (message: string) => {
    const win = deps.getWindow()
    const options = { type: 'warning' as const, message, buttons: ['OK'] }
    if (win) await deps.dialog.showMessageBox(win, options)
    else await deps.dialog.showMessageBox(options)
  }
  const openPath = async (path: string) => {
    const failure = await deps.shell.openPath(path)
    if (failure) {
      deps.log.warn('shell.open_failed', { reason: failure })
      await notice(`Could not open ${path}: ${failure}`)
    }
  }
  return {
    async deliverOpenedFile(path) {
      const read = await readOpenedWorkout(path)
      if (!read.ok) return notice(read.message)
      if (!sendCommand(deps.getWindow(), { kind: 'importFile', fileName: read.fileName, text: read.text })) deps.openedFiles.add(path)
    },
    importWorkoutFiles() {
      const win = deps.getWindow()
      const options = {
        title: 'Import a workout file',
        properties: ['openFile' as const],
        filters: [{ name: 'Workout files', extensions: ['zwo', 'mrc', 'erg'] }],
      }
      void (win ? deps.dialog.showOpenDialog(win, options) : deps.dialog.showOpenDialog(options)).then((r) => {
        if (!r.canceled) for (const path of r.filePaths) deps.openedFiles.add(path)
      })
    },
    exportWorkouts: () => void sendCommand(deps.getWindow(), { kind: 'openPage', path: '/calendar' }),
    openPage: (path) => void sendCommand(deps.getWindow(), { kind: 'openPage', path }),
    pressKey(key) {
      if (key === 'PageUp' || key === 'PageDown' || key === 't') void sendCommand(deps.getWindow(), { kind: 'pressKey', key })
    },
    openReadme: () => void openPath(deps.readmePath),
    openLogFolder: () => void openPath(deps.logFolder),
    checkForUpdates: () => deps.checkForUpdates(),
    showAbout() {
      const options = {
        type: 'info' as const,
        title: `About ${deps.appName}`,
        message: deps.appName,
        detail: aboutDetail(deps.appVersion, deps.versions),
        buttons: ['OK'],
      }
      const win = deps.getWindow()
      void (win ? deps.dialog.showMessageBox(win, options) : deps.dialog.showMessageBox(options))
    },
  }
}
