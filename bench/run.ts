// `npm run bench`: each scenario against the simulator with injected latency and the real rate
// limit, reported as requests made and time as a ratio to the lower bound the API allows.
import type { BenchRow } from './harness'
import { athleteBench } from './scenarios/athlete'
import { attentionBench } from './scenarios/attention'
import { calendarBench } from './scenarios/calendar'
import { exportsBench } from './scenarios/exports'
import { rosterBench } from './scenarios/roster'

const scenarios: [string, () => Promise<BenchRow[]>][] = [
  ['roster', rosterBench],
  ['athlete', athleteBench],
  ['calendar', calendarBench],
  ['exports', exportsBench],
  ['attention', attentionBench],
]

const only = process.argv[2]
const rows: BenchRow[] = []
for (const [name, run] of scenarios) {
  if (only && only !== name) continue
  process.stderr.write(`running ${name}…\n`)
  rows.push(...(await run()))
}

const header = ['scenario', 'requests', 'target', 'one per item', 'time ms', 'bound ms', 'ratio', 'target', 'ok']
const table = rows.map((r) => [
  r.scenario,
  String(r.requests),
  r.requestTarget,
  r.naiveRequests === null ? '–' : String(r.naiveRequests),
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
process.exitCode = rows.every((r) => r.pass) ? 0 : 1
