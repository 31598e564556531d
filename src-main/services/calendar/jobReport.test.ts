import { describe, expect, it } from 'vitest'
import type { JobItem, JobRecord } from './journal'
import { summaryOf, toReport } from './jobReport'

// What the coach reads about a bulk job: the report after Apply, and the line for a job cut short.

const item = (status: JobItem['status'], kind: 'update' | 'create', id: number | null, name: string): JobItem => ({
  op:
    kind === 'create'
      ? { kind: 'create', athleteId: 'i2', event: { name, start_date_local: '2027-03-02T00:00:00' } }
      : { kind: 'update', athleteId: 'i1', before: { id: id!, name }, set: { name: 'New' } },
  status,
  error: status === 'done' ? null : `why ${status}`,
  undo: null,
  eventId: id,
})

const job: JobRecord = {
  version: 1,
  id: 'job-1',
  title: 'Rename to “New”',
  undoes: null,
  startedAt: '2027-03-01T10:00:00.000Z',
  closed: false,
  undone: false,
  items: [
    item('done', 'update', 1, 'A'),
    item('done', 'create', 9, 'Copy'),
    item('failed', 'update', 2, 'B'),
    item('notSent', 'update', 3, 'C'),
    item('notSent', 'update', 4, 'D'),
    item('unknown', 'update', 5, 'E'),
    item('changed', 'update', 6, 'F'),
    item('pending', 'update', 7, 'G'),
    item('sent', 'create', null, 'H'),
  ],
  skipped: [],
}

describe('a job cut short', () => {
  it('counts what landed, what did not, what is not known and what changed', () => {
    expect(summaryOf(job)).toEqual({ jobId: 'job-1', title: 'Rename to “New”', startedAt: '2027-03-01T10:00:00.000Z', landed: 2, notLanded: 3, unknown: 1, changed: 1 })
  })
})

describe('the report of an action', () => {
  it('lists every item by name with its outcome; one still pending or sent is not known', () => {
    const report = toReport('plan-1', job, true, false)
    expect(report.results).toEqual([
      { athleteId: 'i1', eventId: 1, name: 'A', ok: true, status: 'done', error: null },
      { athleteId: 'i2', eventId: 9, name: 'Copy', ok: true, status: 'done', error: null },
      { athleteId: 'i1', eventId: 2, name: 'B', ok: false, status: 'failed', error: 'why failed' },
      { athleteId: 'i1', eventId: 3, name: 'C', ok: false, status: 'notSent', error: 'why notSent' },
      { athleteId: 'i1', eventId: 4, name: 'D', ok: false, status: 'notSent', error: 'why notSent' },
      { athleteId: 'i1', eventId: 5, name: 'E', ok: false, status: 'unknown', error: 'why unknown' },
      { athleteId: 'i1', eventId: 6, name: 'F', ok: false, status: 'changed', error: 'why changed' },
      { athleteId: 'i1', eventId: 7, name: 'G', ok: false, status: 'unknown', error: 'why pending' },
      { athleteId: 'i2', eventId: null, name: 'H', ok: false, status: 'unknown', error: 'why sent' },
    ])
    expect({ ...report, results: undefined }).toEqual({ planId: 'plan-1', title: 'Rename to “New”', results: undefined, succeeded: 2, failed: 7, cancelled: true, undoable: false })
  })

  it('names an event without a name with an empty name', () => {
    const bare: JobRecord = { ...job, items: [{ ...item('done', 'create', 9, ''), op: { kind: 'create', athleteId: 'i2', event: {} } }, { ...item('done', 'update', 1, ''), op: { kind: 'delete', athleteId: 'i1', before: { id: 1 } } }] }
    expect(toReport('p', bare, false, true)).toMatchObject({ results: [{ name: '' }, { name: '' }], succeeded: 2, failed: 0, cancelled: false, undoable: true })
  })
})
