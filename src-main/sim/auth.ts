import { accessDenied, serverError, unauthorized } from './errors'
import type { SimState } from './state'
import type { SimAthlete } from './types'

/**
 * Checks the Authorization header the way intervals.icu does for personal API keys: HTTP Basic
 * with the literal user name `API_KEY`. No credentials (or an empty password) is 401; a wrong key,
 * a wrong user name or a Bearer token is 403 "Access denied".
 */
export function authenticate(header: string | undefined, apiKey: string): void {
  if (!header || header.trim() === '') throw unauthorized()
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2)
  if (scheme.toLowerCase() === 'bearer') throw accessDenied()
  if (scheme.toLowerCase() !== 'basic' || credentials === '') throw unauthorized()
  // The live server answers a badly encoded header with Java's decoder message and a 500.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(credentials) || credentials.length % 4 !== 0) {
    throw serverError('Input byte array has incorrect ending byte')
  }
  const decoded = Buffer.from(credentials, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const user = colon < 0 ? decoded : decoded.slice(0, colon)
  const password = colon < 0 ? '' : decoded.slice(colon + 1)
  if (password === '') throw unauthorized()
  if (user !== 'API_KEY' || password !== apiKey) throw accessDenied()
}

export type Access = 'read' | 'write'

/**
 * Resolves the athlete id in a path for the demo coach. `0` means the caller. Anyone the coach
 * neither is nor coaches is refused with 403 whether or not the id exists, so ids cannot be probed.
 * Writes need WRITE permission on a coached athlete.
 */
export function resolveAthlete(state: SimState, id: string, access: Access): SimAthlete {
  const athlete = id === '0' ? state.coach : state.athlete(id)
  if (!athlete || athlete.relation === 'stranger') throw accessDenied()
  if (access === 'write' && athlete.relation === 'coached' && athlete.athlete.icu_permission !== 'WRITE') {
    throw accessDenied()
  }
  return athlete
}
