import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../log'
import { desktopActions, takeSecondInstance } from './desktop'
import { OpenedFileQueue } from './openedFiles'

const dir = mkdtempSync(join(tmpdir(), 'coach-desk-desktop-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function setup(opts: { window?: boolean; openPathFails?: string } = {}) {
  const send = vi.fn()
  const win = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn(), webContents: { send } }
  const dialog = {
    showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [join(dir, 'picked.zwo')] })),
  }
  const shell = { openPath: vi.fn(async () => opts.openPathFails ?? '') }
  const openedFiles = new OpenedFileQueue()
  const actions = desktopActions({
    getWindow: () => (opts.window === false ? null : (win as never)),
    dialog: dialog as never,
    shell,
    openedFiles,
    appName: 'Coach Desk',
    appVersion: '0.1.0',
    versions: { electron: '45.5.0', chrome: '142', node: '22' },
    readmePath: '/opt/Coach Desk/resources/README.md',
    logFolder: '/home/coach/.config/Coach Desk/logs',
    checkForUpdates: vi.fn(),
    log: silentLogger,
  })
  return { actions, win, send, dialog, shell, openedFiles }
}

describe('desktop actions', () => {
  it('a workout file opened from the OS reaches the window as its name and text, and the window comes forward', async () => {
    const path = join(dir, 'Threshold.erg')
    writeFileSync(path, '[COURSE HEADER]')
    const { actions, send, win } = setup()
    await actions.deliverOpenedFile(path)
    expect(send).toHaveBeenCalledWith('app:command', { kind: 'importFile', fileName: 'Threshold.erg', text: '[COURSE HEADER]' })
    expect(win.restore).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
  })

  it('a file that cannot be imported is explained in a message box and nothing is sent', async () => {
    const { actions, send, dialog } = setup()
    await actions.deliverOpenedFile(join(dir, 'missing.zwo'))
    expect(send).not.toHaveBeenCalled()
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ message: 'missing.zwo could not be opened.' }))
  })

  it('Import Workout Files asks for .zwo, .mrc and .erg files and queues the one chosen', async () => {
    const { actions, dialog, openedFiles } = setup()
    const got: string[] = []
    openedFiles.attach((p) => got.push(p))
    actions.importWorkoutFiles()
    await vi.waitFor(() => expect(got).toEqual([join(dir, 'picked.zwo')]))
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ filters: [{ name: 'Workout files', extensions: ['zwo', 'mrc', 'erg'] }] }),
    )
  })

  it('View and File menu items become page commands; the calendar keys only the three it knows', () => {
    const { actions, send } = setup()
    actions.openPage('/workouts')
    actions.exportWorkouts()
    actions.pressKey('t')
    actions.pressKey('Delete')
    expect(send.mock.calls).toEqual([
      ['app:command', { kind: 'openPage', path: '/workouts' }],
      ['app:command', { kind: 'openPage', path: '/calendar' }],
      ['app:command', { kind: 'pressKey', key: 't' }],
    ])
  })

  it('Help opens the README and the log folder with the system, and says so when it cannot', async () => {
    const { actions, shell } = setup()
    actions.openReadme()
    actions.openLogFolder()
    await vi.waitFor(() => expect(shell.openPath).toHaveBeenCalledTimes(2))
    expect(shell.openPath.mock.calls).toEqual([['/opt/Coach Desk/resources/README.md'], ['/home/coach/.config/Coach Desk/logs']])
    const failing = setup({ openPathFails: 'No application is registered' })
    failing.actions.openLogFolder()
    await vi.waitFor(() => expect(failing.dialog.showMessageBox).toHaveBeenCalled())
  })

  it('About shows the versions; with no window the box is shown on its own', async () => {
    const { actions, dialog } = setup({ window: false })
    actions.showAbout()
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'About Coach Desk', detail: 'Version 0.1.0\nElectron 45.5.0\nChrome 142\nNode.js 22' }),
    )
  })
})

describe('a second start', () => {
  it('brings the minimised window forward and hands over the workout files it was given', () => {
    const win = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() }
    const queue = new OpenedFileQueue()
    const got: string[] = []
    queue.attach((p) => got.push(p))
    takeSecondInstance(win, ['/opt/Coach Desk/coach-desk', '--no-sandbox', 'Sweet Spot.zwo', 'readme.txt'], '/home/coach/Downloads', queue)
    expect(win.restore).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
    expect(got).toEqual(['/home/coach/Downloads/Sweet Spot.zwo'])
  })

  it('with no window yet, keeps the files for the window to come', () => {
    const queue = new OpenedFileQueue()
    takeSecondInstance(null, ['coach-desk', '/tmp/a.erg'], '/', queue)
    const got: string[] = []
    queue.attach((p) => got.push(p))
    expect(got).toEqual(['/tmp/a.erg'])
  })
})
