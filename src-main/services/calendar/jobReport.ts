import type { BulkReport, JobSummary } from '../../contract/calendar'
import type { OpStatus } from './apply'
import type { JobRecord } from './journal'

/** A job cut short, as the window lists it. */
export function summaryOf(job: JobRecord): JobSummary {
  const count = (s: string) => job.items.filter((it) => it.status === s).length
  return {
    jobId: job.id,
    title: job.title,
    startedAt: job.startedAt,
    landed: count('done'),
    notLanded: count('failed') + count('notSent'),
    unknown: count('unknown'),
    changed: count('changed'),
  }
}

/** The whole action's report: every item of the job, retried ones with their latest outcome. */
export function toReport(planId: string, job: JobRecord, cancelled: boolean, undoable: boolean): BulkReport {
  const results = job.items.map((it) => ({
    athleteId: it.op.athleteId,
    eventId: it.eventId,
    name: String(it.op.kind === 'create' ? (it.op.event.name ?? '') : (it.op.before.name ?? '')),
    ok: it.status === 'done',
    status: (it.status === 'pending' || it.status === 'sent' ? 'unknown' : it.status) as OpStatus,
    error: it.error,
  }))
  const failed = results.filter((r) => !r.ok).length
  return { planId, title: job.title, results, succeeded: results.length - failed, failed, cancelled, undoable }
}
