import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { dragStarter } from './dragOut'
import { registerIpc } from './ipc'
import { silentLogger } from './log'

const made: string[] = []
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true })
})

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'coach-desk-drag-'))
  made.push(base)
  const root = join(base, 'drag')
  mkdirSync(join(root, 'one'), { recursive: true })
  const inside = join(root, 'one', '2026-12-01 Alice - Tempo.zwo')
  writeFileSync(inside, '<workout_file/>')
  const outside = join(base, 'secret.txt')
  writeFileSync(outside, 'not for dragging')
  const sender = { startDrag: vi.fn() }
  const icon = { isEmpty: () => false }
  return { base, root, inside, outside, sender, icon }
}

describe('dragStarter: the check before webContents.startDrag', () => {
  it('drags files main wrote into its drag folder, with the icon', () => {
    const { root, inside, sender, icon } = setup()
    dragStarter(sender, icon, root)([inside])
    expect(sender.startDrag).toHaveBeenCalledWith({ file: inside, files: [inside], icon })
  })

  it.each([
    ['a file outside the drag folder', (s: ReturnType<typeof setup>) => [s.outside]],
    ['a path that climbs out', (s: ReturnType<typeof setup>) => [join(s.root, 'one', '..', '..', 'secret.txt')]],
    ['a relative path', () => ['one/2026-12-01 Alice - Tempo.zwo']],
    ['a file that does not exist', (s: ReturnType<typeof setup>) => [join(s.root, 'one', 'missing.zwo')]],
    ['the drag folder itself', (s: ReturnType<typeof setup>) => [s.root]],
    ['a folder inside it', (s: ReturnType<typeof setup>) => [join(s.root, 'one')]],
    ['one bad path among good ones', (s: ReturnType<typeof setup>) => [s.inside, '/etc/passwd']],
  ])('refuses %s and starts no drag', (_name, paths) => {
    const s = setup()
    expect(() => dragStarter(s.sender, s.icon, s.root)(paths(s))).toThrow(/only drags files it has written/)
    expect(s.sender.startDrag).not.toHaveBeenCalled()
  })

  it('refuses a link inside the folder that points outside it', () => {
    const s = setup()
    const link = join(s.root, 'one', 'link.zwo')
    symlinkSync(s.outside, link)
    expect(() => dragStarter(s.sender, s.icon, s.root)([link])).toThrow(/only drags files it has written/)
    expect(s.sender.startDrag).not.toHaveBeenCalled()
  })

  it('refuses an empty icon and an empty list', () => {
    const s = setup()
    expect(() => dragStarter(s.sender, { isEmpty: () => true }, s.root)([s.inside])).toThrow(/drag icon is missing/)
    expect(() => dragStarter(s.sender, s.icon, s.root)([])).toThrow(/no file/)
    expect(s.sender.startDrag).not.toHaveBeenCalled()
  })

  it('ships a non-empty PNG as the drag icon', () => {
    const png = readFileSync(join(import.meta.dirname, '../resources/drag-workout.png'))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // Width and height from the IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)].every((n) => n >= 16)).toBe(true)
  })
})

describe('registerIpc and the drag channel', () => {
  it('gives only exports:startDrag a startDrag bound to the window that asked', async () => {
    const s = setup()
    const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>()
    const core = { invoke: vi.fn(async (_c: string, _a: unknown, ctx?: { startDrag?: (f: string[]) => void }) => {
      ctx?.startDrag?.([s.inside])
      return { ok: true as const, value: null }
    }) }
    const webContents = { startDrag: vi.fn() }
    const win = { webContents, isDestroyed: () => false }
    registerIpc({ handle: (ch: string, fn: never) => handlers.set(ch, fn) } as never, core, () => win as never, silentLogger, undefined, {
      icon: s.icon,
      root: s.root,
    })
    const event = { sender: webContents, senderFrame: { url: 'app://coach-desk/index.html', parent: null } }
    await handlers.get('exports:startDrag')!(event, { events: [{ athleteId: 'i1', eventId: 1 }], format: 'zwo' })
    expect(webContents.startDrag).toHaveBeenCalledWith({ file: s.inside, files: [s.inside], icon: s.icon })
    await handlers.get('exports:saveEvent')!(event, {})
    expect(core.invoke).toHaveBeenLastCalledWith('exports:saveEvent', {})
  })
})
