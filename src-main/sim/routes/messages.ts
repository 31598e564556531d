import { accessDenied, notFound, unprocessable } from '../errors'
import { chatFor, messageFor, type Chat, type Message, type SimChat } from '../chats'
import { int } from '../params'
import { intParam, pathParam, type Route, type RouteContext } from '../router'
import { findOwned } from './activityDetail'

// Comments on activities (GET/POST /activity/{id}/messages), the caller's chats with their unread
// counts (GET /athlete/{id}/chats) and the read marker (PUT /chats/{id}/messages/{msgId}/seen).
// The API key belongs to the coach, so the coach is the reader and the writer here.

function listMessages(ctx: RouteContext): Message[] {
  const { activity } = findOwned(ctx, 'read')
  const chat = ctx.state.chatOfActivity(activity.id ?? '')
  if (!chat) return []
  const sinceId = int(ctx.query, 'sinceId') ?? 0
  const limit = int(ctx.query, 'limit') ?? 100
  return chat.messages
    .filter((m) => (m.id ?? 0) > sinceId && !m.deleted)
    .slice(-Math.max(0, limit))
    .map((m) => messageFor(m, chat, ctx.state.coachId))
}

function sendMessage(ctx: RouteContext): { id: number; new_chat: Chat | null } {
  const { owner, activity } = findOwned(ctx, 'read')
  const body = ctx.body()
  const content = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).content : undefined
  if (typeof content !== 'string' || content.trim() === '') throw unprocessable('content is required')
  let chat = ctx.state.chatOfActivity(activity.id ?? '')
  const isNew = !chat
  if (!chat) {
    chat = { id: ctx.state.allocateChatId(), activityId: activity.id ?? '', athleteId: owner.id, name: activity.name ?? '', messages: [], lastSeen: new Map() }
    ctx.state.chats.set(chat.id, chat)
    activity.icu_chat_id = chat.id
  }
  const coach = ctx.state.coach
  const id = ctx.state.allocateMessageId()
  chat.messages.push({ id, athlete_id: coach.id, name: coach.athlete.name ?? '', created: ctx.now().toISOString(), type: 'TEXT', content, activity_id: activity.id })
  // Writing in a chat reads it up to one's own message.
  chat.lastSeen.set(coach.id, id)
  return { id, new_chat: isNew ? chatFor(chat, coach.id) : null }
}

function listChats(ctx: RouteContext): Chat[] {
  const id = pathParam(ctx, 'id')
  if (id !== '0' && id !== ctx.state.coachId) throw accessDenied()
  const reader = ctx.state.coachId
  return [...ctx.state.chats.values()]
    .filter((c) => ctx.state.athlete(c.athleteId)?.relation !== 'stranger')
    .map((c) => chatFor(c, reader))
    .sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? ''))
}

function markSeen(ctx: RouteContext): Record<string, never> {
  const chat: SimChat | undefined = ctx.state.chats.get(intParam(ctx, 'chatId'))
  if (!chat || ctx.state.athlete(chat.athleteId)?.relation === 'stranger') throw notFound('Chat not found')
  const msgId = Number(pathParam(ctx, 'msgId'))
  if (!Number.isSafeInteger(msgId) || !chat.messages.some((m) => m.id === msgId)) throw notFound('Message not found')
  const reader = ctx.state.coachId
  chat.lastSeen.set(reader, Math.max(chat.lastSeen.get(reader) ?? 0, msgId))
  return {}
}

export const messageRoutes: Route[] = [
  { method: 'GET', pattern: '/activity/:activityId/messages', handler: listMessages },
  { method: 'POST', pattern: '/activity/:activityId/messages', handler: sendMessage },
  { method: 'GET', pattern: '/athlete/:id/chats', handler: listChats },
  { method: 'PUT', pattern: '/chats/:chatId/messages/:msgId/seen', handler: markSeen },
]
