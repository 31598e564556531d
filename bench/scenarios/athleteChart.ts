import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures'
import type { StreamDataset } from '../../src-renderer/src/components/athlete/streamChartData'

const CHROMIUM = CHROMIUM_PATH

/**
 * Draw time of the same Chart.js line chart the activity page uses, in Chromium, for two sets of
 * datasets (decimated and full): the median of a few creations with animation off.
 */
export async function chartDrawMs(sets: { full: StreamDataset[]; decimated: StreamDataset[] }, runs = 5): Promise<{ full: number; decimated: number } | null> {
  if (!existsSync(CHROMIUM)) return null
  const chartDir = dirname(createRequire(import.meta.url).resolve('chart.js'))
  const umd = join(chartDir, 'chart.umd.js')
  if (!existsSync(umd)) return null
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } })
    await page.setContent('<div style="width:1280px;height:340px"><canvas id="c"></canvas></div>')
    await page.addScriptTag({ path: umd })
    const drawMs = (datasets: StreamDataset[]): Promise<number> =>
      page.evaluate(
        ({ datasets, runs }) => {
          const w = window as unknown as { Chart: new (el: HTMLCanvasElement, cfg: unknown) => { destroy(): void } }
          const times: number[] = []
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now()
            const chart = new w.Chart(document.getElementById('c') as HTMLCanvasElement, {
              type: 'line',
              data: {
                datasets: datasets.map((d) => ({ label: d.label, data: d.points, yAxisID: d.axis, borderColor: d.color, pointRadius: 0, borderWidth: 1.3, fill: d.fill ? 'start' : false })),
              },
              options: {
                animation: false,
                parsing: false,
                normalized: true,
                responsive: true,
                maintainAspectRatio: false,
                scales: Object.fromEntries([['x', { type: 'linear' }], ...datasets.map((d) => [d.axis, { type: 'linear', display: false }])]),
                plugins: { legend: { display: false } },
              },
            })
            times.push(performance.now() - t0)
            chart.destroy()
          }
          return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN
        },
        { datasets, runs },
      )
    const full = await drawMs(sets.full)
    return { full, decimated: await drawMs(sets.decimated) }
  } finally {
    await browser.close()
  }
}
