/** A small seeded PRNG (mulberry32): the demo data must be identical for the same seed. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  float(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Roughly normal (sum of uniforms), good enough for day-to-day noise. */
  normal(mean: number, sd: number): number
  uuid(): string
}

/** The i-th item of a fixed list, starting over past its end: the same i always gives the same item. */
export function cycle<T>(items: readonly T[], i: number): T {
  if (items.length === 0) throw new Error('cycle through an empty list')
  // The index is reduced into 0..length-1 of a list that is not empty.
  return items[((i % items.length) + items.length) % items.length] as T
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      // int() stays within 0..length-1 of a list that is not empty.
      return items[int(0, items.length - 1)] as (typeof items)[number]
    },
    normal: (mean, sd) => mean + sd * (next() + next() + next() + next() - 2) * Math.sqrt(3),
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16))
      hex[12] = '4'
      hex[16] = ((int(0, 15) & 0x3) | 0x8).toString(16)
      const s = hex.join('')
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
    },
  }
}

/**
 * Mixes a seed with extra numbers, so each athlete draws from its own stream: athlete 3's data
 * stays the same whether the roster has 12 athletes or 50.
 */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of [seed, ...parts]) {
    h = Math.imul((h ^ (part >>> 0)) >>> 0, 0x85ebca6b) >>> 0
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
    h = (h ^ (h >>> 16)) >>> 0
  }
  return h
}
