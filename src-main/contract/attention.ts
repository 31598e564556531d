import { z } from 'zod'
import { ActivityId } from './athleteActivity'
import { AthleteId, none } from './common'

// The coach's attention: which athletes need a look today (rules computed in main from data it
// already loads), the queue of finished activities to review, and the comments on an activity.

export const RULE_IDS = [
  'missedWorkouts',
  'compliance',
  'rampRate',
  'form',
  'wellnessBaseline',
  'inactive',
  'sickOrInjured',
  'unreadComment',
] as const
export const RuleId = z.enum(RULE_IDS)
export type RuleId = z.infer<typeof RuleId>

const on = z.boolean()
const whole = (min: number, max: number) => z.number().int().min(min).max(max)

/** Each rule can be switched off; its limits are the coach's to tune. */
export const AttentionRules = z.strictObject({
  /** At least `count` planned workouts without an activity in the last `days` days (today not counted). */
  missedWorkouts: z.strictObject({ on, days: whole(1, 28), count: whole(1, 20) }),
  /** Last week's load done, as a % of the load planned, outside [min, max]. */
  compliance: z.strictObject({ on, min: whole(0, 200), max: whole(50, 400) }).refine((r) => r.min < r.max, 'The lower limit must be below the upper.'),
  /** Fitness gained over 7 days above `max`. */
  rampRate: z.strictObject({ on, max: z.number().min(0).max(50) }),
  /** Form (fitness minus fatigue) below `min`. */
  form: z.strictObject({ on, min: z.number().min(-100).max(0) }),
  /** HRV `hrvDropPct` % below, or resting HR `restingHrRise` bpm above, the athlete's 4-week baseline on each of the last `days` days. */
  wellnessBaseline: z.strictObject({ on, days: whole(1, 7), hrvDropPct: whole(1, 60), restingHrRise: whole(1, 30) }),
  /** No activity for `days` days. */
  inactive: z.strictObject({ on, days: whole(1, 30) }),
  /** A sick or injured day on the calendar in the last `days` days (or today). */
  sickOrInjured: z.strictObject({ on, days: whole(0, 28) }),
  /** A comment from the athlete the coach has not read. */
  unreadComment: z.strictObject({ on }),
})
export type AttentionRules = z.infer<typeof AttentionRules>

export const AttentionSettings = z.strictObject({
  rules: AttentionRules,
  /** Desktop notifications for new flags and new comments while the app is open. */
  notifications: z.boolean(),
})
export type AttentionSettings = z.infer<typeof AttentionSettings>

export const AttentionFlag = z.object({
  rule: RuleId,
  /** In words, for the coach: "2 planned workouts missed in the last 7 days". */
  reason: z.string(),
  severity: z.enum(['high', 'medium']),
})
export type AttentionFlag = z.infer<typeof AttentionFlag>

export const AttentionRow = z.object({
  athleteId: z.string(),
  name: z.string(),
  timezone: z.string(),
  today: z.string(),
  form: z.number().nullable(),
  flags: z.array(AttentionFlag),
  /** The next A race within twelve weeks, with form on the day projected over the planned workouts. */
  nextRace: z.object({ date: z.string(), name: z.string(), daysToGo: z.number(), form: z.number().nullable() }).nullable(),
  /** Where the data for a rule could not be read (the rest still apply). */
  error: z.string().nullable(),
})
export type AttentionRow = z.infer<typeof AttentionRow>

export const ReviewItem = z.object({
  activityId: z.string(),
  athleteId: z.string(),
  athleteName: z.string(),
  /** Local start, yyyy-MM-ddTHH:mm:ss. */
  start: z.string(),
  type: z.string(),
  name: z.string(),
  movingSecs: z.number().nullable(),
  load: z.number().nullable(),
  compliance: z.number().nullable(),
  unread: z.number(),
  /** A Strava import: intervals.icu takes no coach_tick for it, so it is marked reviewed in Coach Desk. */
  stub: z.boolean(),
})
export type ReviewItem = z.infer<typeof ReviewItem>

export const ComplianceWeek = z.object({
  /** The Monday the week starts on, in the athlete's own calendar. */
  monday: z.string(),
  plannedCount: z.number(),
  plannedSecs: z.number(),
  plannedLoad: z.number(),
  doneCount: z.number(),
  doneSecs: z.number(),
  doneLoad: z.number(),
  /** Planned workouts of past days with nothing done. */
  missed: z.array(z.object({ date: z.string(), name: z.string() })),
})
export type ComplianceWeek = z.infer<typeof ComplianceWeek>

export const ComplianceRow = z.object({
  athleteId: z.string(),
  name: z.string(),
  /** The last four weeks and this one, oldest first; empty when the athlete's data could not be read. */
  weeks: z.array(ComplianceWeek),
})
export type ComplianceRow = z.infer<typeof ComplianceRow>

export const AttentionList = z.object({
  rows: z.array(AttentionRow),
  queue: z.array(ReviewItem),
  compliance: z.array(ComplianceRow),
  settings: AttentionSettings,
  fetchedAt: z.string(),
  /** Requests this refresh made to intervals.icu (0 when answered from what main holds). */
  requests: z.number(),
})
export type AttentionList = z.infer<typeof AttentionList>

export const ActivityComment = z.object({
  id: z.number(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  fromCoach: z.boolean(),
  created: z.string().nullable(),
  content: z.string(),
  /** False for an athlete's comment the coach had not read before this list. */
  seen: z.boolean(),
})
export type ActivityComment = z.infer<typeof ActivityComment>

export const CommentText = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'Write something first.').max(4000, 'A comment holds at most 4,000 characters.'))

export const attentionContract = {
  'attention:list': {
    /** `background`: the window's own periodic refresh, which yields to what the coach is looking at. */
    args: z.strictObject({ refresh: z.boolean().optional(), background: z.boolean().optional() }),
    result: AttentionList,
  },
  'attention:settings': { args: none, result: AttentionSettings },
  'attention:saveSettings': { args: z.strictObject({ settings: AttentionSettings }), result: AttentionSettings },
  'attention:markReviewed': {
    args: z.strictObject({ athleteId: AthleteId, activityId: ActivityId }),
    result: z.object({ activityId: z.string(), via: z.enum(['coach_tick', 'local']) }),
  },
  'attention:comments': {
    args: z.strictObject({ activityId: ActivityId }),
    result: z.array(ActivityComment),
  },
  'attention:addComment': {
    args: z.strictObject({ activityId: ActivityId, content: CommentText }),
    result: ActivityComment,
  },
  /** A desktop notification (Electron's Notification); `shown` is false where the app has none (the browser host). */
  'app:notify': {
    args: z.strictObject({ title: z.string().min(1).max(120), body: z.string().max(400) }),
    result: z.object({ shown: z.boolean() }),
  },
}
