import type { BulkReport } from '../../contract/calendar'
import { AppError } from '../../contract/errors'
import type { IcuHttp } from '../../icu/http'
import type { Event } from '../../icu/types'
import { writable } from './mapping'
import { isUpsert, itemCount, needsPutById, UPSERT_CHUNK, type Op } from './ops'

export interface ApplyOutcome {
  report: BulkReport
  /** The ops that were carried out, with what the server answered (ids of created events). */
  done: Op[]
  failed: Op[]
}

type Result = BulkReport['results'][number]
function isKind<K extends Op['kind']>(kind: K) {
  return (o: Op): o is Extract<Op, { kind: K }> => o.kind === kind
}


/**
 * Carries out a plan with the fewest requests: per athlete one range PUT per range op, one
 * events/bulk upsert (keyed by uid, so a retried request never duplicates) and one bulk delete.
 * Athletes run side by side through the client's shared limiter.
 */
export async function applyOps(
  http: IcuHttp,
  planId: string,
  title: string,
  ops: Op[],
  opts: { signal: AbortSignal; onProgress: (done: number, total: number) => void },
): Promise<ApplyOutcome> {
  const total = ops.reduce((n, o) => n + itemCount(o), 0)
  let doneItems = 0
  const results: Result[] = []
  const done: Op[] = []
  const failed: Op[] = []
  const progress = (ok: Op[], bad: Op[], error: string | null) => {
    for (const op of ok) {
      done.push(op)
      results.push(...resultsOf(op, null))
    }
    for (const op of bad) {
      failed.push(op)
      results.push(...resultsOf(op, error))
    }
    doneItems += [...ok, ...bad].reduce((n, o) => n + itemCount(o), 0)
    opts.onProgress(doneItems, total)
  }

  const byAthlete = new Map<string, Op[]>()
  for (const op of ops) byAthlete.set(op.athleteId, [...(byAthlete.get(op.athleteId) ?? []), op])
  opts.onProgress(0, total)

  await Promise.all(
    [...byAthlete.entries()].map(async ([athleteId, list]) => {
      const path = `/athlete/${encodeURIComponent(athleteId)}`
      const run = async (batch: Op[], send: () => Promise<unknown>, after?: (answer: unknown) => void) => {
        if (!batch.length) return
        if (opts.signal.aborted) return progress([], batch, 'Cancelled before it was sent.')
        try {
          const answer = await send()
          after?.(answer)
          progress(batch, [], null)
        } catch (e) {
          const msg = e instanceof AppError ? e.message : 'Something went wrong.'
          progress([], batch, e instanceof AppError && e.code === 'CANCELLED' ? 'Cancelled.' : msg)
        }
      }

      for (const op of list.filter(isKind('range'))) {
        await run([op], () =>
          http.request({
            method: 'PUT',
            path: `${path}/events`,
            query: { oldest: op.oldest, newest: op.newest },
            body: op.flags,
            signal: opts.signal,
          }),
        )
      }

      const upserts = list.filter(isUpsert)
      // An event without a uid cannot be matched by an upsert (it would be created again): PUT it by id.
      for (const op of list.filter(needsPutById)) {
        await run([op], () =>
          http.request({ method: 'PUT', path: `${path}/events/${op.before.id}`, body: writable(op.after), signal: opts.signal }),
        )
      }
      for (let i = 0; i < upserts.length; i += UPSERT_CHUNK) {
        const batch = upserts.slice(i, i + UPSERT_CHUNK)
        await run(
          batch,
          () =>
            http.request({
              method: 'POST',
              path: `${path}/events/bulk`,
              // Both flags are required by the endpoint; plan_applied stays as it was.
              query: { upsertOnUid: true, updatePlanApplied: false },
              body: batch.map((o) => writable(o.kind === 'update' ? o.after : o.event)),
              signal: opts.signal,
              // Keyed by uid: sending it again updates instead of duplicating.
              idempotent: true,
            }),
          (answer) => {
            // Created events get their server ids, so undo can delete exactly these.
            const byUid = new Map((Array.isArray(answer) ? (answer as Event[]) : []).map((e) => [e.uid, e]))
            for (const o of batch) if (o.kind === 'create') o.event = { ...o.event, ...byUid.get(o.event.uid) }
          },
        )
      }

      const deletes = list.filter(isKind('delete'))
      await run(deletes, () =>
        http.request({
          method: 'PUT',
          path: `${path}/events/bulk-delete`,
          body: deletes.map((o) => ({ id: o.before.id })),
          signal: opts.signal,
        }),
      )
    }),
  )

  const failedCount = results.filter((r) => !r.ok).length
  return {
    report: {
      planId,
      title,
      results,
      succeeded: results.length - failedCount,
      failed: failedCount,
      cancelled: opts.signal.aborted,
      undoable: done.length > 0,
    },
    done,
    failed,
  }
}

function resultsOf(op: Op, error: string | null): Result[] {
  const events = op.kind === 'range' ? op.affected : [op.kind === 'update' || op.kind === 'delete' ? op.before : op.event]
  return events.map((e) => ({ athleteId: op.athleteId, eventId: e.id ?? null, name: e.name ?? '', ok: error === null, error }))
}
