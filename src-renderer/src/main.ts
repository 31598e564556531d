import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import './styles.css'
import './calendar.css'
import './month.css'
import './workouts.css'
import './attention.css'
import './outcome.css'

createApp(App).use(createPinia()).use(router).mount('#app')
