export const DEMO_COACH_ID = 'i100000'
export const DEMO_API_KEY = 'demo-coach-desk-key-0000'
/** Exists on the server but is not coached by the demo coach: every request for it is refused. */
export const UNCOACHED_ATHLETE_ID = 'i999999'
export const API_PREFIX = '/api/v1'
