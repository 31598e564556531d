export * from './channels'
export * from './errors'
export * from './schemas'
export type { Bridge } from './bridge'
