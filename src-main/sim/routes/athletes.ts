import { resolveAthlete } from '../auth'
import { notFound, springError } from '../errors'
import { optional } from '../params'
import { pathParam, type Route, type RouteContext } from '../router'
import type { AthleteWithTags, SimAthlete, SportSettings, WithSportSettings } from '../types'

function withSportSettings(a: SimAthlete): WithSportSettings {
  return { ...a.athlete, sportSettings: a.sportSettings, custom_items: [] }
}

function withTags(a: SimAthlete): AthleteWithTags {
  return { ...a.athlete, icu_tags: a.tags, icu_notes: a.relation === 'self' ? null : a.notes }
}

function listAthletes(ctx: RouteContext): AthleteWithTags[] {
  // Added to the live API in mid-2026; older servers have no such route.
  if (!ctx.athletesEndpoint) throw springError(404, '/api/v1/athletes', ctx.now())
  const prefix = optional(ctx.query, 'ext_id_prefix')
  const roster = ctx.state.roster.filter((a) => prefix === undefined || (a.externalId ?? '').startsWith(prefix))
  return roster.map(withTags)
}

/** `{id}` may be the numeric settings id or an activity type such as Run or Ride. */
function findSettings(all: SportSettings[], key: string): SportSettings {
  const found = all.find((s) => String(s.id) === key || (s.types ?? []).some((t) => t === key))
  if (!found) throw notFound(`Sport settings ${key} not found`)
  return found
}

export const athleteRoutes: Route[] = [
  { method: 'GET', pattern: '/athletes', handler: listAthletes },
  {
    method: 'GET',
    pattern: '/athlete/:id',
    handler: (ctx) => withSportSettings(resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')),
  },
  {
    method: 'GET',
    pattern: '/athlete/:id/sport-settings',
    handler: (ctx) => resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read').sportSettings,
  },
  {
    method: 'GET',
    pattern: '/athlete/:id/sport-settings/:settingsId',
    handler: (ctx) => findSettings(resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read').sportSettings, pathParam(ctx, 'settingsId')),
  },
]
