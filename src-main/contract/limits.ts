// How many athletes one call may name. A roster can be longer (a club of a thousand): the window
// splits its list with chunksOf and sends the chunks side by side; main never sees a longer one.

/** calendar:range and calendar:dayWellness. */
export const MAX_RANGE_ATHLETES = 200
/** roster:weekDetails. */
export const MAX_DETAIL_ATHLETES = 500

/** The list cut into runs of at most `size`, in order. */
export function chunksOf<T>(list: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('A chunk holds at least one item.')
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
