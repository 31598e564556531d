/** Where the coach's API key lives. Account = the coach's athlete id. */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory'
  /** Resolves with null when the store works, or a sentence saying what is missing and how to fix it. */
  problem(): Promise<string | null>
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
  /** Accounts that have a stored key, so the app can reconnect at start. */
  accounts(): Promise<string[]>
}

export const SERVICE_NAME = 'Coach Desk (intervals.icu)'
