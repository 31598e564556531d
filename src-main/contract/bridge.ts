import type { Channel, DomainOf, EventName, VerbOf } from './channels'
import type { Result } from './errors'
import type { ArgsOf, EventPayloadOf, ResultOf } from './schemas'

type ChannelsOf<D extends string> = Extract<Channel, `${D}:${string}`>

/** What the preload exposes as `window.coachDesk`: one named function per channel, grouped by domain. */
export type Bridge = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<ChannelsOf<D>, D>]: (args: ArgsOf<`${D}:${V}` & Channel>) => Promise<Result<ResultOf<`${D}:${V}` & Channel>>>
  }
} & {
  events: {
    [E in EventName]: (listener: (payload: EventPayloadOf<E>) => void) => () => void
  }
}
