// `npm start`: builds Coach Desk and opens it. With the Electron binary installed, the desktop app;
// without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1), the same app in the browser host on localhost.
// Either way the demo opens when no intervals.icu account is connected yet.
import { spawnSync, spawn } from 'node:child_process'
import { electronBinary } from './electron-binary.mjs'

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

run('npm', ['run', 'build', '--silent'])
const electron = electronBinary()
if (electron) {
  const child = spawn(electron, ['.', '--demo'], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('\nThe Electron binary is not installed here; starting Coach Desk in the browser host instead.')
  // --open: the host opens its one-time link in the default browser, which is then the only one let in.
  const child = spawn('npx', ['tsx', 'src-host/cli.ts', '--open'], { stdio: 'inherit', env: { COACH_DESK_DEMO: '1', ...process.env } })
  child.on('exit', (code) => process.exit(code ?? 0))
}
