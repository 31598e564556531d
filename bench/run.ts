// `npm run bench`: each scenario against the simulator with injected latency and the service's
// rate limit, reported as requests made (against what a minimal client needs), 429s, and the
// median time as a ratio to the floor: the minimal requests at the service's own limits.
import { CLIENT_IN_FLIGHT, DOCUMENTED_LIMIT, SERVICE_LIMIT, type BenchRow } from './harness'
import { athleteBench } from './scenarios/athlete'
import { attentionBench } from './scenarios/attention'
import { calendarBench } from './scenarios/calendar'
import { exportsBench } from './scenarios/exports'
import { rosterBench } from './scenarios/roster'
import { windowBench } from './scenarios/window'

const scenarios: [string, () => Promise<BenchRow[]>][] = [
  ['roster', rosterBench],
  ['athlete', athleteBench],
  ['calendar', calendarBench],
  ['exports', exportsBench],
  ['window', windowBench],
  ['attention', attentionBench],
]

const only = process.argv[2]
const rows: BenchRow[] = []
for (const [name, run] of scenarios) {
  if (only && only !== name) continue
  process.stderr.write(`running ${name}…\n`)
  rows.push(...(await run()))
}

const header = ['scenario', 'requests', 'target', 'minimal', 'one per item', '429s', 'runs', 'time ms', 'floor ms', 'ratio', 'target', 'ok']
const table = rows.map((r) => [
  r.scenario,
  String(r.requests),
  r.requestTarget,
  r.minimalRequests === undefined ? '–' : String(r.minimalRequests),
  r.naiveRequests === null ? '–' : String(r.naiveRequests),
  r.rateLimited === undefined ? '–' : String(r.rateLimited),
  r.runs === undefined ? '1' : String(r.runs),
  r.ms.toFixed(0),
  r.boundMs.toFixed(0),
  `${r.ratio.toFixed(2)}x`,
  r.target,
  r.pass ? 'yes' : 'NO',
])
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)))
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
console.log(line(header))
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
for (const row of table) console.log(line(row))
for (const r of rows) if (r.note) console.log(`note: ${r.scenario}: ${r.note}`)
console.log(
  `floor: the minimal requests at the limit intervals.icu documents and the client keeps to (${DOCUMENTED_LIMIT.perSecond}/s, a burst of ${DOCUMENTED_LIMIT.burst}, ${CLIENT_IN_FLIGHT} in flight); ` +
    `the simulator allows a burst of ${SERVICE_LIMIT.burst}, a size the service does not document, and the notes give the floor there too`,
)
process.exitCode = rows.every((r) => r.pass) ? 0 : 1
