import type { Directive } from 'vue'

/** Room kept between a popover and the window's edge. */
const MARGIN = 8

/**
 * `v-inside-window` on a popover: when it would stick out of the window (a menu opened near the
 * right edge), it is moved back inside, horizontally, by as much as it sticks out.
 */
export const vInsideWindow: Directive<HTMLElement> = {
  mounted: keepInside,
  updated: keepInside,
}

function keepInside(el: HTMLElement): void {
  el.style.transform = ''
  const r = el.getBoundingClientRect()
  const width = document.documentElement.clientWidth || window.innerWidth
  let dx = 0
  if (r.right > width - MARGIN) dx = width - MARGIN - r.right
  if (r.left + dx < MARGIN) dx = MARGIN - r.left
  if (dx) el.style.transform = `translateX(${Math.round(dx)}px)`
}
