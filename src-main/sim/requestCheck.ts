import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { SimRequestLog } from './types'

/**
 * Checks the requests a client sent against the official OpenAPI document: the operation exists,
 * query parameters are known and required ones present, booleans and integers are such, and a JSON
 * body fits its schema (no unknown field, no null where the document allows none, types right).
 * The core test harness and the e2e fixture run it over every request of every test.
 */

type Schema = {
  $ref?: string
  type?: string
  properties?: Record<string, Schema>
  items?: Schema
  enum?: unknown[]
  nullable?: boolean
  additionalProperties?: boolean | Schema
  required?: string[]
}
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

interface Route {
  template: string
  regex: RegExp
  /** Literal characters: the more specific template wins (events/bulk before events/{eventId}). */
  weight: number
  operations: Record<string, Operation>
}

let cached: { doc: OpenApi; routes: Route[] } | null = null

function load(): { doc: OpenApi; routes: Route[] } {
  if (cached) return cached
  // The document the client's types were generated from (npm run gen:api copies it beside them).
  const file = resolve(import.meta.dirname, '../icu/generated/intervals-openapi.json')
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApi
  const routes = Object.entries(doc.paths).map(([template, operations]) => {
    const pattern = template
      .split('/')
      .map((seg) =>
        seg
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          // A whole segment is a parameter; a trailing {ext}/{format} is an optional file extension.
          .replace(/^\{[^}]+\}$/, '([^/]+)')
          .replace(/\{[^}]+\}$/, '(\\.[A-Za-z0-9]+)?'),
      )
      .join('/')
    return { template, regex: new RegExp(`^${pattern}$`), weight: template.replace(/\{[^}]+\}/g, '').length, operations }
  })
  routes.sort((a, b) => b.weight - a.weight)
  cached = { doc, routes }
  return cached
}

/** Problems with one request, in words; empty when it conforms. */
export function checkRequest(req: Pick<SimRequestLog, 'method' | 'path' | 'query' | 'body'>): string[] {
  const { doc, routes } = load()
  const route = routes.find((r) => r.regex.test(req.path) && r.operations[req.method.toLowerCase()])
  const where = `${req.method} ${req.path}`
  if (!route) return [`${where}: no such operation in the OpenAPI document`]
  const op = route.operations[req.method.toLowerCase()]!
  const problems: string[] = []
  const query = new URLSearchParams(req.query)
  const params = (op.parameters ?? []).filter((p) => p.in === 'query')
  for (const name of new Set(query.keys())) {
    const p = params.find((x) => x.name === name)
    if (!p) problems.push(`${where}: unknown query parameter "${name}"`)
    else problems.push(...scalarProblems(`${where} ?${name}`, query.get(name) ?? '', p.schema, doc))
  }
  for (const p of params) if (p.required && !query.has(p.name)) problems.push(`${where}: required query parameter "${p.name}" missing`)
  const json = op.requestBody?.content?.['application/json']?.schema
  if (req.body !== undefined && json && typeof req.body !== 'string') problems.push(...valueProblems(`${where} body`, req.body, json, doc))
  return problems
}

/** Every problem in a request log (a test's whole conversation with the simulator). */
export function checkRequests(log: SimRequestLog[]): string[] {
  return log.flatMap((r) => checkRequest(r))
}

function deref(s: Schema | undefined, doc: OpenApi): Schema | undefined {
  let out = s
  while (out?.$ref) out = doc.components.schemas[out.$ref.replace('#/components/schemas/', '')]
  return out
}

function scalarProblems(where: string, raw: string, schema: Schema | undefined, doc: OpenApi): string[] {
  const s = deref(schema, doc)
  if (s?.type === 'boolean' && raw !== 'true' && raw !== 'false') return [`${where}: "${raw}" is not a boolean`]
  if (s?.type === 'integer' && !/^-?\d+$/.test(raw)) return [`${where}: "${raw}" is not an integer`]
  if (s?.type === 'number' && Number.isNaN(Number(raw))) return [`${where}: "${raw}" is not a number`]
  if (s?.enum && !s.enum.includes(raw)) return [`${where}: "${raw}" is not one of ${s.enum.join(', ')}`]
  return []
}

function valueProblems(where: string, value: unknown, schema: Schema, doc: OpenApi): string[] {
  const s = deref(schema, doc)
  if (!s) return []
  if (value === null) return s.nullable ? [] : [`${where}: null where the document allows none`]
  switch (s.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${where}: expected an object`]
      const out: string[] = []
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const prop = s.properties?.[k]
        if (prop) out.push(...valueProblems(`${where}.${k}`, v, prop, doc))
        else if (typeof s.additionalProperties === 'object') out.push(...valueProblems(`${where}.${k}`, v, s.additionalProperties, doc))
        else if (s.properties && s.additionalProperties !== true) out.push(`${where}: unknown field "${k}"`)
      }
      return out
    }
    case 'array':
      if (!Array.isArray(value)) return [`${where}: expected an array`]
      return value.flatMap((v, i) => (s.items ? valueProblems(`${where}[${i}]`, v, s.items, doc) : []))
    case 'string':
      if (typeof value !== 'string') return [`${where}: expected a string`]
      return s.enum && !s.enum.includes(value) ? [`${where}: "${value}" is not one of ${s.enum.join(', ')}`] : []
    case 'integer':
      return Number.isInteger(value) ? [] : [`${where}: expected an integer`]
    case 'number':
      return typeof value === 'number' ? [] : [`${where}: expected a number`]
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where}: expected a boolean`]
    default:
      return []
  }
}
