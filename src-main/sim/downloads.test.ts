import { Decoder, Stream, type WorkoutStepMesg } from '@garmin/fitsdk'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWorkout, type Step } from '../workouts'
import { addDays } from './dates'
import { basicAuth, startTestSim } from './testHarness'
import type { CalendarEvent, SimAthlete, SimHandle } from './types'

// The workout files the simulator serves are what the export code saves, so they are checked the
// way a device or a trainer app would read them.

let sim: SimHandle
beforeAll(async () => {
  sim = await startTestSim()
})
afterAll(() => sim.close())

async function get(path: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
  const res = await fetch(`${sim.url}/api/v1${path}`, { headers: { Authorization: basicAuth(sim.apiKey) } })
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers }
}

const text = (b: Uint8Array) => new TextDecoder().decode(b)

function athleteWith(pred: (a: SimAthlete) => boolean): SimAthlete {
  const a = sim.state.coached.find(pred)
  if (!a) throw new Error('no such athlete in the seed')
  return a
}
const ftpOf = (a: SimAthlete) => a.sportSettings.find((s) => s.types?.includes('Ride'))?.ftp ?? 0
const cyclist = () => athleteWith((a) => a.profile === 'cyclist')
function workoutOf(a: SimAthlete, pred: (e: CalendarEvent) => boolean = () => true): CalendarEvent {
  const e = a.events.find((x) => x.category === 'WORKOUT' && pred(x))
  if (!e) throw new Error('no such workout in the seed')
  return e
}
const withRepeats = (e: CalendarEvent) => /\dx/.test(e.description ?? '') && /Ride/.test(e.type ?? '')

/** A strict well-formedness check: every tag closed in order, attributes quoted, one root element. */
function xmlElements(src: string): { name: string; attrs: Record<string, string> }[] {
  const body = src.replace(/^<\?xml[^?]*\?>\s*/, '')
  const stack: string[] = []
  const out: { name: string; attrs: Record<string, string> }[] = []
  let roots = 0
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g)) {
    if (m[6]) throw new Error(`stray < at ${m.index}`)
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[5])) throw new Error('bare &')
      if (!stack.length && m[5].trim()) throw new Error('text outside the root')
      continue
    }
    const [, close, name, rawAttrs, selfClose] = m
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`)
      continue
    }
    if (!stack.length) roots++
    const attrs = Object.fromEntries([...rawAttrs!.matchAll(/([\w.-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]))
    out.push({ name: name!, attrs })
    if (!selfClose) stack.push(name!)
  }
  if (stack.length || roots !== 1) throw new Error('unbalanced document')
  return out
}

function decodeFit(bytes: Uint8Array) {
  const decoder = new Decoder(Stream.fromByteArray(bytes))
  expect(decoder.isFIT()).toBe(true)
  expect(decoder.checkIntegrity()).toBe(true)
  const { messages, errors } = decoder.read()
  expect(errors).toEqual([])
  return messages
}

describe('GET /athlete/{id}/events/{eventId}/download{ext}', () => {
  it('serves a Zwift file that is well-formed XML with the workout’s blocks and time', async () => {
    const a = cyclist()
    const e = workoutOf(a, withRepeats)
    const res = await get(`/athlete/${a.id}/events/${e.id}/download.zwo`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.zwo"$/)
    const elements = xmlElements(text(res.bytes))
    expect(elements[0]!.name).toBe('workout_file')
    expect(elements.find((x) => x.name === 'name')).toBeDefined()
    const blocks = elements.slice(elements.findIndex((x) => x.name === 'workout') + 1).filter((x) => x.attrs.Duration || x.attrs.Repeat)
    const secs = blocks.reduce(
      (sum, b) => sum + (b.attrs.Repeat ? Number(b.attrs.Repeat) * (Number(b.attrs.OnDuration) + Number(b.attrs.OffDuration)) : Number(b.attrs.Duration)),
      0,
    )
    expect(secs).toBe(parseWorkout(e.description ?? '', { sport: 'Ride' }).totalSecs)
    expect(blocks.some((b) => b.name === 'IntervalsT' || b.name === 'SteadyState')).toBe(true)
  })

  it('serves .mrc in % of FTP and .erg in the athlete’s watts, over the whole workout', async () => {
    const a = cyclist()
    const e = workoutOf(a, withRepeats)
    const total = parseWorkout(e.description ?? '', { sport: 'Ride' }).totalSecs
    const points = (src: string) =>
      src
        .split('[COURSE DATA]')[1]!
        .split('[END COURSE DATA]')[0]!
        .trim()
        .split('\r\n')
        .map((l) => l.split('\t').map(Number) as [number, number])
    const mrc = text((await get(`/athlete/${a.id}/events/${e.id}/download.mrc`)).bytes)
    const erg = text((await get(`/athlete/${a.id}/events/${e.id}/download.erg`)).bytes)
    expect(mrc).toContain('MINUTES PERCENT')
    expect(erg).toContain(`FTP = ${ftpOf(a)}`)
    const [pm, pe] = [points(mrc), points(erg)]
    expect(pm.at(-1)![0]).toBeCloseTo(total / 60, 1)
    expect(pe.map((p) => p[0])).toEqual(pm.map((p) => p[0]))
    // Each ERG point is the MRC percentage of this athlete's FTP.
    for (let i = 0; i < pm.length; i++) expect(Math.abs(pe[i]![1] - (pm[i]![1] / 100) * ftpOf(a))).toBeLessThanOrEqual(1)
  })

  it('serves a FIT workout whose steps, durations, repeats and power targets match the text', async () => {
    const a = cyclist()
    const e = workoutOf(a, withRepeats)
    const parsed = parseWorkout(e.description ?? '', { sport: 'Ride' })
    const messages = decodeFit((await get(`/athlete/${a.id}/events/${e.id}/download.fit`)).bytes)
    expect(messages.fileIdMesgs?.[0]?.type).toBe('workout')
    expect(messages.workoutMesgs?.[0]).toMatchObject({ wktName: e.name, sport: 'cycling' })
    const steps = messages.workoutStepMesgs ?? []
    const expected: { secs?: number; low?: number; high?: number; reps?: number; back?: number }[] = []
    const ftp = ftpOf(a)
    const toStep = (s: Step) => ({ secs: s.durationSecs, low: s.target?.start, high: s.target?.end ?? s.target?.start })
    for (const item of parsed.items) {
      if (item.type === 'step') expected.push(toStep(item))
      if (item.type === 'repeat') expected.push(...item.steps.map(toStep), { reps: item.reps, back: expected.length })
    }
    expect(steps).toHaveLength(expected.length)
    steps.forEach((step: WorkoutStepMesg, i) => {
      const want = expected[i]!
      if (want.reps !== undefined) {
        expect(step).toMatchObject({ durationType: 'repeatUntilStepsCmplt', durationStep: want.back, repeatSteps: want.reps })
        return
      }
      expect(step).toMatchObject({ durationType: 'time', durationTime: want.secs, targetType: 'power' })
      // Custom power targets are watts + 1000; the band sits on the text's % of this athlete's FTP.
      const low = Number(step.customTargetPowerLow) - 1000
      const high = Number(step.customTargetPowerHigh) - 1000
      expect(Math.abs((low + high) / 2 - (((want.low! + want.high!) / 2) * ftp) / 100)).toBeLessThanOrEqual(ftp * 0.02)
      expect(low).toBeLessThanOrEqual(high)
    })
  })

  it('answers 422 for a note, a workout the format cannot hold, and 403 for an athlete not coached', async () => {
    const a = cyclist()
    const note = a.events.find((e) => e.category === 'NOTE')!
    expect((await get(`/athlete/${a.id}/events/${note.id}/download.zwo`)).status).toBe(422)
    const runner = athleteWith((x) => x.profile === 'runner')
    const run = workoutOf(runner, (e) => e.type === 'Run')
    const erg = await get(`/athlete/${runner.id}/events/${run.id}/download.erg`)
    expect(erg.status).toBe(422)
    expect(JSON.parse(text(erg.bytes)).error).toMatch(/FTP/)
    expect((await get(`/athlete/i999999/events/${run.id}/download.fit`)).status).toBe(403)
    expect((await get(`/athlete/${a.id}/events/999999999/download.fit`)).status).toBe(404)
    expect((await get(`/athlete/${a.id}/events/${note.id}/download.pdf`)).status).toBe(404)
  })
})

describe('GET /athlete/{id}/workouts.zip', () => {
  it('holds one decodable file per planned workout in the range, and nothing else', async () => {
    const a = cyclist()
    const today = (a.events.find((e) => e.category === 'WORKOUT')?.start_date_local ?? '').slice(0, 10)
    const oldest = today
    const newest = addDays(today, 6)
    const inRange = a.events.filter((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '') >= oldest && (e.start_date_local ?? '').slice(0, 10) <= newest)
    const res = await get(`/athlete/${a.id}/workouts.zip?ext=fit&oldest=${oldest}&newest=${newest}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    const entries = unzipSync(res.bytes)
    expect(Object.keys(entries)).toHaveLength(inRange.length)
    for (const [name, bytes] of Object.entries(entries)) {
      expect(name).toMatch(/^\d{4}-\d{2}-\d{2} .+\.fit$/)
      expect(decodeFit(bytes).workoutMesgs?.[0]?.wktName).toBeTruthy()
    }
    const names = inRange.map((e) => e.name)
    for (const name of names) expect(Object.keys(entries).some((n) => n.includes(name!))).toBe(true)
  })

  it('leaves out a workout it cannot convert (zip=omit), or refuses the whole range (zip=refuse)', async () => {
    const a = cyclist()
    const first = workoutOf(a)
    const day = (first.start_date_local ?? '').slice(0, 10)
    const sameDay = a.events.filter((e) => e.category === 'WORKOUT' && (e.start_date_local ?? '').startsWith(day))
    const prose = { ...first, id: 987654321, name: 'Just ride easy', description: 'ride easy, no structure' }
    a.events.push(prose)
    try {
      const omitted = await get(`/athlete/${a.id}/workouts.zip?ext=zwo&oldest=${day}&newest=${day}`)
      expect(omitted.status).toBe(200)
      const names = Object.keys(unzipSync(omitted.bytes))
      expect(names).toHaveLength(sameDay.length)
      expect(names.some((n) => n.includes('Just ride easy'))).toBe(false)

      sim.setProfile({ zip: 'refuse' })
      const refused = await get(`/athlete/${a.id}/workouts.zip?ext=zwo&oldest=${day}&newest=${day}`)
      expect(refused.status).toBe(422)
      expect(JSON.parse(text(refused.bytes)).error).toMatch(/Just ride easy.*cannot be converted/)
      // A range whose workouts all convert is still one zip under refuse.
      const other = addDays(day, 1)
      const clean = await get(`/athlete/${a.id}/workouts.zip?ext=zwo&oldest=${other}&newest=${other}`)
      expect(clean.status).toBe(200)
    } finally {
      sim.setProfile({ zip: 'omit' })
      a.events.splice(a.events.indexOf(prose), 1)
    }
  })

  it('needs ext, oldest and newest, and a format it knows', async () => {
    const a = cyclist()
    expect((await get(`/athlete/${a.id}/workouts.zip?oldest=2026-03-01&newest=2026-03-07`)).status).toBe(422)
    expect((await get(`/athlete/${a.id}/workouts.zip?ext=fit&oldest=2026-03-01`)).status).toBe(422)
    expect((await get(`/athlete/${a.id}/workouts.zip?ext=gpx&oldest=2026-03-01&newest=2026-03-07`)).status).toBe(422)
  })
})
