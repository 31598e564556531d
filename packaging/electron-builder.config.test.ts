import { listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { build, Platform } from 'electron-builder'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builderConfig } from './electron-builder.config'
import { setFuses } from './fuses'

const ROOT = resolve(import.meta.dirname, '..')

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path)
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

describe('package configuration', () => {
  const config = builderConfig({})

  it('names the app and builds AppImage and deb, a universal dmg (and the zip updates install from), and an NSIS installer', () => {
    expect(config).toMatchObject({ appId: 'app.coachdesk.desktop', productName: 'Coach Desk' })
    expect(config.linux!.target).toEqual(['AppImage', 'deb'])
    expect(config.mac!.target).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ])
    expect(config.win!.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
  })

  it('names every package without spaces, as GitHub keeps release asset names only then', () => {
    const names = [config.artifactName, config.nsis!.artifactName].map((n) => n!.replace('${name}', 'coach-desk'))
    for (const n of names) expect(n).not.toMatch(/\s|\$\{productName\}/)
  })

  it('takes its icons from resources/, large enough for every platform (macOS needs 512 px)', () => {
    for (const icon of [config.linux!.icon, config.mac!.icon, config.win!.icon]) {
      expect(existsSync(join(ROOT, icon!)), icon!).toBe(true)
      expect(pngSize(join(ROOT, icon!)).width).toBeGreaterThanOrEqual(512)
    }
  })

  it('opens .zwo, .mrc and .erg files', () => {
    const assoc = config.fileAssociations as { ext: string; role: string }[]
    expect(assoc.map((a) => a.ext)).toEqual(['zwo', 'mrc', 'erg'])
    expect(assoc.every((a) => a.role === 'Viewer')).toBe(true)
    expect(config.linux!.mimeTypes).toHaveLength(3)
  })

  it('rebuilds keytar for Electron while packing, keeps its native module outside the archive, and sets the fuses after packing', () => {
    expect(config.npmRebuild).toBe(true)
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**/*.node'])
    expect(config.afterPack).toBe(setFuses)
  })

  it('publishes to, and updates from, the GitHub repository named in the environment; none named, no feed', () => {
    expect(builderConfig({}).publish).toBeNull()
    expect(builderConfig({ GITHUB_REPOSITORY: 'coaches/coach-desk' }).publish).toEqual([
      { provider: 'github', owner: 'coaches', repo: 'coach-desk', releaseType: 'draft' },
    ])
    expect(builderConfig({ GITHUB_REPOSITORY: 'a/b', COACH_DESK_RELEASE_REPO: 'me/desk' }).publish).toEqual([
      expect.objectContaining({ owner: 'me', repo: 'desk' }),
    ])
    expect(builderConfig({ COACH_DESK_RELEASE_REPO: 'not a repo' }).publish).toBeNull()
    // The deb names the same repository as its homepage, and a maintainer.
    const named = builderConfig({ GITHUB_REPOSITORY: 'coaches/coach-desk' })
    expect(named.extraMetadata).toEqual({ homepage: 'https://github.com/coaches/coach-desk' })
    expect(named.linux!.maintainer).toBe('coaches <coaches@users.noreply.github.com>')
  })

  it('signs and notarises macOS builds only with credentials in the environment', () => {
    expect(builderConfig({}).mac).toMatchObject({ identity: null, notarize: false })
    expect(builderConfig({ CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'x' }).mac).toMatchObject({ identity: undefined, notarize: false })
    const apple = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' }
    expect(builderConfig({ CSC_LINK: 'cert.p12', ...apple }).mac!.notarize).toBe(true)
    // Apple notarises signed apps only.
    expect(builderConfig(apple).mac!.notarize).toBe(false)
    expect(builderConfig({ CSC_LINK: 'c', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' }).mac!.notarize).toBe(true)
  })
})

// electron-builder itself packs the app (Linux, unpacked), with a stand-in for the Electron binary
// that carries the fuse wire: what the archive holds and what the fuses say are read back from it.
describe('a packed app', () => {
  let work: string
  let appOut: string
  let files: string[]

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run `npm run build` first').toBe(true)
    work = mkdtempSync(join(tmpdir(), 'coach-desk-pack-'))
    const dist = join(work, 'electron')
    mkdirSync(dist)
    writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10111000')]), { mode: 0o755 })
    writeFileSync(join(dist, 'LICENSE'), 'MIT')
    const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      // Offline: no rebuild of keytar (it is already built for this Node) and no Electron download.
      config: { ...builderConfig({}), npmRebuild: false, electronDist: dist, electronVersion, directories: { output: join(work, 'out') } },
    })
    appOut = join(work, 'out', 'linux-unpacked')
    files = listPackage(join(appOut, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, ''))
  }, 180_000)
  afterAll(() => work && rmSync(work, { recursive: true, force: true }))

  it('holds the built main process, preload, renderer, the icons main loads and package.json', () => {
    for (const f of ['package.json', 'out/main/index.js', 'out/main/keychain-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'resources/icon.png', 'resources/drag-workout.png']) {
      expect(files, f).toContain(f)
    }
    expect(files.some((f) => /^out\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true)
  })

  it('holds no sources, tests, simulator sources, source maps, browser host or build tooling', () => {
    const offending = files.filter(
      (f) =>
        /\.map$/.test(f) ||
        /\.(test|spec)\.[cm]?[jt]s$/.test(f) ||
        /^(src-main|src-renderer|src-host|e2e|bench|scripts|packaging|resources\/icon-1024|out\/host|test-results|\.github|\.ci)(\/|$)/.test(f) ||
        /^node_modules\/(electron|electron-builder|app-builder-lib|vite|vitest|vue|@vue|pinia|vue-router|chart\.js|typescript|@electron\/fuses|@playwright)\//.test(f) ||
        /\.ts$/.test(f),
    )
    expect(offending).toEqual([])
    // The simulator is the demo: it ships inside main's bundle, not as sources or data files.
    expect(files.filter((f) => /sim/.test(f) && !f.startsWith('node_modules/'))).toEqual([])
  })

  it('holds every package main and the keychain worker load at run time', () => {
    const mainJs = readdirSync(join(ROOT, 'out/main'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))
    const imported = new Set<string>()
    for (const f of mainJs) {
      const text = readFileSync(join(ROOT, 'out/main', f), 'utf8')
      for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)) {
        const spec = m[1]!
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
        if (name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name)) imported.add(name)
      }
    }
    // keytar is loaded by the worker through createRequire, which the pattern above does not see.
    imported.add('keytar')
    expect([...imported].sort()).toEqual(expect.arrayContaining(['@garmin/fitsdk', 'electron-updater', 'fflate', 'keytar', 'zod']))
    for (const name of imported) expect(files, name).toContain(`node_modules/${name}/package.json`)
  })

  it("keeps keytar's native module unpacked beside the archive, and the README in resources", () => {
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')
    expect(existsSync(unpacked)).toBe(true)
    expect(readFileSync(join(appOut, 'resources', 'README.md'), 'utf8')).toContain('# Coach Desk')
  })

  it('has its fuses set by the after-pack hook', async () => {
    const wire = await getCurrentFuseWire(join(appOut, 'coach-desk'))
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: 0x30,
      [FuseV1Options.EnableCookieEncryption]: 0x31,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: 0x30,
      [FuseV1Options.EnableNodeCliInspectArguments]: 0x30,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: 0x31,
      [FuseV1Options.OnlyLoadAppFromAsar]: 0x31,
    })
  })
})
