import type { ExportReport } from '@contract'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * The report's first line, counted in planned workouts: "7 of 9 workouts saved (2 unchanged); 2
 * not written". `complete` only when every workout of the selection has its file: a shortfall is
 * never worded as a success.
 */
export function exportSummary(r: Pick<ExportReport, 'results' | 'written' | 'unchanged' | 'leftOut' | 'failed' | 'cancelled'>): { text: string; complete: boolean } {
  const total = r.results.length
  const complete = total > 0 && r.written === total && !r.cancelled
  const parts = [
    complete ? `${plural(total, 'workout')} saved` : `${r.written} of ${plural(total, 'workout')} saved`,
  ]
  if (r.unchanged) parts[0] += ` (${r.unchanged} already there, unchanged)`
  const missing = r.leftOut + r.failed
  if (missing) parts.push(`${missing} not written${r.failed && r.leftOut ? ` (${r.failed} failed)` : r.failed ? ' (failed)' : ''}`)
  if (r.cancelled) parts.push('cancelled')
  return { text: parts.join('; '), complete }
}
