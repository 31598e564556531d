// Channel names only (no schemas), so the preload can build its bridge without bundling zod.
export const CHANNELS = [
  'session:status',
  'session:testConnection',
  'session:connect',
  'session:disconnect',
  'session:openDemo',
  'session:stopWaiting',
  'roster:list',
  'roster:weekDetails',
  'roster:cancelDetails',
  'athlete:get',
  'athlete:activities',
  'athlete:activity',
  'athlete:streams',
  'athlete:streamsCsv',
  'athlete:updateActivity',
  'athlete:logManual',
  'athlete:fitness',
  'athlete:wellness',
  'athlete:updateWellness',
  'athlete:updateWellnessBulk',
  'athlete:wellnessCsv',
  'athlete:updateSportSettings',
  'app:openExternal',
  'calendar:range',
  'calendar:planBulk',
  'calendar:applyBulk',
  'calendar:cancelBulk',
  'calendar:planRetry',
  'calendar:planUndo',
  'calendar:history',
  'calendar:resolveJob',
  'calendar:createEvent',
  'calendar:updateEvent',
  'calendar:dayWellness',
  'exports:saveEvent',
  'exports:saveMany',
  'exports:cancel',
  'exports:prepareDrag',
  'exports:startDrag',
  'workouts:parse',
  'workouts:thresholds',
  'workouts:import',
  'workouts:library',
  'workouts:saveToLibrary',
  'workouts:planAssign',
  'workouts:templates',
  'workouts:saveWeekTemplate',
  'workouts:deleteTemplate',
  'workouts:planTemplate',
  'attention:list',
  'attention:settings',
  'attention:saveSettings',
  'attention:markReviewed',
  'attention:comments',
  'attention:addComment',
  'app:notify',
  'groups:list',
  'groups:save',
  'groups:delete',
] as const

export type Channel = (typeof CHANNELS)[number]

// Main-to-renderer events: a fixed list, nothing else is ever sent.
export const EVENTS = ['session:changed', 'roster:detail', 'icu:retrying', 'calendar:row', 'bulk:progress', 'exports:progress', 'app:command'] as const
export type EventName = (typeof EVENTS)[number]

export type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
export type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never

export function splitChannel(channel: string): [domain: string, verb: string] {
  const i = channel.indexOf(':')
  return [channel.slice(0, i), channel.slice(i + 1)]
}
