import { compliancePct, type ComplianceRow, type ComplianceWeek } from '@contract'

/** Sort by name, by the load done as a % of planned in one week (0 = oldest, 4 = this week), or by missed workouts. */
export type ComplianceSort = { key: 'name' } | { key: 'week'; index: number } | { key: 'missed' }

/** Load done as a % of planned; null when nothing was planned. */
export function loadPct(w: ComplianceWeek | undefined): number | null {
  return w ? compliancePct(w.doneLoad, w.plannedLoad) : null
}

export function missedCount(row: ComplianceRow): number {
  return row.weeks.reduce((s, w) => s + w.missed.length, 0)
}

export function sortCompliance(rows: ComplianceRow[], sort: ComplianceSort, dir: 'asc' | 'desc'): ComplianceRow[] {
  const sign = dir === 'asc' ? 1 : -1
  const value = (r: ComplianceRow): number | string | null =>
    sort.key === 'name' ? r.name : sort.key === 'missed' ? missedCount(r) : loadPct(r.weeks[sort.index])
  return [...rows].sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    // Athletes with nothing planned go last whichever way the column is sorted.
    if (va === null || vb === null) return va === vb ? a.name.localeCompare(b.name) : va === null ? 1 : -1
    if (typeof va === 'string' || typeof vb === 'string') return sign * String(va).localeCompare(String(vb))
    return sign * (va - vb) || a.name.localeCompare(b.name)
  })
}

const HEADER = ['athlete', 'week', 'planned workouts', 'planned minutes', 'planned load', 'done activities', 'done minutes', 'done load', 'load %', 'missed']

/** One line per athlete and week; the missed workouts as "date name" joined with "; ". */
export function complianceCsv(rows: ComplianceRow[]): string {
  const lines = [HEADER.join(',')]
  for (const r of rows) {
    for (const w of r.weeks) {
      lines.push(
        [
          r.name,
          w.monday,
          w.plannedCount,
          Math.round(w.plannedSecs / 60),
          w.plannedLoad,
          w.doneCount,
          Math.round(w.doneSecs / 60),
          w.doneLoad,
          loadPct(w) ?? '',
          w.missed.map((m) => `${m.date} ${m.name}`).join('; '),
        ]
          .map(csvCell)
          .join(','),
      )
    }
  }
  return `${lines.join('\r\n')}\r\n`
}

/** Quoted when it holds a comma, quote or line break; a leading = + - @ is defused so a spreadsheet does not run it. */
function csvCell(v: string | number): string {
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
