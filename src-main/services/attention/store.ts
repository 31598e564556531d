import { createHash } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { AttentionSettings } from '../../contract/attention'
import type { Logger } from '../../log'
import { writeFileAtomic } from '../exports/atomicWrite'
import { DEFAULT_SETTINGS } from './rules'

// What the coach chose for attention, kept in the app's data folder and written atomically:
// `attention/settings.json` (rules, limits, notifications: the coach's, whichever account) and
// `attention/<account>/reviewed.json` (activities marked reviewed in Coach Desk because
// intervals.icu takes no coach_tick for them). The demo keeps its reviewed list in memory, since
// its data is made afresh at every start.

const MAX_REVIEWED = 20_000

export class AttentionStore {
  private reviewedMemory = new Set<string>()

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  private get folder(): string {
    return join(this.dataDir, 'attention')
  }

  /** The saved settings over the defaults; a file that does not read as settings is left alone. */
  async settings(): Promise<AttentionSettings> {
    try {
      const saved = JSON.parse(await fsp.readFile(join(this.folder, 'settings.json'), 'utf8')) as Partial<AttentionSettings>
      const merged = { ...DEFAULT_SETTINGS, ...saved, rules: { ...DEFAULT_SETTINGS.rules, ...(saved?.rules ?? {}) } }
      const parsed = AttentionSettings.safeParse(merged)
      if (parsed.success) return parsed.data
      this.log.warn('attention.settings_unreadable', { issues: parsed.error.issues.length })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn('attention.settings_unreadable', { error: (e as Error).message })
    }
    return structuredClone(DEFAULT_SETTINGS)
  }

  async saveSettings(settings: AttentionSettings): Promise<void> {
    await fsp.mkdir(this.folder, { recursive: true, mode: 0o700 })
    await writeFileAtomic(join(this.folder, 'settings.json'), JSON.stringify(settings, null, 2), { overwrite: true })
  }

  private reviewedFile(account: Account): string | null {
    if (!account) return null
    const id = createHash('sha256').update(`${account.server}|${account.athleteId}`).digest('hex').slice(0, 16)
    return join(this.folder, id, 'reviewed.json')
  }

  async reviewed(account: Account): Promise<Set<string>> {
    const file = this.reviewedFile(account)
    if (!file) return new Set(this.reviewedMemory)
    try {
      const ids = JSON.parse(await fsp.readFile(file, 'utf8')) as unknown
      return new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [])
    } catch {
      return new Set()
    }
  }

  async addReviewed(account: Account, activityId: string): Promise<void> {
    const file = this.reviewedFile(account)
    if (!file) {
      this.reviewedMemory.add(activityId)
      return
    }
    const ids = await this.reviewed(account)
    ids.add(activityId)
    await fsp.mkdir(join(file, '..'), { recursive: true, mode: 0o700 })
    // Oldest first in the file, so the cap drops the ones reviewed longest ago.
    await writeFileAtomic(file, JSON.stringify([...ids].slice(-MAX_REVIEWED)), { overwrite: true })
  }
}

/** The connected account (null for the demo). */
export type Account = { server: string; athleteId: string } | null
