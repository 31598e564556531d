import { z } from 'zod'
import type { Channel } from './channels'
import { AppCommand } from './appCommands'
import { athleteContract } from './athlete'
import { attentionContract } from './attention'
import { groupsContract } from './groups'
import { BulkProgress, CalendarRow, calendarContract } from './calendar'
import { ExportProgress, exportsContract } from './exports'
import { rosterContract } from './roster'
import { SessionStatus, sessionContract } from './session'
import { WeekDetail } from './roster'
import { workoutsContract } from './workouts'

export * from './common'
export * from './session'
export * from './roster'
export * from './athlete'
export * from './calendar'
export * from './exports'
export * from './workouts'
export * from './attention'
export * from './groups'

/** Every channel's argument and result schema, one file per domain. */
export const contract = {
  ...sessionContract,
  ...rosterContract,
  ...athleteContract,
  ...calendarContract,
  ...exportsContract,
  ...workoutsContract,
  ...attentionContract,
  ...groupsContract,
} satisfies Record<Channel, { args: z.ZodType; result: z.ZodType }>

export const eventPayloads = {
  'session:changed': SessionStatus,
  'roster:detail': WeekDetail,
  /** One request waits before its next attempt; the window folds these into one notice with a countdown. */
  'icu:retrying': z.object({ delaySecs: z.number(), reason: z.string() }),
  'calendar:row': CalendarRow,
  'bulk:progress': BulkProgress,
  'exports:progress': ExportProgress,
  'app:command': AppCommand,
}

export type Contract = typeof contract
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>
export type EventPayloadOf<E extends keyof typeof eventPayloads> = z.output<(typeof eventPayloads)[E]>
