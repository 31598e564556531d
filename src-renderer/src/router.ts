import { createRouter, createWebHashHistory } from 'vue-router'
import WelcomeView from './views/WelcomeView.vue'
import RosterView from './views/RosterView.vue'
import AthleteView from './views/AthleteView.vue'
import ActivityView from './views/ActivityView.vue'
import CalendarView from './views/CalendarView.vue'
import WorkoutsView from './views/WorkoutsView.vue'
import AttentionView from './views/AttentionView.vue'
import ReviewView from './views/ReviewView.vue'
import ComplianceView from './views/ComplianceView.vue'

// Hash history: every view lives under the one built index.html (app://coach-desk/index.html in
// Electron, the browser host's / in a browser), so no route needs a file of its own.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'welcome', component: WelcomeView },
    { path: '/roster', name: 'roster', component: RosterView },
    { path: '/calendar', name: 'calendar', component: CalendarView },
    { path: '/workouts', name: 'workouts', component: WorkoutsView },
    { path: '/attention', name: 'attention', component: AttentionView },
    { path: '/review', name: 'review', component: ReviewView },
    { path: '/compliance', name: 'compliance', component: ComplianceView },
    { path: '/athlete/:id', name: 'athlete', component: AthleteView, props: true },
    { path: '/athlete/:id/activity/:activityId', name: 'activity', component: ActivityView, props: true },
  ],
})
