import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PrivateKeyring {
  /** The environment a keychain worker needs to reach this keyring (no key in it). */
  env: NodeJS.ProcessEnv
  /** Locks the default collection over D-Bus, as a cancelled prompt or a restarted daemon leaves it. */
  lock(): void
  close(): Promise<void>
}

/**
 * A D-Bus session of its own with an unlocked GNOME Keyring in a temporary home, so a test can lock
 * the collection without touching the machine's keyring or the other tests'. No display is passed
 * on, so the unlock prompt cannot open and the locked collection stays locked.
 */
export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const home = mkdtempSync(join(tmpdir(), 'coach-desk-keyring-'))
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: join(home, 'share'), XDG_RUNTIME_DIR: home }
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { env: base, stdio: ['ignore', 'pipe', 'ignore'] })
  const address = await new Promise<string>((ok, fail) => {
    let out = ''
    bus.on('error', (e) => fail(new Error(`dbus-daemon could not start (install dbus): ${e.message}`)))
    bus.on('exit', (code) => fail(new Error(`dbus-daemon exited with ${code}`)))
    bus.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) ok(out.trim())
    })
  })
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: address }
  const daemon = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { env, input: 'test-keyring', encoding: 'utf8' })
  if (daemon.error || daemon.status !== 0) {
    bus.kill()
    throw new Error(`gnome-keyring-daemon could not start (install gnome-keyring): ${daemon.error?.message ?? daemon.stderr}`)
  }
  const pid = Number(/GNOME_KEYRING_PID=(\d+)/.exec(daemon.stdout)?.[1])
  return {
    env,
    lock() {
      const r = spawnSync(
        'dbus-send',
        ['--session', '--dest=org.freedesktop.secrets', '--print-reply', '--type=method_call', '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login'],
        { env, encoding: 'utf8' },
      )
      if (r.status !== 0) throw new Error(`could not lock the keyring: ${r.stderr}`)
    },
    async close() {
      if (pid > 0) {
        try {
          process.kill(pid)
        } catch {
          // already gone with its bus
        }
      }
      await stop(bus)
      rmSync(home, { recursive: true, force: true })
    },
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((ok) => {
    child.once('exit', () => ok())
    child.kill()
  })
}
