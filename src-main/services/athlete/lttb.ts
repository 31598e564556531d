// Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the points that carry a line's shape,
// so a 4-hour ride drawn with 1,500 points looks like the 14,400-point original.

export interface XY {
  x: number[]
  y: number[]
}

interface Point {
  x: number
  y: number
}

/** Pairs the two series up to the shorter one's length: a sample without its time (or a time without its sample) is dropped. */
function pairs(xs: ArrayLike<number>, ys: ArrayLike<number>): Point[] {
  const out: Point[] = []
  for (const [i, x] of Array.from(xs).entries()) {
    const y = ys[i]
    if (y === undefined) break
    out.push({ x, y })
  }
  return out
}

function mean(points: Point[]): Point {
  const len = Math.max(1, points.length)
  return {
    x: points.reduce((sum, p) => sum + p.x, 0) / len,
    y: points.reduce((sum, p) => sum + p.y, 0) / len,
  }
}

function unzip(points: Point[]): XY {
  return { x: points.map((p) => p.x), y: points.map((p) => p.y) }
}

/** Down-samples to at most `threshold` points; the first and last points are always kept. */
export function lttb(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): XY {
  const points = pairs(xs, ys)
  const n = points.length
  const [first] = points
  const last = points.at(-1)
  if (threshold >= n || threshold < 3 || !first || !last) return unzip(points)
  const every = (n - 2) / (threshold - 2)
  const out: Point[] = [first]
  let a = first
  for (let i = 0; i < threshold - 2; i++) {
    // The average of the next bucket is the third corner of each candidate triangle.
    const avg = mean(points.slice(Math.floor((i + 1) * every) + 1, Math.min(Math.floor((i + 2) * every) + 1, n)))
    const bucket = points.slice(Math.floor(i * every) + 1, Math.floor((i + 1) * every) + 1)
    // With fewer buckets than points (threshold < n), every bucket holds at least one point.
    let chosen = bucket[0]
    let best = -1
    for (const p of bucket) {
      const area = Math.abs((a.x - avg.x) * (p.y - a.y) - (a.x - p.x) * (avg.y - a.y))
      if (area > best) {
        best = area
        chosen = p
      }
    }
    if (chosen === undefined) continue
    out.push(chosen)
    a = chosen
  }
  out.push(last)
  return unzip(out)
}
