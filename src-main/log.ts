import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type Level = 'debug' | 'info' | 'warn' | 'error'
export type Fields = Record<string, unknown>

export interface Logger {
  debug(event: string, fields?: Fields): void
  info(event: string, fields?: Fields): void
  warn(event: string, fields?: Fields): void
  error(event: string, fields?: Fields): void
  /** Strings that must never be written (the API key): every line is scrubbed of them. */
  redact(secret: string): void
}

export interface LoggerOptions {
  file?: string
  console?: boolean
  minLevel?: Level
}

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** JSON-lines logger for the main process. Callers pass fields, never headers or keys. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  // Every spelling of every secret, longest first, so a longer one is not half-replaced by a shorter.
  let spellings: string[] = []
  const min = ORDER[opts.minLevel ?? 'info']
  if (opts.file) mkdirSync(dirname(opts.file), { recursive: true })

  function write(level: Level, event: string, fields?: Fields): void {
    if (ORDER[level] < min) return
    let line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })
    for (const s of spellings) line = line.split(s).join('[redacted]')
    if (opts.file) appendFileSync(opts.file, line + '\n', { mode: 0o600 })
    if (opts.console) (level === 'error' || level === 'warn' ? console.error : console.log)(line)
  }

  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    redact: (secret) => {
      if (secret.length < 4) return
      spellings = [...new Set([...spellings, ...spellingsOf(secret)])].sort((a, b) => b.length - a.length)
    },
  }
}

/**
 * How a secret can appear in a JSON line: as is, JSON-escaped once (inside a string field, where `"`
 * and `\` gain a backslash), twice (JSON text kept inside a field), and URL-encoded (a logged path).
 */
function spellingsOf(secret: string): string[] {
  const once = JSON.stringify(secret).slice(1, -1)
  const twice = JSON.stringify(once).slice(1, -1)
  return [secret, once, twice, encodeURIComponent(secret)]
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  redact() {},
}
