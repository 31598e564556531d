import { defineStore } from 'pinia'
import type { AthletePick } from '../components/find/athletePick'

/** The calendar's pick of athletes, kept while the coach visits other pages. */
export const useAthletePickStore = defineStore('athletePick', {
  state: (): AthletePick => ({ athleteIds: [], tag: null }),
})
