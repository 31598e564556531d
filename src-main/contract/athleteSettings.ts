import { z } from 'zod'
import { AthleteId } from './common'

// Sport settings: thresholds and zones per sport, as intervals.icu keeps them.

export const SportSettingsView = z.object({
  id: z.number(),
  types: z.array(z.string()),
  ftp: z.number().nullable(),
  indoorFtp: z.number().nullable(),
  wPrime: z.number().nullable(),
  lthr: z.number().nullable(),
  maxHr: z.number().nullable(),
  /** A speed in m/s for runs and swims alike; shown as min/km or /100m. */
  thresholdPace: z.number().nullable(),
  paceUnits: z.string().nullable(),
  /** Upper bounds: power in % of FTP, heart rate in bpm, pace in % of threshold speed. */
  powerZones: z.array(z.number()),
  powerZoneNames: z.array(z.string()),
  hrZones: z.array(z.number()),
  hrZoneNames: z.array(z.string()),
  paceZones: z.array(z.number()),
  paceZoneNames: z.array(z.string()),
})
export type SportSettingsView = z.infer<typeof SportSettingsView>

/** The first zone that does not rise above the one before it, as a message; null when all rise. */
export function zoneOrderProblem(zones: number[], what: string, unit: string): string | null {
  for (const [i, zone] of zones.entries()) {
    const below = zones[i - 1]
    if (below !== undefined && zone <= below) {
      return `${what} zones must increase: zone ${i + 1} (${zone}${unit}) is not above zone ${i} (${below}${unit}).`
    }
  }
  return null
}

function zones(min: number, max: number, what: string, unit: string) {
  const bound = `${what} zone bounds must be between ${min} and ${max}${unit}.`
  return z
    .array(z.number(bound).min(min, bound).max(max, bound))
    .min(2, `Give at least two ${what.toLowerCase()} zones.`)
    .max(10, `At most ten ${what.toLowerCase()} zones.`)
    .superRefine((values, ctx) => {
      const problem = zoneOrderProblem(values, what, unit)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
}

const watts = (label: string) => {
  const m = `${label} must be a whole number of watts between 30 and 2000.`
  return z.number(m).int(m).min(30, m).max(2000, m).optional()
}
const bpm = (label: string, min: number, max: number) => {
  const m = `${label} must be a whole number between ${min} and ${max} bpm.`
  return z.number(m).int(m).min(min, m).max(max, m).optional()
}

/** What the coach may change; units as the API stores them (W, bpm, m/s, % of threshold). */
export const SportSettingsChanges = z
  .strictObject({
    ftp: watts('FTP'),
    indoorFtp: watts('Indoor FTP'),
    wPrime: z.number("W' must be between 1000 and 60000 J.").int().min(1000, "W' must be between 1000 and 60000 J.").max(60_000, "W' must be between 1000 and 60000 J.").optional(),
    lthr: bpm('LTHR', 60, 230),
    maxHr: bpm('Max HR', 80, 250),
    // 0.3 m/s is a 55:33 /km walk; 8 m/s is faster than any runner over distance.
    thresholdPace: z.number('Threshold pace is out of range.').min(0.3, 'Threshold pace is too slow.').max(8, 'Threshold pace is too fast.').optional(),
    powerZones: zones(1, 999, 'Power', '%').optional(),
    hrZones: zones(40, 250, 'HR', ' bpm').optional(),
    paceZones: zones(1, 999, 'Pace', '%').optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'Nothing to save.')
  .refine((c) => c.lthr === undefined || c.maxHr === undefined || c.lthr < c.maxHr, 'LTHR must be below max HR.')
  .refine(
    (c) => {
      const top = c.hrZones?.at(-1)
      return top === undefined || c.maxHr === undefined || top <= c.maxHr
    },
    'The top HR zone cannot end above max HR.',
  )
export type SportSettingsChanges = z.infer<typeof SportSettingsChanges>

export const athleteSettingsContract = {
  'athlete:updateSportSettings': {
    args: z.strictObject({
      athleteId: AthleteId,
      settingsId: z.number().int().positive().max(2 ** 31 - 1),
      /** intervals.icu requires the choice: move the HR zones with a new LTHR / max HR, or keep them. */
      recalcHrZones: z.boolean(),
      changes: SportSettingsChanges,
    }),
    result: SportSettingsView,
  },
}
