import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, EMPTY_WINDOW_STATE, readWindowState, rememberPlace, restorePlace, writeWindowState, writeWindowStateNow, type ScreenArea } from './windowState'

const laptop: ScreenArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } }
const monitor: ScreenArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } }

describe('window place per display', () => {
  it('a first start opens the default size centred on the primary display', () => {
    expect(restorePlace(EMPTY_WINDOW_STATE, [laptop], laptop)).toEqual({
      bounds: { x: 40, y: 33, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      maximized: false,
    })
  })

  it('comes back exactly where it was on the display it was last on', () => {
    let state = rememberPlace(EMPTY_WINDOW_STATE, 1, { bounds: { x: 10, y: 40, width: 1200, height: 800 }, maximized: false })
    state = rememberPlace(state, 2, { bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, maximized: true })
    expect(restorePlace(state, [laptop, monitor], laptop)).toEqual({ bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, maximized: true })
  })

  it('the monitor it was last on is gone: the place kept for the laptop is used', () => {
    let state = rememberPlace(EMPTY_WINDOW_STATE, 1, { bounds: { x: 10, y: 40, width: 1200, height: 800 }, maximized: false })
    state = rememberPlace(state, 2, { bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, maximized: true })
    expect(restorePlace(state, [laptop], laptop)).toEqual({ bounds: { x: 10, y: 40, width: 1200, height: 800 }, maximized: false })
  })

  it('the only display it was ever on is gone: its size, shrunk to fit, centred inside the primary display', () => {
    const state = rememberPlace(EMPTY_WINDOW_STATE, 2, { bounds: { x: 3000, y: 300, width: 2000, height: 1200 }, maximized: true })
    const place = restorePlace(state, [laptop], laptop)
    expect(place).toEqual({ bounds: { x: 0, y: 25, width: 1440, height: 875 }, maximized: true })
  })

  it('a place mostly off its display (a resolution change) is brought back inside the work area', () => {
    const state = rememberPlace(EMPTY_WINDOW_STATE, 1, { bounds: { x: 1000, y: 600, width: 1200, height: 800 }, maximized: false })
    const { bounds } = restorePlace(state, [laptop], laptop)
    expect(bounds).toEqual({ x: 240, y: 100, width: 1200, height: 800 })
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(1440)
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(900)
  })

  it('a place with nothing on the display to grab is centred there instead', () => {
    const state = rememberPlace(EMPTY_WINDOW_STATE, 1, { bounds: { x: 1420, y: 880, width: 1000, height: 700 }, maximized: false })
    expect(restorePlace(state, [laptop], laptop).bounds).toEqual({ x: 220, y: 113, width: 1000, height: 700 })
  })

  describe('the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-desk-window-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('is written whole and read back', async () => {
      const file = join(dir, 'window-state.json')
      const state = rememberPlace(EMPTY_WINDOW_STATE, 7, { bounds: { x: 1.4, y: 2, width: 1000.6, height: 700 }, maximized: false })
      await writeWindowState(file, state)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ last: '7', byDisplay: { 7: { bounds: { x: 1, y: 2, width: 1001, height: 700 }, maximized: false } } })
      expect(await readWindowState(file)).toEqual(state)
      const closing = rememberPlace(state, 8, { bounds: { x: 5, y: 5, width: 1000, height: 700 }, maximized: true })
      writeWindowStateNow(file, closing)
      expect(await readWindowState(file)).toEqual(closing)
    })

    it.each([['missing', null], ['not JSON', '{'], ['the wrong shape', '{"byDisplay":{"1":{"bounds":{"x":"a"}}}}']])(
      'a %s file is a first start',
      async (_what, text) => {
        const file = join(dir, `bad-${Math.random()}.json`)
        if (text !== null) writeFileSync(file, text)
        expect(await readWindowState(file)).toEqual(EMPTY_WINDOW_STATE)
      },
    )
  })
})
