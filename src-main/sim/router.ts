import { badRequest, springError } from './errors'
import type { SimProfile } from './profile'
import type { SimState } from './state'

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RouteContext {
  state: SimState
  params: Record<string, string>
  query: URLSearchParams
  /** The parsed JSON body; throws a 400 like Spring for a missing or malformed one. */
  body(): unknown
  now(): Date
  athletesEndpoint: boolean
  profile: SimProfile
}

/** The response body; `undefined` answers 200 with an empty body. */
export type Handler = (ctx: RouteContext) => unknown

export interface Route {
  method: Method
  /** Relative to /api/v1, with `:name` segments, e.g. /athlete/:id/events/:eventId */
  pattern: string
  handler: Handler
}

interface CompiledRoute extends Route {
  segments: string[]
}

export type Match = { route: Route; params: Record<string, string> }

export class Router {
  private readonly routes: CompiledRoute[]

  /** Routes are tried in order, so literal paths (events/bulk) must come before :params. */
  constructor(
    private readonly prefix: string,
    routes: Route[],
  ) {
    this.routes = routes.map((r) => ({ ...r, segments: r.pattern.split('/').filter(Boolean) }))
  }

  /** Finds the handler; unknown paths are Spring's 404, known paths with another method its 405. */
  match(method: string, path: string, now: Date): Match {
    if (!path.startsWith(`${this.prefix}/`)) throw springError(404, path, now)
    const parts = path.slice(this.prefix.length).split('/').filter(Boolean)
    let pathKnown = false
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts)
      if (!params) continue
      pathKnown = true
      if (route.method === method) return { route, params }
    }
    throw springError(pathKnown ? 405 : 404, path, now)
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (const [i, seg] of segments.entries()) {
    let part: string
    try {
      // Both lists have the same length (checked above), so parts[i] is there.
      part = decodeURIComponent(parts[i]!)
    } catch {
      return null
    }
    if (seg.startsWith(':')) params[seg.slice(1)] = part
    else if (seg !== part) return null
  }
  return params
}

/** A `:name` segment of the route's pattern; a handler asking for one its pattern lacks is a mistake in the simulator. */
export function pathParam(ctx: RouteContext, name: string): string {
  const value = ctx.params[name]
  if (value === undefined) throw new Error(`The route has no :${name} segment.`)
  return value
}

/** An int path parameter (event ids are int32). */
export function intParam(ctx: RouteContext, name: string): number {
  const raw = pathParam(ctx, name)
  if (!/^\d{1,10}$/.test(raw)) {
    throw badRequest(`Failed to convert value of type 'java.lang.String' to required type 'int'; For input string: "${raw}"`)
  }
  return Number(raw)
}
