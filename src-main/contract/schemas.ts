import { z } from 'zod'
import type { Channel } from './channels'
import { athleteContract } from './athlete'
import { rosterContract } from './roster'
import { SessionStatus, sessionContract } from './session'
import { WeekDetail } from './roster'

export * from './common'
export * from './session'
export * from './roster'
export * from './athlete'

/** Every channel's argument and result schema, one file per domain. */
export const contract = {
  ...sessionContract,
  ...rosterContract,
  ...athleteContract,
} satisfies Record<Channel, { args: z.ZodType; result: z.ZodType }>

export const eventPayloads = {
  'session:changed': SessionStatus,
  'roster:detail': WeekDetail,
  'icu:retrying': z.object({ delaySecs: z.number(), reason: z.string() }),
}

export type Contract = typeof contract
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>
export type EventPayloadOf<E extends keyof typeof eventPayloads> = z.output<(typeof eventPayloads)[E]>
