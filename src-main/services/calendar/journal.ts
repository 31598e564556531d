import { createHash } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../exports/atomicWrite'
import type { OpStatus } from './apply'
import type { Op } from './ops'
import type { UndoIntent } from './undo'

/** One intent of a job and what became of it; `pending` = not sent yet, `sent` = sent, answer not yet in. */
export interface JobItem {
  op: Op
  status: OpStatus | 'pending' | 'sent'
  error: string | null
  undo: UndoIntent | null
  eventId: number | null
}

/**
 * A bulk job as written to disk: before the first request (every item pending), after each
 * athlete's requests, and when it ends (closed). A job found open at start was interrupted.
 * A retry or a finish adds its items to the same job, so one job is one action, one report and
 * one undo.
 */
export interface JobRecord {
  version: 1
  id: string
  title: string
  /** The job this one reverses, for undo jobs. */
  undoes: string | null
  startedAt: string
  closed: boolean
  /** Set once the job has been undone in full. */
  undone: boolean
  items: JobItem[]
  skipped: { athleteId: string; eventId: number | null; reason: string }[]
}

/** How many closed actions (with their undo) are kept. */
export const HISTORY_DEPTH = 20

/**
 * The job files of one account, in `<dataDir>/jobs/<account>/`. Every write is atomic (a
 * temporary file, flushed, then renamed), so a crash leaves the previous version or the new one.
 * Without a folder (the demo, whose data is made afresh at every start) jobs live in memory.
 */
export class Journal {
  private readonly memory = new Map<string, JobRecord>()

  constructor(private readonly folder: string | null) {}

  static forAccount(dataDir: string, server: string, athleteId: string): Journal {
    const account = createHash('sha256').update(`${server}|${athleteId}`).digest('hex').slice(0, 16)
    return new Journal(join(dataDir, 'jobs', account))
  }

  async save(job: JobRecord): Promise<void> {
    this.memory.set(job.id, structuredClone(job))
    if (!this.folder) return
    await fsp.mkdir(this.folder, { recursive: true, mode: 0o700 })
    await writeFileAtomic(this.file(job.id), JSON.stringify(job), { overwrite: true })
  }

  /** Every job, oldest first; unreadable files are skipped (and left for a person to look at). */
  async list(): Promise<JobRecord[]> {
    if (!this.folder) return [...this.memory.values()].map((j) => structuredClone(j))
    let names: string[]
    try {
      names = (await fsp.readdir(this.folder)).filter((n) => n.endsWith('.json'))
    } catch {
      return []
    }
    const jobs: JobRecord[] = []
    for (const name of names) {
      try {
        const job = JSON.parse(await fsp.readFile(join(this.folder, name), 'utf8')) as JobRecord
        if (job?.version === 1 && typeof job.id === 'string' && Array.isArray(job.items)) jobs.push(job)
      } catch {
        // A torn or foreign file: not ours to guess at.
      }
    }
    return jobs.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))
  }

  async remove(id: string): Promise<void> {
    this.memory.delete(id)
    if (this.folder) await fsp.rm(this.file(id), { force: true })
  }

  /** Keeps the newest closed jobs; older ones and their undo go. Open jobs are never pruned. */
  async prune(): Promise<void> {
    const closed = (await this.list()).filter((j) => j.closed)
    for (const old of closed.slice(0, Math.max(0, closed.length - HISTORY_DEPTH))) await this.remove(old.id)
  }

  private file(id: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error('bad job id')
    return join(this.folder!, `${id}.json`)
  }
}
