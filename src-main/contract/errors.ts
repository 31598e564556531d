export const ERROR_CODES = [
  'AUTH_MISSING',
  'AUTH_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'NETWORK',
  'TIMEOUT',
  'INVALID_INPUT',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'SERVER',
  'CANCELLED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorShape {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** An expected failure, with a message written for a coach. Details stay in the main-process log. */
export class AppError extends Error implements AppErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}
