import type { Channel, EventName } from '../contract/channels'
import type { EventPayloadOf, ParsedArgsOf, ResultOf } from '../contract/schemas'
import type { Logger } from '../log'
import type { SessionService } from './session'

/** What every service gets from the composition root. */
export interface ServiceDeps {
  session: SessionService
  now: () => Date
  log: Logger
  emit: <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void
  /** The folder main writes its own files into (exports, drag files). */
  dataDir: string
}

/** What the transport knows about one call: Electron fills startDrag from the window that asked. */
export interface InvokeContext {
  startDrag?: (files: string[]) => void
}

/** Handlers for the channels of one domain, typed from the contract. */
export type HandlersFor<C extends Channel> = { [K in C]: (args: ParsedArgsOf<K>, ctx: InvokeContext) => Promise<ResultOf<K>> }
