import type { Configuration } from 'electron-builder'
import { setFuses } from './fuses'
import { releaseFeed } from './releaseFeed'
import { signingFromEnv } from './signing'

// Packages for coaches: Linux AppImage and deb, a universal macOS dmg (and the zip the updater needs),
// a Windows installer. `npm run dist` builds the ones for the OS it runs on (scripts/dist.mjs).

/**
 * What goes into app.asar: the built main process, preload and renderer, the two icons main loads,
 * and the runtime dependencies main imports (package.json's dependencies: the renderer's libraries
 * are devDependencies, since Vite bundles them into out/renderer). No sources, tests, simulator
 * sources, source maps or the browser host.
 */
export const PACKAGED_FILES = [
  'package.json',
  'out/main/**/*',
  'out/preload/**/*',
  'out/renderer/**/*',
  'resources/icon.png',
  'resources/drag-workout.png',
  '!**/*.map',
  '!**/*.{test,spec}.*',
  '!**/{test,tests,__tests__,spec,example,examples,docs,.github}/**',
  '!**/*.{md,markdown,ts,mts,cts,tsbuildinfo}',
  '!**/node_modules/*/{README,CHANGELOG,HISTORY,AUTHORS}*',
  // keytar's build leaves its compiler's intermediate files beside the module.
  '!**/node_modules/keytar/{src,build/Release/obj.target,build/Release/.deps,build/*.mk,build/Makefile,build/config.gypi}/**',
  '!**/node_modules/keytar/{binding.gyp,build/Makefile,build/*.mk,build/config.gypi}',
]

const FILE_ASSOCIATIONS = [
  { ext: 'zwo', name: 'Zwift workout', description: 'Zwift workout file', mimeType: 'application/x-zwift-workout' },
  { ext: 'mrc', name: 'MRC workout', description: 'MRC workout file', mimeType: 'application/x-mrc-workout' },
  { ext: 'erg', name: 'ERG workout', description: 'ERG workout file', mimeType: 'application/x-erg-workout' },
].map((a) => ({ ...a, role: 'Viewer' as const, icon: 'resources/icon-1024.png' }))

export function builderConfig(env: Record<string, string | undefined> = process.env): Configuration {
  const signing = signingFromEnv(env)
  const feed = releaseFeed(env)
  return {
    appId: 'app.coachdesk.desktop',
    productName: 'Coach Desk',
    copyright: 'Copyright © Coach Desk contributors',
    directories: { output: 'dist' },
    // No spaces in file names: GitHub renames such release assets, and the update feed would miss them.
    artifactName: '${name}-${version}-${arch}.${ext}',
    files: PACKAGED_FILES,
    // Help → README opens this copy with the system.
    extraResources: [{ from: 'README.md', to: 'README.md' }],
    asar: true,
    // keytar's native module is rebuilt for Electron's ABI as the app is packed, and loaded from
    // outside the archive (a .node file cannot be loaded from inside one).
    npmRebuild: true,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    asarUnpack: ['**/node_modules/keytar/**/*.node'],
    fileAssociations: FILE_ASSOCIATIONS,
    afterPack: setFuses,
    publish: feed ? [feed] : null,
    // The deb package must name a homepage: the repository releases come from (without one,
    // electron-builder falls back to the git remote's GitHub repository).
    extraMetadata: feed ? { homepage: `https://github.com/${feed.owner}/${feed.repo}` } : {},
    linux: {
      target: ['AppImage', 'deb'],
      icon: 'resources/icon-1024.png',
      category: 'Utility',
      executableName: 'coach-desk',
      maintainer: feed ? `${feed.owner} <${feed.owner}@users.noreply.github.com>` : 'Coach Desk maintainers',
      synopsis: 'Plan and review training for many athletes on intervals.icu',
      mimeTypes: FILE_ASSOCIATIONS.map((a) => a.mimeType),
    },
    // The keychain on Linux is the Secret Service, reached through libsecret.
    deb: { depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'] },
    mac: {
      target: [
        { target: 'dmg', arch: ['universal'] },
        // electron-updater installs from the zip on macOS.
        { target: 'zip', arch: ['universal'] },
      ],
      icon: 'resources/icon-1024.png',
      category: 'public.app-category.healthcare-fitness',
      hardenedRuntime: true,
      identity: signing.macIdentity,
      notarize: signing.notarize,
    },
    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: 'resources/icon-1024.png',
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      artifactName: '${name}-setup-${version}.${ext}',
    },
  }
}

export default builderConfig()
