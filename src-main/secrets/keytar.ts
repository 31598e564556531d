import { createRequire } from 'node:module'
import { AppError } from '../contract/errors'
import { SERVICE_NAME, type SecretStore } from './store'

type Keytar = typeof import('keytar')

const HOW_TO_FIX_LINUX =
  'Coach Desk keeps your API key in the system keychain (Secret Service), but none answered. ' +
  'Install and unlock a keyring such as GNOME Keyring or KWallet (Debian/Ubuntu: sudo apt install gnome-keyring), ' +
  'make sure a D-Bus session is running, then try again. You can also keep the key for this session only.'

const HOW_TO_FIX_OTHER =
  'Coach Desk keeps your API key in the system keychain, which did not answer. Unlock your keychain and try again, ' +
  'or keep the key for this session only.'

/** The OS keychain through keytar: macOS Keychain, Windows Credential Manager, Secret Service on Linux. */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const
  private keytar: Keytar | null = null

  constructor(
    private readonly service = SERVICE_NAME,
    private readonly load: () => Keytar = () => createRequire(import.meta.url)('keytar') as Keytar,
  ) {}

  async problem(): Promise<string | null> {
    try {
      await this.api().findCredentials(this.service)
      return null
    } catch {
      return process.platform === 'linux' ? HOW_TO_FIX_LINUX : HOW_TO_FIX_OTHER
    }
  }

  async get(account: string): Promise<string | null> {
    return this.call(() => this.api().getPassword(this.service, account))
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call(() => this.api().setPassword(this.service, account, secret))
  }

  async delete(account: string): Promise<boolean> {
    return this.call(() => this.api().deletePassword(this.service, account))
  }

  async accounts(): Promise<string[]> {
    const found = await this.call(() => this.api().findCredentials(this.service))
    return found.map((c) => c.account)
  }

  private api(): Keytar {
    this.keytar ??= this.load()
    return this.keytar
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      // keytar's messages can echo the D-Bus error; they never contain the secret itself.
      const why = process.platform === 'linux' ? HOW_TO_FIX_LINUX : HOW_TO_FIX_OTHER
      throw new AppError('KEYCHAIN_UNAVAILABLE', why, (e as Error)?.message)
    }
  }
}
