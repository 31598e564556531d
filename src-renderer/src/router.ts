import { createRouter, createWebHashHistory } from 'vue-router'
import WelcomeView from './views/WelcomeView.vue'
import RosterView from './views/RosterView.vue'

// Hash history: every view lives under the one built index.html (app://coach-desk/index.html in
// Electron, the browser host's / in a browser), so no route needs a file of its own.
// The first screens (welcome, roster) come with the app; every other page, and chart.js with the
// athlete and activity pages, is loaded the first time the coach opens it.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'welcome', component: WelcomeView },
    { path: '/roster', name: 'roster', component: RosterView },
    { path: '/calendar', name: 'calendar', component: () => import('./views/CalendarView.vue') },
    { path: '/workouts', name: 'workouts', component: () => import('./views/WorkoutsView.vue') },
    { path: '/attention', name: 'attention', component: () => import('./views/AttentionView.vue') },
    { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue') },
    { path: '/compliance', name: 'compliance', component: () => import('./views/ComplianceView.vue') },
    { path: '/athlete/:id', name: 'athlete', component: () => import('./views/AthleteView.vue'), props: true },
    { path: '/athlete/:id/activity/:activityId', name: 'activity', component: () => import('./views/ActivityView.vue'), props: true },
  ],
})
