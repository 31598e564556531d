import type { SecretStore } from './store'

/** Keeps keys for this run only: the demo, tests, and the coach's choice when no keychain is available. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const
  private readonly secrets = new Map<string, string>()

  async problem(): Promise<string | null> {
    return null
  }
  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null
  }
  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret)
  }
  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account)
  }
  async accounts(): Promise<string[]> {
    return [...this.secrets.keys()]
  }
}
