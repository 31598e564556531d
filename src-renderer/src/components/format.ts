// Display formatting shared by the views.
import { coachDate } from '@contract'

export function hours(secs: number | null | undefined): string {
  if (!secs) return '0:00'
  const h = Math.floor(secs / 3600)
  const m = Math.round((secs % 3600) / 60)
  return `${h}:${String(m).padStart(2, '0')}`
}

export function km(meters: number | null | undefined): string {
  return meters ? `${(meters / 1000).toFixed(1)} km` : '–'
}

export function fixed(v: number | null | undefined, digits = 0): string {
  return v === null || v === undefined ? '–' : v.toFixed(digits)
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('')
}

/** "today", "yesterday", "3 days ago" relative to the athlete's own today. */
export function daysAgo(date: string | null | undefined, today: string): string {
  if (!date) return '–'
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date.slice(0, 10)}T00:00:00Z`)) / 86_400_000)
  if (days <= 0) return 'today'
  if (days === 1) return 'yesterday'
  if (days < 14) return `${days} days ago`
  return `${Math.round(days / 7)} weeks ago`
}

const SPORT_LABELS: Record<string, string> = {
  Ride: 'Bike',
  VirtualRide: 'Zwift',
  Run: 'Run',
  VirtualRun: 'Run',
  Swim: 'Swim',
  WeightTraining: 'Gym',
  Walk: 'Walk',
  Hike: 'Hike',
  NordicSki: 'Ski',
  Rowing: 'Row',
  Other: 'Other',
}

/** A short label for a sport, shown in a coloured tag (no emoji: not every system font has them). */
export function sportIcon(sport: string): string {
  return SPORT_LABELS[sport] ?? sport.slice(0, 4)
}

export function sportClass(sport: string | null | undefined): string {
  const s = sport ?? ''
  if (s.includes('Ride')) return 'sport-ride'
  if (s.includes('Run')) return 'sport-run'
  if (s.includes('Swim')) return 'sport-swim'
  return 'sport-other'
}

/** When data was loaded, on this computer's clock: "09:41", with the date in front when it was not today. */
export function loadedTime(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return 'earlier'
  const d = new Date(iso)
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const day = (x: Date) => `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`
  return day(d) === day(now) ? time : `${coachDate(day(d))} ${time}`
}
