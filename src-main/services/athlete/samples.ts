/** A recorded sample: streams keep missing ones as NaN, and a series shorter than its time axis has none past its end. */
export function isSample(v: number | undefined): v is number {
  return Number.isFinite(v)
}
