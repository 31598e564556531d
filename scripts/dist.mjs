// `npm run dist`: builds Coach Desk and packages it for this operating system with electron-builder
// (packaging/electron-builder.config.ts): AppImage and deb on Linux, a universal dmg and zip on
// macOS, an NSIS installer on Windows, in dist/. Extra arguments go to electron-builder
// (`npm run dist -- --publish always` publishes to the release feed).
import { spawnSync } from 'node:child_process'
import { electronBinary } from './electron-binary.mjs'

if (!electronBinary()) {
  console.error(`
Coach Desk cannot be packaged here: the Electron binary is not installed.

Packages are made from Electron's own binary, and this install skipped it
(ELECTRON_SKIP_BINARY_DOWNLOAD=1) or could not download it. On a machine that can
reach Electron's downloads, install without that variable and run this again:

  npm ci
  npm run dist

The GitHub Actions workflow (.github/workflows/desktop.yml) builds the packages for
Linux, macOS and Windows.
`)
  process.exit(1)
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  return r.status ?? 1
}

if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1)
// Rebuilds keytar for Electron's ABI in node_modules, then packs; the fuses are set after packing.
const extra = process.argv.slice(2)
const publish = extra.some((a) => a === '-p' || a.startsWith('--publish')) ? [] : ['--publish', 'never']
const status = run('npx', ['electron-builder', '--config', 'packaging/electron-builder.config.ts', ...publish, ...extra])
// The browser host and the tests load keytar in Node: build it back for Node's ABI.
if (run('npm', ['rebuild', 'keytar']) !== 0) {
  console.warn('keytar could not be rebuilt for Node.js; run `npm rebuild keytar` before `npm test` or the browser host.')
}
process.exit(status)
