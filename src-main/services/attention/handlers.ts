import type { Channel } from '../../contract/channels'
import type { HandlersFor, ServiceDeps } from '../deps'
import type { RosterCache } from '../roster'
import { AttentionService } from './service'

type AttentionChannel = Extract<Channel, `attention:${string}`>

export function attentionHandlers(deps: ServiceDeps, roster: RosterCache): HandlersFor<AttentionChannel> {
  const attention = new AttentionService(deps, roster)
  return {
    'attention:list': ({ refresh, background }) => attention.list(refresh, background),
    'attention:settings': () => attention.store.settings(),
    'attention:saveSettings': ({ settings }) => attention.saveSettings(settings),
    'attention:markReviewed': ({ athleteId, activityId }) => attention.markReviewed(athleteId, activityId),
    'attention:comments': ({ activityId }) => attention.comments(activityId),
    'attention:addComment': ({ activityId, content }) => attention.addComment(activityId, content),
  }
}
