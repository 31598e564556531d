import { describe, expect, it, vi } from 'vitest'
import { CHANNELS } from './contract/channels'
import { registerIpc } from './ipc'
import { silentLogger } from './log'

type Handler = (event: unknown, args: unknown) => Promise<unknown>

function setup() {
  const handlers = new Map<string, Handler>()
  const ipcMain = { handle: (ch: string, fn: Handler) => handlers.set(ch, fn) }
  const core = { invoke: vi.fn(async () => ({ ok: true as const, value: 'ran' })) }
  const webContents = {}
  const win = { webContents, isDestroyed: () => false }
  registerIpc(ipcMain as never, core, () => win as never, silentLogger)
  return { handlers, core, webContents }
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = setup()
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('runs the core for our window main frame from app://coach-desk', async () => {
    const { handlers, core, webContents } = setup()
    const event = { sender: webContents, senderFrame: { url: 'app://coach-desk/index.html#/roster', parent: null } }
    await expect(handlers.get('session:status')!(event, {})).resolves.toEqual({ ok: true, value: 'ran' })
    expect(core.invoke).toHaveBeenCalledWith('session:status', {})
  })

  it.each([
    ['another webContents', { sender: {}, senderFrame: { url: 'app://coach-desk/index.html', parent: null } }],
    ['a sub-frame', { sender: 'OURS', senderFrame: { url: 'app://coach-desk/index.html', parent: {} } }],
    ['a file:// page in our window', { sender: 'OURS', senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null } }],
    ['a remote origin', { sender: 'OURS', senderFrame: { url: 'https://evil.com/', parent: null } }],
    ['no frame', { sender: 'OURS', senderFrame: null }],
  ])('refuses %s on every channel without running anything', async (_name, event) => {
    const { handlers, core, webContents } = setup()
    const e = { ...event, sender: event.sender === 'OURS' ? webContents : event.sender }
    for (const channel of CHANNELS) {
      await expect(handlers.get(channel)!(e, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(core.invoke).not.toHaveBeenCalled()
  })
})
