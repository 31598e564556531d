// Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the points that carry a line's shape,
// so a 4-hour ride drawn with 1,500 points looks like the 14,400-point original.

export interface XY {
  x: number[]
  y: number[]
}

/**
 * A sample by index. Every index below stays under n, the shorter series' length; were one not to,
 * it would read as a missing sample (NaN), as a null in a stream does. Indexing stays cheap: this
 * runs over every sample of a ride each time the coach zooms.
 */
const at = (values: ArrayLike<number>, i: number): number => values[i] ?? Number.NaN

/** Down-samples to at most `threshold` points; the first and last points are always kept. */
export function lttb(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): XY {
  const n = Math.min(xs.length, ys.length)
  if (threshold >= n || threshold < 3) return { x: Array.from(xs).slice(0, n), y: Array.from(ys).slice(0, n) }
  const outX: number[] = [at(xs, 0)]
  const outY: number[] = [at(ys, 0)]
  const every = (n - 2) / (threshold - 2)
  let a = 0
  for (let i = 0; i < threshold - 2; i++) {
    // The average of the next bucket is the third corner of each candidate triangle.
    const avgStart = Math.floor((i + 1) * every) + 1
    const avgEnd = Math.min(Math.floor((i + 2) * every) + 1, n)
    let avgX = 0
    let avgY = 0
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += at(xs, j)
      avgY += at(ys, j)
    }
    const len = Math.max(1, avgEnd - avgStart)
    avgX /= len
    avgY /= len
    const ax = at(xs, a)
    const ay = at(ys, a)
    let best = -1
    let next = Math.floor(i * every) + 1
    const end = Math.floor((i + 1) * every) + 1
    for (let j = next; j < end; j++) {
      const area = Math.abs((ax - avgX) * (at(ys, j) - ay) - (ax - at(xs, j)) * (avgY - ay))
      if (area > best) {
        best = area
        next = j
      }
    }
    outX.push(at(xs, next))
    outY.push(at(ys, next))
    a = next
  }
  outX.push(at(xs, n - 1))
  outY.push(at(ys, n - 1))
  return { x: outX, y: outY }
}
