import { createHash, randomUUID } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../contract/errors'
import { MAX_GROUPS, MAX_GROUP_ATHLETES, type AthleteGroup } from '../../contract/groups'
import type { Logger } from '../../log'
import { writeFileAtomic } from '../exports/atomicWrite'

// The coach's athlete groups, one file per account: `groups/<account>/groups.json` in the data
// folder, written atomically. The demo keeps its groups in memory, since its athletes are made
// afresh at every start. A file that does not read as groups is never written over: the coach is
// told, and whatever it holds stays there to be mended or moved aside.

/** The connected account (null for the demo). */
export type GroupAccount = { server: string; athleteId: string } | null

const StoredGroups = z.object({
  version: z.literal(1),
  groups: z
    .array(z.object({ id: z.uuid(), name: z.string().min(1).max(60), athleteIds: z.array(z.string().max(16)).max(MAX_GROUP_ATHLETES) }))
    .max(MAX_GROUPS),
})

export const FILE_NAME = 'groups.json'

export class GroupStore {
  private memory: AthleteGroup[] = []

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  /** The account's file; the folder name is a hash, so no athlete id or server shows in a path. */
  fileOf(account: NonNullable<GroupAccount>): string {
    const id = createHash('sha256').update(`${account.server}|${account.athleteId}`).digest('hex').slice(0, 16)
    return join(this.dataDir, 'groups', id, FILE_NAME)
  }

  async list(account: GroupAccount): Promise<AthleteGroup[]> {
    const groups = account ? await this.read(this.fileOf(account)) : structuredClone(this.memory)
    return groups.sort((a, b) => a.name.localeCompare(b.name))
  }

  /** A group of the same name (any case) is replaced and keeps its id. */
  async save(account: GroupAccount, name: string, athleteIds: string[]): Promise<AthleteGroup> {
    const groups = account ? await this.read(this.fileOf(account)) : this.memory
    const same = groups.findIndex((g) => g.name.toLocaleLowerCase() === name.toLocaleLowerCase())
    const group: AthleteGroup = { id: same >= 0 ? groups[same]!.id : randomUUID(), name, athleteIds: [...athleteIds] }
    if (same < 0 && groups.length >= MAX_GROUPS) throw new AppError('INVALID_INPUT', `Coach Desk keeps at most ${MAX_GROUPS} groups: delete one first.`)
    const next = same >= 0 ? groups.map((g, i) => (i === same ? group : g)) : [...groups, group]
    await this.write(account, next)
    return structuredClone(group)
  }

  async delete(account: GroupAccount, groupId: string): Promise<boolean> {
    const groups = account ? await this.read(this.fileOf(account)) : this.memory
    const next = groups.filter((g) => g.id !== groupId)
    if (next.length === groups.length) return false
    await this.write(account, next)
    return true
  }

  private async read(file: string): Promise<AthleteGroup[]> {
    let text: string
    try {
      text = await fsp.readFile(file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw new AppError('INTERNAL', 'Coach Desk could not open your saved athlete groups in its data folder.', (e as Error).message)
    }
    let parsed: ReturnType<typeof StoredGroups.safeParse>
    try {
      parsed = StoredGroups.safeParse(JSON.parse(text))
    } catch (e) {
      parsed = { success: false, error: e } as ReturnType<typeof StoredGroups.safeParse>
    }
    if (!parsed.success) {
      this.log.warn('groups.unreadable', { file })
      throw new AppError(
        'INTERNAL',
        `Your saved athlete groups could not be read (${file}). Coach Desk left the file as it is and will not write over it; move it aside to start afresh.`,
        parsed.error instanceof Error ? parsed.error.message : undefined,
      )
    }
    return parsed.data.groups
  }

  private async write(account: GroupAccount, groups: AthleteGroup[]): Promise<void> {
    if (!account) {
      this.memory = structuredClone(groups)
      return
    }
    const file = this.fileOf(account)
    try {
      await fsp.mkdir(join(file, '..'), { recursive: true, mode: 0o700 })
      await writeFileAtomic(file, JSON.stringify({ version: 1, groups }, null, 2), { overwrite: true })
    } catch (e) {
      throw new AppError('INTERNAL', 'Coach Desk could not save your athlete groups in its data folder.', (e as Error).message)
    }
  }
}
