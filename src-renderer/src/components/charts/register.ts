import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  Legend,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'

// Only the parts the athlete charts use, so the bundle carries no unused chart types.
Chart.register(LineController, BarController, LineElement, PointElement, BarElement, LinearScale, CategoryScale, Filler, Tooltip, Legend)

// The app's own font stack; the CSP allows no web fonts, so nothing is fetched.
Chart.defaults.font.family = "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif"
Chart.defaults.font.size = 11
Chart.defaults.color = '#6b7486'
Chart.defaults.borderColor = '#eef0f4'
// Every chart here: drawn at once (no animation), sized by its box, tooltips for all lines at a point.
Chart.defaults.animation = false
Chart.defaults.responsive = true
Chart.defaults.maintainAspectRatio = false
Chart.defaults.interaction.mode = 'index'
Chart.defaults.interaction.intersect = false

export { Chart }
