import { mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../contract/errors'
import { writeFileAtomic } from '../exports/atomicWrite'
import type { StoredTemplate } from './weekTemplate'

// Week templates live in main's data folder, one JSON file per template named by its uuid, written atomically
// so a crash never leaves half a template. (Not in the intervals.icu library: a library folder holds only
// workouts, while a week also has notes, races, targets and days off, and a template is the coach's own
// planning tool rather than something to share with athletes.)

const UUID_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/
/** A sanity cap: a week with more events than this is not a plan. */
const MAX_EVENTS = 200

export class TemplateStore {
  constructor(private readonly folder: string) {}

  private path(id: string): string {
    if (!UUID_FILE.test(`${id}.json`)) throw new AppError('INVALID_INPUT', 'That is not a template.')
    return join(this.folder, `${id}.json`)
  }

  async list(): Promise<StoredTemplate[]> {
    let names: string[]
    try {
      names = await readdir(this.folder)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const all = await Promise.all(names.filter((n) => UUID_FILE.test(n)).map((n) => this.read(n.slice(0, -5))))
    return all.filter((t): t is StoredTemplate => t !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  /** A template, or null when it is missing or not a template Coach Desk wrote (it is then left alone). */
  async read(id: string): Promise<StoredTemplate | null> {
    try {
      const t = JSON.parse(await readFile(this.path(id), 'utf8')) as StoredTemplate
      return t?.version === 1 && t.id === id && Array.isArray(t.events) && t.events.length <= MAX_EVENTS ? t : null
    } catch {
      return null
    }
  }

  async get(id: string): Promise<StoredTemplate> {
    const t = await this.read(id)
    if (!t) throw new AppError('NOT_FOUND', 'That template is no longer there.')
    return t
  }

  async save(t: StoredTemplate): Promise<void> {
    if (t.events.length > MAX_EVENTS) throw new AppError('INVALID_INPUT', `A week template holds at most ${MAX_EVENTS} events.`)
    await mkdir(this.folder, { recursive: true })
    try {
      await writeFileAtomic(this.path(t.id), JSON.stringify(t, null, 2), { overwrite: true })
    } catch (e) {
      throw new AppError('INTERNAL', 'Coach Desk could not save the template in its data folder.', (e as Error).message)
    }
  }

  async delete(id: string): Promise<boolean> {
    try {
      await unlink(this.path(id))
      return true
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw e
    }
  }
}
