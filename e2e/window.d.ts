/// <reference lib="dom" />
import type { Bridge } from '../src-main/contract'

declare global {
  interface Window {
    coachDesk?: Bridge
  }
}
