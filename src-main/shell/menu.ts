import type { MenuItemConstructorOptions } from 'electron'

// The application menu, as a template built from plain data so each platform's menu is tested
// without Electron. Page and calendar items press the same keys the window already answers to, so
// the menu shows the shortcuts and there is one place that acts on them.

/** What the menu asks of the app; main wires each to the window, a dialog or the shell. */
export interface MenuActions {
  importWorkoutFiles(): void
  /** Exports start from the calendar, where the coach picks athletes and weeks. */
  exportWorkouts(): void
  openPage(path: AppPage['path']): void
  /** A key the window already handles (the calendar's week keys), pressed for the coach. */
  pressKey(key: string): void
  openReadme(): void
  openLogFolder(): void
  checkForUpdates(): void
  showAbout(): void
}

export interface AppPage {
  label: string
  path: '/roster' | '/calendar' | '/workouts'
  accelerator: string
}

export const APP_PAGES: readonly AppPage[] = [
  { label: 'Roster', path: '/roster', accelerator: 'CmdOrCtrl+1' },
  { label: 'Calendar', path: '/calendar', accelerator: 'CmdOrCtrl+2' },
  { label: 'Workouts', path: '/workouts', accelerator: 'CmdOrCtrl+3' },
]

/**
 * The calendar's own keys (CalendarView): shown in the menu but not registered as accelerators, so
 * typing a T in a text field stays typing. The arrows move the focused cell of the grid, so weeks
 * move on PageUp and PageDown.
 */
export const CALENDAR_KEYS = [
  { label: 'Previous Week', key: 'PageUp', accelerator: 'PageUp' },
  { label: 'Next Week', key: 'PageDown', accelerator: 'PageDown' },
  { label: 'This Week', key: 't', accelerator: 'T' },
] as const

export function menuTemplate(platform: NodeJS.Platform, appName: string, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.showAbout() }
  const updates: MenuItemConstructorOptions = { label: 'Check for Updates…', click: () => actions.checkForUpdates() }

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      updates,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import Workout Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importWorkoutFiles() },
      { label: 'Export Workouts…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportWorkouts() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // CmdOrCtrl+Z is also the calendar's undo of a bulk action when no text field has the focus.
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? ([{ role: 'pasteAndMatchStyle' }, { role: 'delete' }] as MenuItemConstructorOptions[]) : [{ role: 'delete' } as MenuItemConstructorOptions]),
      { role: 'selectAll' },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...APP_PAGES.map((p): MenuItemConstructorOptions => ({ label: p.label, accelerator: p.accelerator, click: () => actions.openPage(p.path) })),
      { type: 'separator' },
      ...CALENDAR_KEYS.map(
        (k): MenuItemConstructorOptions => ({ label: k.label, accelerator: k.accelerator, registerAccelerator: false, click: () => actions.pressKey(k.key) }),
      ),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: `${appName} README`, click: () => actions.openReadme() },
      { label: 'Open Log Folder', click: () => actions.openLogFolder() },
      // On macOS these two live in the app menu, where a Mac user looks for them.
      ...(mac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, updates, about]),
    ],
  }
  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help]
}

/** The About text: the version and what it runs on, for a coach to copy into a support message. */
export function aboutDetail(appVersion: string, versions: Partial<Record<'electron' | 'chrome' | 'node', string>>): string {
  return [
    `Version ${appVersion}`,
    `Electron ${versions.electron ?? 'unknown'}`,
    `Chrome ${versions.chrome ?? 'unknown'}`,
    `Node.js ${versions.node ?? 'unknown'}`,
  ].join('\n')
}
