import type { components } from './generated/openapi'
import type { IcuHttp } from './http'
import type { Priority } from './limiter'

// Comments on activities and the chats they live in (paths relative to /api/v1). An activity's
// comments are the messages of its own chat (`Activity.icu_chat_id`, a Chat of type ACTIVITY).

export type Message = components['schemas']['Message']
export type NewMsg = components['schemas']['NewMsg']
export type Chat = components['schemas']['Chat']
type Opts = { signal?: AbortSignal; priority?: Priority }

/** GET /activity/{id}/messages: the comments, oldest first; each carries `seen` for the caller. */
export function listActivityMessages(http: IcuHttp, activityId: string, o: Opts = {}): Promise<Message[] | null> {
  return http.request({ path: `/activity/${encodeURIComponent(activityId)}/messages`, query: { limit: 500 }, signal: o.signal })
}

/**
 * POST /activity/{id}/messages with `{content}` (NewActivityMsg). It has no idempotency key, so it is
 * never repeated after a timeout or a 5xx (a 429, which the server did not process, still is).
 */
export function sendActivityMessage(http: IcuHttp, activityId: string, content: string, o: Opts = {}): Promise<NewMsg> {
  return http.request({
    method: 'POST',
    path: `/activity/${encodeURIComponent(activityId)}/messages`,
    body: { content },
    idempotent: false,
    signal: o.signal,
  })
}

/** GET /athlete/{id}/chats: the caller's chats, most recently active first, with `new_message_count`. */
export function listChats(http: IcuHttp, athleteId: string, o: Opts = {}): Promise<Chat[] | null> {
  return http.request({ path: `/athlete/${encodeURIComponent(athleteId)}/chats`, signal: o.signal, priority: o.priority })
}

/** PUT /chats/{id}/messages/{msgId}/seen: everything up to that message has been read. */
export function markChatSeen(http: IcuHttp, chatId: number, messageId: number, o: Opts = {}): Promise<unknown> {
  return http.request({ method: 'PUT', path: `/chats/${chatId}/messages/${messageId}/seen`, signal: o.signal })
}
