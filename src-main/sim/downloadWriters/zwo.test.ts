import { describe, expect, it } from 'vitest'
import { parseWorkout } from '../../workouts/parse'
import { writeZwo } from './zwo'
import { WorkoutExportError } from './exportSteps'
import type { WorkoutExportInput } from './input'

interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(raw)) throw new Error(`bare & in ${raw}`)
  return raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name])
}

/** A strict little XML reader: well-formed nesting, quoted unique attributes, escaped text, one root. */
function parseXml(src: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' }
  const stack = [root]
  const nameAt = (from: number): string => /^[A-Za-z_][\w.-]*/.exec(src.slice(from))?.[0] ?? ''
  let i = 0
  while (i < src.length) {
    const top = stack[stack.length - 1]
    if (src.startsWith('<?', i)) {
      if (i !== 0) throw new Error('XML declaration must come first')
      i = src.indexOf('?>', i) + 2
    } else if (src.startsWith('</', i)) {
      const name = nameAt(i + 2)
      if (stack.pop()?.name !== name || src[i + 2 + name.length] !== '>') throw new Error(`bad close tag ${name} at ${i}`)
      i += name.length + 3
    } else if (src[i] === '<') {
      const node: XmlNode = { name: nameAt(i + 1), attrs: {}, children: [], text: '' }
      if (!node.name) throw new Error(`bad tag at ${i}`)
      i += node.name.length + 1
      for (;;) {
        while (/\s/.test(src[i])) i++
        if (src.startsWith('/>', i) || src[i] === '>') break
        const attr = nameAt(i)
        const quote = src[i + attr.length + 1]
        if (!attr || src[i + attr.length] !== '=' || quote !== '"') throw new Error(`bad attribute at ${i}`)
        const end = src.indexOf('"', i + attr.length + 2)
        const raw = src.slice(i + attr.length + 2, end)
        if (raw.includes('<') || attr in node.attrs) throw new Error(`bad attribute ${attr}`)
        node.attrs[attr] = decode(raw)
        i = end + 1
      }
      top.children.push(node)
      if (src[i] === '>') stack.push(node)
      i += src[i] === '>' ? 1 : 2
    } else {
      const next = src.indexOf('<', i)
      const raw = src.slice(i, next < 0 ? src.length : next)
      if (top === root && raw.trim()) throw new Error('text outside the root element')
      top.text += decode(raw)
      i += raw.length
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`)
  if (root.children.length !== 1) throw new Error('there must be exactly one root element')
  return root.children[0]
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name)
  if (!found) throw new Error(`no <${name}> in <${node.name}>`)
  return found
}

function input(text: string, extra: Partial<WorkoutExportInput> = {}): WorkoutExportInput {
  const sport = extra.sport ?? 'Ride'
  return { name: 'Test', sport, parsed: parseWorkout(text, { sport }), ...extra }
}

function blocks(zwo: string): XmlNode[] {
  return child(parseXml(zwo), 'workout').children
}

describe('the XML checker used here', () => {
  it.each(['<a><b></a></b>', '<a>&</a>', '<a x="1" x="2"/>', '<a x=1/>', '<a/><b/>', '<a>', 'text<a/>'])('rejects %s', (bad) => {
    expect(() => parseXml(bad)).toThrow()
  })
})

describe('writeZwo', () => {
  const sweetSpot = [
    'Warmup',
    '- 10m ramp 50%-75% 90rpm',
    '',
    'Main Set 4x',
    '- 5m 105%',
    '- 3m 55%',
    '',
    '- Stay <seated> & smooth 10m 88-94% 95rpm',
    '- 10m freeride',
    '',
    'Cooldown',
    '- 10m ramp 60%-40%',
  ].join('\n')

  it('writes a well-formed workout_file with the header elements', () => {
    const doc = parseXml(writeZwo(input(sweetSpot, { description: 'Sweet spot' }), { author: 'Jo Coach' }))
    expect(doc.name).toBe('workout_file')
    expect(doc.children.map((c) => c.name)).toEqual(['author', 'name', 'description', 'sportType', 'tags', 'workout'])
    expect(child(doc, 'author').text).toBe('Jo Coach')
    expect(child(doc, 'description').text).toBe('Sweet spot')
    expect(child(doc, 'sportType').text).toBe('bike')
  })

  it('maps ramps, a two-step repeat, steady steps, cues and free ride to Zwift blocks with FTP fractions', () => {
    const list = blocks(writeZwo(input(sweetSpot)))
    expect(list.map((b) => b.name)).toEqual(['Warmup', 'IntervalsT', 'SteadyState', 'FreeRide', 'Cooldown'])
    expect(list[0].attrs).toEqual({ Duration: '600', PowerLow: '0.5', PowerHigh: '0.75', Cadence: '90' })
    expect(list[1].attrs).toEqual({ Repeat: '4', OnDuration: '300', OffDuration: '180', OnPower: '1.05', OffPower: '0.55' })
    expect(list[2].attrs).toEqual({ Duration: '600', Power: '0.91', Cadence: '95' })
    expect(child(list[2], 'textevent').attrs).toEqual({ timeoffset: '0', message: 'Stay <seated> & smooth' })
    expect(list[3].attrs).toEqual({ Duration: '600' })
    expect(list[4].attrs).toEqual({ Duration: '600', PowerLow: '0.6', PowerHigh: '0.4' })
  })

  it('writes out repeats that IntervalsT cannot hold', () => {
    const list = blocks(writeZwo(input('- 5m 50%\n\n3x\n- 1m 120%\n- 1m 90%\n- 1m 50%\n\n- 5m 50%')))
    expect(list.map((b) => b.name)).toEqual(['SteadyState', ...Array(9).fill('SteadyState'), 'SteadyState'])
    expect(list.slice(1, 4).map((b) => b.attrs.Power)).toEqual(['1.2', '0.9', '0.5'])
  })

  it('uses a mid-workout ramp as Ramp, not Warmup or Cooldown', () => {
    const list = blocks(writeZwo(input('- 5m 50%\n- 10m ramp 60%-90%\n- 5m 50%')))
    expect(list.map((b) => b.name)).toEqual(['SteadyState', 'Ramp', 'SteadyState'])
  })

  it('turns watts and zones into FTP fractions', () => {
    const list = blocks(writeZwo(input('- 10m 200w\n- 10m Z2', { ftp: 250 })))
    expect(list[0].attrs.Power).toBe('0.8')
    expect(list[1].attrs.Power).toBe('0.655')
  })

  it('carries a heart-rate step over to the same power zone', () => {
    const power = Number(blocks(writeZwo(input('- 10m Z2 HR')))[0].attrs.Power)
    expect(power).toBeGreaterThanOrEqual(0.56)
    expect(power).toBeLessThanOrEqual(0.75)
  })

  it('writes runs on the threshold-pace scale', () => {
    const doc = parseXml(writeZwo(input('- 10m 90% Pace\n- 10m 5:00/km Pace', { sport: 'Run', thresholdPaceMps: 1000 / 240 })))
    expect(child(doc, 'sportType').text).toBe('run')
    expect(child(doc, 'workout').children.map((b) => b.attrs.Power)).toEqual(['0.9', '0.8'])
  })

  it('escapes hostile names so the file stays well-formed', () => {
    const name = '</name><workout>"x" & \'y\'\u0001'
    const doc = parseXml(writeZwo(input('- 10m 50%', { name })))
    expect(child(doc, 'name').text).toBe('</name><workout>"x" & \'y\'')
  })

  it.each<[string, string, Partial<WorkoutExportInput>, string]>([
    ['watts without an FTP', '- 10m 200w', {}, 'NEEDS_FTP'],
    ['a lap-press step', '- lap press 50%', {}, 'UNTIMED_STEP'],
    ['a distance step with no way to time it', '- 2km 90%', {}, 'UNTIMED_STEP'],
    ['a run pace without threshold pace', '- 10m 5:00/km Pace', { sport: 'Run' }, 'NEEDS_THRESHOLD_PACE'],
    ['no steps at all', 'Just words', {}, 'EMPTY'],
  ])('refuses %s with a coded error', (_name, text, extra, code) => {
    const run = (): string => writeZwo(input(text, extra))
    expect(run).toThrow(WorkoutExportError)
    expect(run).toThrow(expect.objectContaining({ code }))
  })
})
