import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { APP_PAGES, aboutDetail, menuTemplate, type MenuActions } from './menu'

function actions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    importWorkoutFiles: vi.fn(),
    exportWorkouts: vi.fn(),
    openPage: vi.fn(),
    pressKey: vi.fn(),
    openReadme: vi.fn(),
    openLogFolder: vi.fn(),
    checkForUpdates: vi.fn(),
    showAbout: vi.fn(),
  }
}

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[]
const labels = (template: MenuItemConstructorOptions[]) => template.map((m) => m.label ?? m.role)
const find = (menu: MenuItemConstructorOptions, label: string) => items(menu).find((i) => i.label === label || i.role === label)
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)()

describe('application menu', () => {
  it('macOS: the app menu first (About, updates, services, hide, quit), then File, Edit, View, Window, Help', () => {
    const template = menuTemplate('darwin', 'Coach Desk', actions())
    expect(labels(template)).toEqual(['Coach Desk', 'File', 'Edit', 'View', 'windowMenu', 'help'])
    expect(items(template[0]!).map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'About Coach Desk', 'Check for Updates…', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit',
    ])
    // On a Mac, File closes the window; Quit is in the app menu.
    expect(find(template[1]!, 'close')).toBeDefined()
    expect(find(template[1]!, 'quit')).toBeUndefined()
    // About and updates are not repeated under Help.
    expect(items(template[5]!).map((i) => i.label)).toEqual(['Coach Desk README', 'Open Log Folder'])
  })

  it.each(['win32', 'linux'] as const)('%s: File, Edit, View, Help; Quit under File, About and updates under Help', (platform) => {
    const template = menuTemplate(platform, 'Coach Desk', actions())
    expect(labels(template)).toEqual(['File', 'Edit', 'View', 'help'])
    expect(find(template[0]!, 'quit')).toBeDefined()
    expect(items(template[3]!).map((i) => i.label ?? i.type)).toEqual([
      'Coach Desk README', 'Open Log Folder', 'separator', 'Check for Updates…', 'About Coach Desk',
    ])
  })

  it.each(['darwin', 'win32', 'linux'] as const)('%s: Edit has the standard roles, so copy and paste work in every field', (platform) => {
    const edit = menuTemplate(platform, 'Coach Desk', actions()).find((m) => m.label === 'Edit')!
    const roles = items(edit).map((i) => i.role).filter(Boolean)
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
    if (platform === 'darwin') expect(roles).toContain('pasteAndMatchStyle')
  })

  it('View: the pages with Ctrl/Cmd+1..3, the calendar keys shown but left to the window, zoom and full screen', () => {
    const a = actions()
    const view = menuTemplate('linux', 'Coach Desk', a).find((m) => m.label === 'View')!
    for (const page of APP_PAGES) {
      const item = find(view, page.label)!
      expect(item.accelerator).toBe(page.accelerator)
      click(item)
      expect(a.openPage).toHaveBeenLastCalledWith(page.path)
    }
    const week = find(view, 'Next Week')!
    expect(week).toMatchObject({ accelerator: 'PageDown', registerAccelerator: false })
    click(week)
    expect(a.pressKey).toHaveBeenLastCalledWith('PageDown')
    expect(find(view, 'This Week')).toMatchObject({ accelerator: 'T', registerAccelerator: false })
    expect(find(view, 'Previous Week')).toMatchObject({ accelerator: 'PageUp', registerAccelerator: false })
    for (const role of ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) expect(find(view, role)).toBeDefined()
  })

  it('File imports workout files and exports; Help opens the README, the log folder and About', () => {
    const a = actions()
    const template = menuTemplate('win32', 'Coach Desk', a)
    const file = template.find((m) => m.label === 'File')!
    expect(find(file, 'Import Workout Files…')!.accelerator).toBe('CmdOrCtrl+O')
    click(find(file, 'Import Workout Files…'))
    click(find(file, 'Export Workouts…'))
    const help = template.find((m) => m.role === 'help')!
    click(find(help, 'Coach Desk README'))
    click(find(help, 'Open Log Folder'))
    click(find(help, 'About Coach Desk'))
    click(find(help, 'Check for Updates…'))
    for (const fn of ['importWorkoutFiles', 'exportWorkouts', 'openReadme', 'openLogFolder', 'showAbout', 'checkForUpdates']) {
      expect(a[fn]).toHaveBeenCalledOnce()
    }
  })

  it('About names the version and the Electron, Chrome and Node versions it runs on', () => {
    expect(aboutDetail('0.1.0', { electron: '45.5.0', chrome: '142.0.1', node: '22.20.0' })).toBe(
      'Version 0.1.0\nElectron 45.5.0\nChrome 142.0.1\nNode.js 22.20.0',
    )
  })
})
