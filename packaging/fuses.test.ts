import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fuseConfig, packedBinary, setFuses } from './fuses'

// A stand-in for the Electron binary: the fuse sentinel followed by a version-1 wire of 8 fuses, all
// at Electron's defaults (as the real binary ships them), once or twice (a universal macOS binary).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const DEFAULT_WIRE = '10111000' // RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, ...
function fakeElectron(path: string, slices = 1) {
  const slice = Buffer.concat([Buffer.from('machine code '), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(DEFAULT_WIRE)])
  writeFileSync(path, Buffer.concat(Array.from({ length: slices }, () => slice)))
}

const dir = mkdtempSync(join(tmpdir(), 'coach-desk-fuses-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A fuse's byte in the wire: ASCII '1' on, '0' off.
const ON = 0x31
const OFF = 0x30
const EXPECTED = {
  [FuseV1Options.RunAsNode]: OFF,
  [FuseV1Options.EnableCookieEncryption]: ON,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
  [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ON,
  [FuseV1Options.OnlyLoadAppFromAsar]: ON,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: OFF,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: OFF,
}

const packager = { appInfo: { productFilename: 'Coach Desk' }, executableName: 'coach-desk' }

describe('fuses set by the after-pack hook', () => {
  it.each([
    ['linux', 'coach-desk'],
    ['win32', 'Coach Desk.exe'],
    ['darwin', 'Coach Desk.app'],
  ])('finds the %s binary as electron-builder names it', (platform, name) => {
    expect(packedBinary({ appOutDir: '/out', electronPlatformName: platform, packager })).toBe(join('/out', name))
  })

  it.each(['linux', 'win32'])('%s: RunAsNode, NODE_OPTIONS and inspect off; cookie encryption, asar integrity and asar-only on', async (platform) => {
    const appOutDir = join(dir, platform)
    mkdirSync(appOutDir)
    const binary = join(appOutDir, platform === 'win32' ? 'Coach Desk.exe' : 'coach-desk')
    fakeElectron(binary)
    expect((await getCurrentFuseWire(binary))[FuseV1Options.RunAsNode]).toBe(ON)
    await setFuses({ appOutDir, electronPlatformName: platform, packager })
    const wire = await getCurrentFuseWire(binary)
    expect(wire).toMatchObject(EXPECTED)
  })

  it('flips both slices of a universal binary', async () => {
    const appOutDir = join(dir, 'universal')
    mkdirSync(appOutDir)
    const binary = join(appOutDir, 'coach-desk')
    fakeElectron(binary, 2)
    await setFuses({ appOutDir, electronPlatformName: 'linux', packager })
    const text = readFileSync(binary, 'latin1')
    const wires = text.split(SENTINEL).slice(1).map((s) => s.slice(2, 10))
    expect(wires).toEqual(['01001100', '01001100'])
  })

  it('re-signs ad hoc only on macOS, where a changed binary must be signed again to start', () => {
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true)
    expect(fuseConfig('linux').resetAdHocDarwinSignature).toBe(false)
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false)
  })

  it('a binary without fuses fails the build instead of shipping unprotected', async () => {
    const appOutDir = join(dir, 'nofuses')
    mkdirSync(appOutDir)
    writeFileSync(join(appOutDir, 'coach-desk'), 'no sentinel here')
    await expect(setFuses({ appOutDir, electronPlatformName: 'linux', packager })).rejects.toThrow(/sentinel/)
  })
})
