import type { Channel } from '../../contract/channels'
import type { HandlersFor, ServiceDeps } from '../deps'
import { GroupStore, type GroupAccount } from './store'

type GroupsChannel = Extract<Channel, `groups:${string}`>

export function groupsHandlers(deps: ServiceDeps): HandlersFor<GroupsChannel> {
  const store = new GroupStore(deps.dataDir, deps.log)
  /** Groups belong to the account connected (the demo's live in memory); nobody connected has none. */
  function account(): GroupAccount {
    const s = deps.session.status()
    return s.state === 'connected' && s.server && s.athleteId ? { server: s.server, athleteId: s.athleteId } : null
  }
  function requireSession(): void {
    // Called for the check alone: it throws AUTH_MISSING when nobody is connected and no demo is open.
    deps.session.http()
  }
  return {
    'groups:list': async () => {
      requireSession()
      return store.list(account())
    },
    'groups:save': async ({ name, athleteIds }) => {
      requireSession()
      return store.save(account(), name, athleteIds)
    },
    'groups:delete': async ({ groupId }) => {
      requireSession()
      return { deleted: await store.delete(account(), groupId) }
    },
  }
}
