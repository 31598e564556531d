import { describe, expect, it, vi } from 'vitest'
import { electronDialogs } from './dialogs'

function fakeDialog(answers: { save?: { canceled: boolean; filePath: string }; open?: { canceled: boolean; filePaths: string[] } }) {
  return {
    showSaveDialog: vi.fn(async () => answers.save ?? { canceled: true, filePath: '' }),
    showOpenDialog: vi.fn(async () => answers.open ?? { canceled: true, filePaths: [] }),
  }
}

describe('electronDialogs', () => {
  it('asks before replacing, attaches to the window, and starts in Downloads with a readable name', async () => {
    const dialog = fakeDialog({ save: { canceled: false, filePath: '/home/c/Zwift/Workouts/a.zwo' } })
    const win = { id: 1 }
    const d = electronDialogs(dialog as never, () => win as never, () => '/home/c/Downloads')
    const chosen = await d.chooseSavePath('2026-12-01 Alice Martin - Sweet Spot 3x12.zwo', 'zwo')
    expect(chosen).toEqual({ path: '/home/c/Zwift/Workouts/a.zwo', replaceConfirmed: true })
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        defaultPath: '/home/c/Downloads/2026-12-01 Alice Martin - Sweet Spot 3x12.zwo',
        filters: [expect.objectContaining({ extensions: ['zwo'] })],
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    )
    // The next dialog opens where the coach saved last.
    await d.chooseFolder()
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: '/home/c/Zwift/Workouts', properties: ['openDirectory', 'createDirectory'] }))
  })

  it('answers null when the coach cancels', async () => {
    const d = electronDialogs(fakeDialog({}) as never, () => null, () => '/tmp')
    expect(await d.chooseSavePath('x.zip', 'zip')).toBeNull()
    expect(await d.chooseFolder()).toBeNull()
    const picked = electronDialogs(fakeDialog({ open: { canceled: false, filePaths: ['/media/WATCH/NEWFILES'] } }) as never, () => null, () => '/tmp')
    expect(await picked.chooseFolder()).toBe('/media/WATCH/NEWFILES')
  })
})
