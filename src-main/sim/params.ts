import { parseLocal } from './dates'
import { missingParam, unprocessable, type JavaType } from './errors'

// Query parameters the Spring way: a List parameter takes `a,b` and repeated `x=a&x=b` alike,
// and a missing required one is a 422 with Spring's own message.

export function optional(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name)
  return value === null || value === '' ? undefined : value
}

export function required(query: URLSearchParams, name: string, type: JavaType = 'string'): string {
  const value = optional(query, name)
  if (value === undefined) throw missingParam(name, type)
  return value
}

export function list(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

export function bool(query: URLSearchParams, name: string): boolean {
  const value = optional(query, name)
  if (value === undefined) return false
  if (value === 'true') return true
  if (value === 'false') return false
  throw unprocessable(`Failed to convert value of type 'java.lang.String' to required type 'boolean'; Invalid boolean value [${value}]`)
}

/** A boolean the spec marks required: missing is Spring's 422, as for any required parameter. */
export function requiredBool(query: URLSearchParams, name: string): boolean {
  required(query, name, 'boolean')
  return bool(query, name)
}

export function int(query: URLSearchParams, name: string): number | undefined {
  const value = optional(query, name)
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value)) {
    throw unprocessable(`Failed to convert value of type 'java.lang.String' to required type 'int'; For input string: "${value}"`)
  }
  return Number(value)
}

/** A local date or date-time ('yyyy-MM-dd[THH:mm:ss]'), checked; returns the text as given. */
export function localDate(query: URLSearchParams, name: string): string | undefined {
  const value = optional(query, name)
  if (value === undefined) return undefined
  if (!parseLocal(value)) throw unprocessable(`Text '${value}' could not be parsed at index 0`)
  return value
}

export function requiredLocalDate(query: URLSearchParams, name: string): string {
  required(query, name)
  return localDate(query, name) ?? ''
}
