import type { components } from '../icu/generated/openapi'
import type { Wire } from './types'

export type Message = Wire<components['schemas']['Message']>
export type Chat = Wire<components['schemas']['Chat']>

/**
 * The comments on one activity: a chat of type ACTIVITY (the activity's `icu_chat_id`) whose
 * messages the owner and their coach write. Each reader has their own last seen message.
 */
export interface SimChat {
  id: number
  activityId: string
  /** The activity's owner. */
  athleteId: string
  name: string
  /** Ascending by id. */
  messages: Message[]
  /** The last message each reader has seen, by athlete id. */
  lastSeen: Map<string, number>
}

/** Messages from someone else after the reader's last seen one. */
export function unreadFor(chat: SimChat, readerId: string): Message[] {
  const seen = chat.lastSeen.get(readerId) ?? 0
  return chat.messages.filter((m) => m.athlete_id !== readerId && (m.id ?? 0) > seen && !m.deleted)
}

/** A message as `readerId` reads it: `seen` is theirs, not the writer's. */
export function messageFor(m: Message, chat: SimChat, readerId: string): Message {
  return { ...m, seen: m.athlete_id === readerId || (m.id ?? 0) <= (chat.lastSeen.get(readerId) ?? 0) }
}

export function chatFor(chat: SimChat, readerId: string): Chat {
  const last = chat.messages[chat.messages.length - 1]
  return {
    id: chat.id,
    type: 'ACTIVITY',
    name: chat.name,
    activity_id: chat.activityId,
    athlete_id: chat.athleteId,
    updated: last?.created ?? null,
    new_message_count: unreadFor(chat, readerId).length,
    last_seen_message_id: chat.lastSeen.get(readerId) ?? null,
    role: readerId === chat.athleteId ? 'ADMIN' : 'COACH',
  }
}
