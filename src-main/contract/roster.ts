import { z } from 'zod'
import { AthleteId, distinct, none } from './common'
import { MAX_DETAIL_ATHLETES } from './limits'

export const RosterRow = z.object({
  id: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  sports: z.array(z.string()),
  timezone: z.string(),
  today: z.string(),
  fitness: z.number().nullable(),
  fatigue: z.number().nullable(),
  form: z.number().nullable(),
  /**
   * The day fitness, fatigue and form are for: the athlete's today once the week details carried the
   * summary's numbers there (as their page shows them). Null for the weekly summary's values, which are
   * as of the last activity of the latest week.
   */
  fitnessDate: z.string().nullable().optional(),
  rampRate: z.number().nullable(),
  weekLoadDone: z.number(),
  weekTimeDone: z.number(),
  lastActiveWeek: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  permission: z.enum(['NONE', 'READ', 'WRITE']).nullable(),
  isSelf: z.boolean(),
})
export type RosterRow = z.infer<typeof RosterRow>

/** The coach can look but not change this athlete's calendar (their own row never is). One rule for main and the window. */
export function readOnlyAccess(row: Pick<RosterRow, 'isSelf' | 'permission'>): boolean {
  return !row.isSelf && (row.permission === 'READ' || row.permission === 'NONE')
}

export const RosterList = z.object({
  athletes: z.array(RosterRow),
  fetchedAt: z.string(),
  source: z.enum(['athletes', 'athlete-summary']),
})
export type RosterList = z.infer<typeof RosterList>

export const WeekDetail = z.object({
  athleteId: z.string(),
  plannedLoad: z.number(),
  plannedSecs: z.number(),
  plannedCount: z.number(),
  /**
   * Fitness, fatigue and form on the athlete's today (`fitnessDate`): the summary's numbers as of the
   * last activity, decayed over the days since (no load since, by definition). Absent when unknown.
   */
  fitness: z.number().nullable().optional(),
  fatigue: z.number().nullable().optional(),
  form: z.number().nullable().optional(),
  fitnessDate: z.string().nullable().optional(),
  lastActivity: z
    .object({ date: z.string(), type: z.string(), name: z.string(), load: z.number().nullable() })
    .nullable(),
  error: z.string().nullable(),
})
export type WeekDetail = z.infer<typeof WeekDetail>

export const rosterContract = {
  'roster:list': { args: z.strictObject({ refresh: z.boolean().optional() }), result: RosterList },
  /** At most MAX_DETAIL_ATHLETES per call: the window sends a longer roster in chunks. */
  'roster:weekDetails': {
    args: z.strictObject({ athleteIds: distinct(z.array(AthleteId).min(1).max(MAX_DETAIL_ATHLETES)) }),
    result: z.array(WeekDetail),
  },
  /** The coach left the roster: its week details still queued are cancelled, unsent. */
  'roster:cancelDetails': { args: none, result: z.object({ cancelled: z.number().int().nonnegative() }) },
}
