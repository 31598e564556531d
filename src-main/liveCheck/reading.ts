import type { ProfileAxis, SimProfile } from '../sim/profile'

/** What a probe found for one axis: a reading of the simulator's profile, or unknown and why. */
export type AxisResult<K extends ProfileAxis = ProfileAxis> =
  | { axis: K; reading: SimProfile[K]; why: string }
  | { axis: K; reading: 'unknown'; why: string }

export function found<K extends ProfileAxis>(axis: K, reading: SimProfile[K], why: string): AxisResult<K> {
  return { axis, reading, why }
}

export function unknown<K extends ProfileAxis>(axis: K, why: string): AxisResult<K> {
  return { axis, reading: 'unknown', why }
}

/** The readings found, as a profile `parseProfile` accepts; unknown axes are left out (the default plays them). */
export function profileOf(results: AxisResult[]): Partial<SimProfile> {
  const out: Record<string, unknown> = {}
  for (const r of results) if (r.reading !== 'unknown') out[r.axis] = r.reading
  return out as Partial<SimProfile>
}
