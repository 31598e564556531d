import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Who may use the browser host: only the browser that opened the one-time link the host printed
 * (or opened) at start. That link's secret is spent on first use and swapped for an HttpOnly,
 * SameSite=Strict cookie; every page, asset, call and the event stream then needs the cookie. So a
 * local program that merely asks for `GET /` gets no page, no token and no way in.
 */
export class HostAccess {
  private launchSecret: string | null = randomBytes(24).toString('hex')
  private readonly session = randomBytes(32).toString('hex')
  private cookieName = 'coach-desk'

  /** Cookies are not kept apart by port on 127.0.0.1: the port in the name keeps two hosts apart. */
  listeningOn(port: number): void {
    this.cookieName = `coach-desk-${port}`
  }

  /** The link to open once; null after it was used. */
  launchPath(): string | null {
    return this.launchSecret ? `/?secret=${this.launchSecret}` : null
  }

  /** Spends the one-time secret: a Set-Cookie header for the browser presenting it, otherwise null. */
  redeem(secret: string | null): string | null {
    if (!this.launchSecret || !secret || !sameSecret(secret, this.launchSecret)) return null
    this.launchSecret = null
    return `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/`
  }

  /** The request carries this run's session cookie. */
  admits(req: IncomingMessage): boolean {
    const presented = cookie(req.headers.cookie, this.cookieName)
    return presented !== null && sameSecret(presented, this.session)
  }
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
