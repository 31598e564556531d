// A local intervals.icu for the demo, the tests and the benchmarks.
export { DEMO_API_KEY, DEMO_COACH_ID, UNCOACHED_ATHLETE_ID } from './constants'
export { startSim } from './server'
export { SimState } from './state'
export type { FaultRule, SimAthlete, SimHandle, SimOptions, SimRequestLog } from './types'
export { DEFAULT_PROFILE, VARIANTS, parseProfile, profilesFor, type NamedProfile, type SimProfile } from './profile'
