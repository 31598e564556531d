// The morning check-in's reading of HRV and resting heart rate against the athlete's own recent baseline.
// A drop in HRV or a rise in resting heart rate is the usual sign of fatigue or illness coming on.

export interface AgainstBaseline {
  /** "+7%" for HRV, "+4" (bpm) for resting heart rate; empty without a baseline. */
  delta: string
  /** The reading is far enough from the baseline to be worth a look. */
  flag: boolean
}

/** HRV more than 10% below the athlete's baseline is flagged. */
export function hrvAgainstBaseline(value: number | null, base: number | null): AgainstBaseline {
  if (value === null || base === null || base <= 0) return { delta: '', flag: false }
  const pct = Math.round(((value - base) / base) * 100)
  return { delta: `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`, flag: pct <= -10 }
}

/** Resting heart rate 5 bpm or more above the athlete's baseline is flagged. */
export function restingHrAgainstBaseline(value: number | null, base: number | null): AgainstBaseline {
  if (value === null || base === null) return { delta: '', flag: false }
  const d = Math.round(value - base)
  return { delta: `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)}`, flag: d >= 5 }
}

/** What the check-in's day control says: a picked date, or each athlete's own today and days from it. */
export function checkInLabel(pick: { date: string | null; offsetDays: number }, format: (d: string) => string): string {
  if (pick.date) return `${format(pick.date)}, for every athlete`
  if (pick.offsetDays === 0) return "Each athlete's today"
  if (pick.offsetDays === -1) return "Each athlete's yesterday"
  if (pick.offsetDays === 1) return "Each athlete's tomorrow"
  return pick.offsetDays < 0 ? `${-pick.offsetDays} days before each athlete's today` : `${pick.offsetDays} days after each athlete's today`
}
