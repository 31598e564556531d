import { z } from 'zod'
import { AthleteId, distinct, none } from './common'

// Saved athlete groups: the coach's own named picks of athletes ("Ironman squad", "Tuesday
// swimmers"), kept by Coach Desk per account. They are not intervals.icu tags: a tag is written on
// the athlete and shared, a group is the coach's way of looking at the roster on this machine.

/** A sanity cap on one group; a club of 2,000 fits. */
export const MAX_GROUP_ATHLETES = 2000
/** More groups than this is a list nobody can pick from. */
export const MAX_GROUPS = 100

export const GroupName = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'Give the group a name.').max(60, 'A group name holds at most 60 characters.'))

export const GroupId = z.uuid('That is not a saved group.')

export const AthleteGroup = z.object({
  id: z.string(),
  name: z.string(),
  athleteIds: z.array(z.string()),
})
export type AthleteGroup = z.infer<typeof AthleteGroup>

export const groupsContract = {
  /** The account's groups, by name. */
  'groups:list': { args: none, result: z.array(AthleteGroup) },
  /** Saves a pick under a name; a group of the same name (any case) is replaced, keeping its id. */
  'groups:save': {
    args: z.strictObject({
      name: GroupName,
      athleteIds: distinct(z.array(AthleteId).min(1, 'Pick at least one athlete first.').max(MAX_GROUP_ATHLETES)),
    }),
    result: AthleteGroup,
  },
  'groups:delete': { args: z.strictObject({ groupId: GroupId }), result: z.object({ deleted: z.boolean() }) },
}
