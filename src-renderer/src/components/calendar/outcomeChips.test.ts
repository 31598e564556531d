import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { CalActivity, CalEvent } from '@contract'
import ActivityChip from './ActivityChip.vue'
import EventChip from './EventChip.vue'

const workout: CalEvent = { id: 7, uid: null, athleteId: 'i1', category: 'WORKOUT', date: '2026-12-01', endDate: null, name: 'Tempo ride', description: '', type: 'Ride', movingSecs: 3600, load: 80, hidden: false, locked: false, doneActivityId: null }
const walk: CalActivity = { id: 'i55', athleteId: 'i1', date: '2026-12-02', type: 'Walk', name: 'Evening walk', movingSecs: 2700, load: 23.4, pairedEventId: null }

describe('the chips that say what happened', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('a missed workout is marked missed on the chip and in its tooltip', () => {
    const chip = mount(EventChip, { props: { event: workout, missed: true } })
    expect(chip.classes()).toContain('missed')
    expect(chip.attributes('title')).toMatch(/missed/)
    expect(chip.text()).toContain('missed')
    const due = mount(EventChip, { props: { event: workout } })
    expect(due.classes()).not.toContain('missed')
    expect(due.attributes('title')).not.toMatch(/missed/)
  })

  it('a done workout carries its band and percentage; one done the day after says so', () => {
    const chip = mount(EventChip, { props: { event: workout, done: { ...walk, type: 'Ride', load: 60 }, late: true } })
    expect(chip.classes()).toContain('done-fair')
    expect(chip.text()).toContain('75%')
    expect(chip.attributes('title')).toContain('done the day after: 75% of plan')
  })

  it('an activity without a plan shows its sport, time and load', () => {
    const chip = mount(ActivityChip, { props: { activity: walk } })
    expect(chip.find('.sport-tag').text()).toBe('Walk')
    expect(chip.find('[data-testid="activity-time"]').text()).toBe('0:45')
    expect(chip.find('[data-testid="activity-load"]').text()).toBe('23')
    expect(chip.attributes('title')).toBe('Done without a plan · Evening walk · Walk · 0:45 · load 23')
    const late = mount(ActivityChip, { props: { activity: walk, lateFor: workout } })
    expect(late.attributes('title')).toMatch(/^Done the day after “Tempo ride”/)
    const elsewhere = mount(ActivityChip, { props: { activity: { ...walk, pairedEventId: 99 } } })
    expect(elsewhere.attributes('title')).toMatch(/^Paired on intervals.icu with a workout not shown here/)
  })
})
