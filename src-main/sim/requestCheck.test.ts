import { describe, expect, it } from 'vitest'
import { checkRequest } from './requestCheck'

const req = (method: string, path: string, query = '', body?: unknown) => ({ method, path, query, body })

describe('checkRequest against the OpenAPI document', () => {
  it('accepts what the document describes', () => {
    expect(checkRequest(req('GET', '/api/v1/athlete/i1/events', 'oldest=2026-12-01&newest=2026-12-07'))).toEqual([])
    expect(checkRequest(req('GET', '/api/v1/athlete/i1/events.csv', 'oldest=2026-12-01'))).toEqual([])
    expect(checkRequest(req('POST', '/api/v1/athlete/i1/events/bulk', 'upsertOnUid=true&updatePlanApplied=false', [{ name: 'A', category: 'WORKOUT', uid: 'x' }]))).toEqual([])
    expect(checkRequest(req('PUT', '/api/v1/athlete/i1/events/12', '', { hide_from_athlete: true }))).toEqual([])
  })

  it('names each way a request breaks it', () => {
    expect(checkRequest(req('POST', '/api/v1/athlete/i1/events/bulk', 'upsertOnUid=yes', [{ name: null, colour: 'red' }]))).toEqual([
      'POST /api/v1/athlete/i1/events/bulk ?upsertOnUid: "yes" is not a boolean',
      'POST /api/v1/athlete/i1/events/bulk: required query parameter "updatePlanApplied" missing',
      'POST /api/v1/athlete/i1/events/bulk body[0].name: null where the document allows none',
      'POST /api/v1/athlete/i1/events/bulk body[0]: unknown field "colour"',
    ])
    expect(checkRequest(req('GET', '/api/v1/athlete/i1/events', 'from=2026-12-01'))).toEqual(['GET /api/v1/athlete/i1/events: unknown query parameter "from"'])
    expect(checkRequest(req('PATCH', '/api/v1/athlete/i1/events/12'))).toEqual(['PATCH /api/v1/athlete/i1/events/12: no such operation in the OpenAPI document'])
    expect(checkRequest(req('PUT', '/api/v1/athlete/i1/events/12', '', { moving_time: 'long' }))).toEqual(['PUT /api/v1/athlete/i1/events/12 body.moving_time: expected an integer'])
  })
})
