import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fitFileName, MAX_NAME_BYTES, resolveInside, sanitizeFileName, uniqueFileName } from './fileNames'

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/** What every sanitised name must satisfy, whatever went in. */
function expectSafeComponent(name: string): void {
  expect(name.length).toBeGreaterThan(0)
  expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
  // eslint-disable-next-line no-control-regex -- the point is that none are left
  expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f]/)
  expect(name).not.toMatch(/\.\./)
  expect(name).not.toMatch(/^[.\s]|[.\s]$/)
  expect(name).not.toMatch(DEVICE)
  // A split surrogate pair would not survive a UTF-8 round trip.
  expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name)
}

describe('sanitizeFileName', () => {
  it.each<[string, string, string]>([
    ['../../etc/passwd', 'workout-1', 'etc-passwd'],
    ['..\\..\\Windows\\System32', 'workout-1', 'Windows-System32'],
    ['a/b\\c', 'workout-1', 'a-b-c'],
    ['CON', 'workout-1', '_CON'],
    ['con', 'workout-1', '_con'],
    ['nul.txt', 'workout-1', '_nul.txt'],
    ['LPT9.tar.gz', 'workout-1', '_LPT9.tar.gz'],
    ['COM1 ', 'workout-1', '_COM1'],
    ['Console ride', 'workout-1', 'Console ride'],
    ['name. . ', 'workout-1', 'name'],
    ['  Tempo:   2x20 <hard>  ', 'workout-1', 'Tempo 2x20 hard'],
    ['what? *really*|"yes"', 'workout-1', 'what really yes'],
    ['tab\there\nnew\u0000line\u007f', 'workout-1', 'tabherenewline'],
    ['gpj\u202E.exe', 'workout-1', 'gpj.exe'],
    ['.hidden', 'workout-1', 'hidden'],
    ['Intervalle – Schwelle 🚴‍♀️', 'workout-1', 'Intervalle – Schwelle 🚴‍♀️'],
    ['', 'workout-123', 'workout-123'],
    ['   ', 'workout-123', 'workout-123'],
    ['..', 'workout-123', 'workout-123'],
    ['/', 'workout-123', 'workout-123'],
    ['\u0001\u0002', 'workout-123', 'workout-123'],
    ['???', '../CON', '_CON'],
    ['', '', 'export'],
  ])('%j (fallback %j) becomes %j', (input, fallback, expected) => {
    const out = sanitizeFileName(input, fallback)
    expect(out).toBe(expected)
    expectSafeComponent(out)
  })

  it('keeps long names under the byte limit without splitting a character or an emoji', () => {
    for (const unit of ['a', 'é', '水', '🚴', '👩‍👩‍👧']) {
      const out = sanitizeFileName(unit.repeat(500), 'x')
      expectSafeComponent(out)
      expect(out.length).toBeGreaterThan(0)
      expect(out.replaceAll(unit, '')).toBe('')
    }
    expect(bytes(sanitizeFileName('a'.repeat(500), 'x'))).toBe(MAX_NAME_BYTES)
  })

  it('normalises to NFC so the same name written two ways gives one file name', () => {
    expect(sanitizeFileName('Cafe\u0301', 'x')).toBe('Caf\u00e9')
  })
})

describe('resolveInside', () => {
  const dir = join(tmpdir(), 'exports-test')

  it.each(['../outside.zwo', '../../etc/passwd', '/etc/passwd', '.', '', 'a/../../b', `..${sep}x`, 'bad\0name'])(
    'refuses %j',
    (name) => {
      expect(() => resolveInside(dir, name)).toThrow(/stay inside/)
    },
  )

  it('returns an absolute path in the folder for a plain name', () => {
    expect(resolveInside(dir, 'Tempo.zwo')).toBe(join(dir, 'Tempo.zwo'))
    expect(resolveInside(dir, '..hidden')).toBe(join(dir, '..hidden'))
  })

  it.each(['../../etc/passwd', 'CON', 'a/b\\c', '..', '\u0000', 'x'.repeat(500), '🚴'.repeat(200)])(
    'keeps the sanitised form of %j directly inside the folder',
    (hostile) => {
      const path = resolveInside(dir, `${sanitizeFileName(hostile, 'workout-1')}.fit`)
      expect(dirname(path)).toBe(dir)
      expect(basename(path).endsWith('.fit')).toBe(true)
    },
  )
})

describe('uniqueFileName', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coach-desk-names-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('uses the plain name when it is free', async () => {
    expect(await uniqueFileName(dir, 'Tempo', '.zwo')).toBe('Tempo.zwo')
    expect(await uniqueFileName(dir, 'Tempo', 'fit')).toBe('Tempo.fit')
  })

  it('counts up past files on disk', async () => {
    await writeFile(join(dir, 'Tempo.zwo'), '')
    await writeFile(join(dir, 'Tempo (2).zwo'), '')
    expect(await uniqueFileName(dir, 'Tempo', '.zwo')).toBe('Tempo (3).zwo')
  })

  it('counts up past names already handed out in this batch, ignoring case, and records its choice', async () => {
    const taken = new Set(['tempo.zwo'])
    expect(await uniqueFileName(dir, 'Tempo', '.zwo', taken)).toBe('Tempo (2).zwo')
    expect(await uniqueFileName(dir, 'Tempo', '.zwo', taken)).toBe('Tempo (3).zwo')
    expect(taken).toEqual(new Set(['tempo.zwo', 'Tempo (2).zwo', 'Tempo (3).zwo']))
  })
})

describe('fitFileName', () => {
  const bytes = (s: string) => Buffer.byteLength(s)

  it('leaves a name of 255 bytes or fewer as it is', () => {
    const name = `${'a'.repeat(251)}.fit`
    expect(fitFileName(name)).toBe(name)
  })

  it('shortens a longer name to 255 bytes, keeping the extension and whole characters', () => {
    const name = `${'Überschwellig 🚴 '.repeat(30)}.zwo`
    const fitted = fitFileName(name)
    expect(bytes(name)).toBeGreaterThan(255)
    expect(bytes(fitted)).toBeLessThanOrEqual(255)
    expect(fitted.endsWith('.zwo')).toBe(true)
    expect(fitted.startsWith('Überschwellig 🚴')).toBe(true)
    expect(fitted).not.toContain('\uFFFD')
    expect(fitted.slice(0, -4)).not.toMatch(/\s$/)
  })

  it('fits any budget asked for, for temporary names', () => {
    expect(bytes(fitFileName(`${'é'.repeat(200)}.fit`, 100))).toBeLessThanOrEqual(100)
    expect(fitFileName(`${'é'.repeat(200)}.fit`, 100).endsWith('.fit')).toBe(true)
  })
})

describe('sanitizeFileName, edge by edge', () => {
  it.each<[string, string]>([
    ['. . .Tempo', 'Tempo'],
    ['Tempo...fit', 'Tempo.fit'],
    ['a..b..c', 'a.b.c'],
    ['con .txt', '_con .txt'],
    ['CONIN$', '_CONIN$'],
    ['com¹', '_com¹'],
  ])('%j becomes %j', (input, expected) => {
    expect(sanitizeFileName(input, 'workout-1')).toBe(expected)
  })
})

describe('fitFileName, for names without a usable extension', () => {
  it('leaves a name that fits as it is, even one whose stem ends in a space', () => {
    expect(fitFileName('Tempo .fit')).toBe('Tempo .fit')
    const exactly = `${'a'.repeat(250)} .fit`
    expect(bytes(exactly)).toBe(255)
    expect(fitFileName(exactly)).toBe(exactly)
  })

  it('cuts a name without a dot as a whole', () => {
    expect(fitFileName(`${'a'.repeat(300)}é`)).toBe('a'.repeat(255))
  })

  it('takes a leading dot as part of the name, not as an extension', () => {
    expect(fitFileName('.hidden', 4)).toBe('hid')
  })

  it('keeps an extension of up to 16 bytes with its dot, and cuts a longer one with the name', () => {
    expect(fitFileName(`${'a'.repeat(300)}.${'b'.repeat(15)}`)).toBe(`${'a'.repeat(239)}.${'b'.repeat(15)}`)
    expect(fitFileName(`${'a'.repeat(250)}.${'b'.repeat(20)}`)).toBe(`${'a'.repeat(250)}.bbbb`)
  })
})

describe('uniqueFileName, at its limits', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coach-desk-names-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('adds nothing for an empty extension', async () => {
    expect(await uniqueFileName(dir, 'Alice Martin', '')).toBe('Alice Martin')
  })

  it('gives up after 9,999 names, saying which name it looked for', async () => {
    const taken = new Set(['tempo.zwo', ...Array.from({ length: 9998 }, (_, i) => `tempo (${i + 2}).zwo`)])
    await expect(uniqueFileName(dir, 'Tempo', '.zwo', taken)).rejects.toThrow(`No free file name for "Tempo.zwo" in ${dir}`)
    taken.delete('tempo (9999).zwo')
    expect(await uniqueFileName(dir, 'Tempo', '.zwo', taken)).toBe('Tempo (9999).zwo')
  })

  it('a folder that is not a folder is an error, not a free name', async () => {
    await writeFile(join(dir, 'file'), '')
    await expect(uniqueFileName(join(dir, 'file'), 'Tempo', '.zwo')).rejects.toMatchObject({ code: 'ENOTDIR' })
  })
})

describe('resolveInside, for the parent folder itself', () => {
  it.each(['..', 'a/../..'])('refuses %j', (name) => {
    expect(() => resolveInside(join(tmpdir(), 'exports-test'), name)).toThrow(/stay inside/)
  })
})
