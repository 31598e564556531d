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

export { Chart }
