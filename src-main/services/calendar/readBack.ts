import type { IcuHttp } from '../../icu/http'
import { readEvents, reconcile, spanOf } from './apply'
import type { JobRecord } from './journal'
import { inverseOf } from './undo'

/**
 * A job's items whose answer was lost, or that a crash left sent but unconfirmed, read back from intervals.icu:
 * each becomes done (with its undo) or failed; items never sent become notSent. False when nothing was open.
 */
export async function readBackOpen(http: IcuHttp, job: JobRecord): Promise<boolean> {
  const open = job.items.filter((it) => it.status === 'unknown' || it.status === 'sent' || it.status === 'pending')
  if (!open.length) return false
  for (const it of open) if (it.status === 'pending') Object.assign(it, { status: 'notSent', error: 'Not sent: Coach Desk stopped before sending it.' })
  const uncertain = open.filter((it) => it.status !== 'notSent')
  for (const athleteId of [...new Set(uncertain.map((it) => it.op.athleteId))]) {
    const mine = uncertain.filter((it) => it.op.athleteId === athleteId)
    const now = await readEvents(http, athleteId, spanOf(mine.map((it) => it.op)), AbortSignal.timeout(20_000))
    for (const it of mine) {
      const landed = reconcile(it.op, now, new Set(), false)
      if (landed === false) Object.assign(it, { status: 'failed', error: 'Not landed: intervals.icu does not have this change.' })
      else Object.assign(it, { status: 'done', error: null, undo: inverseOf(it.op, undefined, landed === true ? undefined : landed) })
    }
  }
  return true
}
