import { AppError } from '../contract/errors'

/**
 * Maps an intervals.icu error answer to a contract code and a sentence a coach understands. The
 * server's own words are passed on only when they do not repeat the API key the request carried.
 */
export function errorFromResponse(status: number, bodyText: string, path: string, apiKey?: string): AppError {
  const said = readServerMessage(bodyText)
  const echoesKey = !!said && !!apiKey && mentionsKey(said, apiKey)
  // Checked before shortening, so a key cut in half at the end is caught too.
  const serverSays = echoesKey || !said ? null : said.slice(0, 300)
  const detail = `HTTP ${status} ${path}${serverSays ? `: ${serverSays}` : echoesKey ? ' (its text repeated the API key and was dropped)' : ''}`
  switch (status) {
    case 401:
      return new AppError('AUTH_MISSING', 'intervals.icu asked for an API key. Connect your account again.', detail)
    case 403:
      // intervals.icu answers 403 "Access denied" both for a wrong key and for an athlete you cannot see.
      return path === '/athletes'
        ? new AppError('AUTH_INVALID', 'intervals.icu refused this API key.', detail)
        : new AppError('FORBIDDEN', 'You have no access to this athlete.', detail)
    case 404:
      return new AppError('NOT_FOUND', 'intervals.icu could not find that. It may have been deleted.', detail)
    case 409:
      return new AppError('CONFLICT', 'That changed on intervals.icu in the meantime. Refresh and try again.', detail)
    case 422:
    case 400:
      return new AppError(
        'INVALID_INPUT',
        serverSays ? `intervals.icu did not accept that: ${serverSays}` : 'intervals.icu did not accept that request.',
        detail,
      )
    case 429:
      return new AppError('RATE_LIMITED', 'intervals.icu is busy; Coach Desk is waiting a moment and retrying.', detail)
    default:
      if (status >= 500) return new AppError('SERVER', `intervals.icu had a problem (error ${status}). Try again shortly.`, detail)
      return new AppError('SERVER', `intervals.icu answered with an unexpected status ${status}.`, detail)
  }
}

export function errorFromNetwork(e: unknown): AppError {
  const cause = (e as { cause?: { code?: string } })?.cause?.code ?? (e as Error)?.message ?? 'unknown'
  return new AppError('NETWORK', 'Coach Desk could not reach intervals.icu. Check the internet connection.', String(cause))
}

/** The key as it is, URL-encoded, or inside the Basic credential the request sent. */
function mentionsKey(text: string, key: string): boolean {
  const basic = Buffer.from(`API_KEY:${key}`).toString('base64')
  return [key, encodeURIComponent(key), basic].some((form) => text.includes(form))
}

function readServerMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown }
    const msg = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : null
    return msg || null
  } catch {
    return null
  }
}
