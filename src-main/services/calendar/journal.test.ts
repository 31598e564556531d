import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HISTORY_DEPTH, Journal, type JobRecord } from './journal'

// The job journal: each bulk action on disk, so a crash or a quit is found at the next start.

const job = (id: string, startedAt: string, closed = true): JobRecord => ({
  version: 1,
  id,
  title: `Job ${id}`,
  undoes: null,
  startedAt,
  closed,
  undone: false,
  items: [{ op: { kind: 'delete', athleteId: 'i1', before: { id: 1 } }, status: 'pending', error: null, undo: null, eventId: 1 }],
  skipped: [],
})
const at = (n: number) => `2027-03-01T10:${String(n).padStart(2, '0')}:00.000Z`

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-desk-journal-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the journal on disk', () => {
  it('keeps each account’s jobs in its own private folder, one file a job, and reads them back oldest first', async () => {
    const mine = Journal.forAccount(dir, 'https://intervals.icu', 'i1')
    const other = Journal.forAccount(dir, 'https://intervals.icu', 'i2')
    await mine.save(job('b', at(2)))
    await mine.save(job('a', at(1)))
    await mine.save(job('c', at(2)))
    await other.save(job('z', at(0)))
    const folders = readdirSync(join(dir, 'jobs'))
    expect(folders).toHaveLength(2)
    for (const f of folders) expect(f).toMatch(/^[0-9a-f]{16}$/)
    expect(statSync(join(dir, 'jobs', folders[0]!)).mode & 0o777).toBe(0o700)
    expect((await mine.list()).map((j) => j.id)).toEqual(['a', 'b', 'c'])
    expect((await other.list()).map((j) => j.id)).toEqual(['z'])
    // The same account is the same folder in a later run of the app.
    expect((await Journal.forAccount(dir, 'https://intervals.icu', 'i1').list()).map((j) => j.id)).toEqual(['a', 'b', 'c'])
  })

  it('writes a job again as it moves on, and reads back what was written last', async () => {
    const j = Journal.forAccount(dir, 's', 'i1')
    const record = job('x', at(1), false)
    await j.save(record)
    record.items[0]!.status = 'sent'
    record.closed = true
    await j.save(record)
    const [file] = readdirSync(join(dir, 'jobs', readdirSync(join(dir, 'jobs'))[0]!))
    expect(file).toBe('x.json')
    expect(await j.list()).toEqual([record])
  })

  it('skips a torn or foreign file and leaves it where it is', async () => {
    const j = Journal.forAccount(dir, 's', 'i1')
    await j.save(job('good', at(1)))
    const folder = join(dir, 'jobs', readdirSync(join(dir, 'jobs'))[0]!)
    writeFileSync(join(folder, 'torn.json'), '{"version":1,"id":"to')
    writeFileSync(join(folder, 'old.json'), JSON.stringify({ ...job('old', at(0)), version: 2 }))
    writeFileSync(join(folder, 'noid.json'), JSON.stringify({ ...job('n', at(0)), id: 5 }))
    writeFileSync(join(folder, 'noitems.json'), JSON.stringify({ ...job('n', at(0)), items: null }))
    writeFileSync(join(folder, 'null.json'), 'null')
    writeFileSync(join(folder, 'notes.txt'), 'not a job')
    // Only .json files are jobs, whatever another file holds.
    writeFileSync(join(folder, 'good.json.bak'), JSON.stringify(job('copy', at(2))))
    expect((await j.list()).map((x) => x.id)).toEqual(['good'])
    expect(readFileSync(join(folder, 'torn.json'), 'utf8')).toBe('{"version":1,"id":"to')
  })

  it('lists nothing for an account that has no jobs yet', async () => {
    expect(await Journal.forAccount(dir, 's', 'i9').list()).toEqual([])
  })

  it('keeps the newest closed jobs and every open one', async () => {
    const j = Journal.forAccount(dir, 's', 'i1')
    for (let n = 0; n < HISTORY_DEPTH + 2; n++) await j.save(job(`c${n}`, at(n + 1)))
    await j.save(job('open', at(0), false))
    await j.prune()
    const ids = (await j.list()).map((x) => x.id)
    expect(HISTORY_DEPTH).toBe(20)
    expect(ids).toEqual(['open', ...Array.from({ length: 20 }, (_, n) => `c${n + 2}`)])
    await j.remove('c2')
    expect((await j.list()).map((x) => x.id)).not.toContain('c2')
    // Removing a job already gone is not an error.
    await expect(j.remove('c2')).resolves.toBeUndefined()
  })

  it('refuses a job id that is not a plain name, writing nothing', async () => {
    const j = Journal.forAccount(dir, 's', 'i1')
    await expect(j.save(job('../escape', at(1)))).rejects.toThrow('bad job id')
    await expect(j.save(job('a'.repeat(65), at(1)))).rejects.toThrow('bad job id')
    await expect(j.save(job('', at(1)))).rejects.toThrow('bad job id')
    await j.save(job('A-z-09', at(1)))
    expect(readdirSync(dir)).toEqual(['jobs'])
    expect((await j.list()).map((x) => x.id)).toEqual(['A-z-09'])
  })
})

describe('the journal without a folder (the demo)', () => {
  it('keeps jobs in memory as copies: changing one after saving changes nothing kept', async () => {
    const j = new Journal(null)
    const record = job('m', at(1), false)
    await j.save(record)
    record.title = 'changed after'
    const [kept] = await j.list()
    expect(kept!.title).toBe('Job m')
    kept!.title = 'changed the copy'
    expect((await j.list())[0]!.title).toBe('Job m')
    await j.save(job('n', at(2)))
    expect((await j.list()).map((x) => x.id)).toEqual(['m', 'n'])
    await j.remove('m')
    expect((await j.list()).map((x) => x.id)).toEqual(['n'])
    expect(readdirSync(dir)).toEqual([])
  })
})
