// Error answers in the shapes intervals.icu sends (see docs/intervals-api.md section 5).

export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`)
  }
}

const apiError = (status: number, error: string): SimHttpError => new SimHttpError(status, { status, error })

export const unauthorized = (): SimHttpError => apiError(401, 'Unauthorized')
export const accessDenied = (): SimHttpError => apiError(403, 'Access denied')
export const unprocessable = (message: string): SimHttpError => apiError(422, message)
export const badRequest = (message: string): SimHttpError => apiError(400, message)
export const serverError = (message: string): SimHttpError => apiError(500, message)
export const notFound = (message: string): SimHttpError => apiError(404, message)
export const tooManyRequests = (retryAfter = true): SimHttpError =>
  new SimHttpError(429, { status: 429, error: 'Too Many Requests' }, retryAfter ? { 'Retry-After': '1' } : {})

/** Spring's own error page, used for unknown routes and wrong methods. */
export function springError(status: 404 | 405, path: string, now: Date): SimHttpError {
  return new SimHttpError(status, {
    timestamp: now.toISOString().replace('Z', '+00:00'),
    status,
    error: status === 404 ? 'Not Found' : 'Method Not Allowed',
    path,
  })
}

const JAVA_TYPES = { string: 'String', list: 'List', boolean: 'Boolean', int: 'Integer' } as const
export type JavaType = keyof typeof JAVA_TYPES

export function missingParam(name: string, type: JavaType = 'string'): SimHttpError {
  return unprocessable(`Required request parameter '${name}' for method parameter type ${JAVA_TYPES[type]} is not present`)
}

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Access denied',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}
