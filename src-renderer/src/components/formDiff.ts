// What a form sends: only what the coach changed. Two rules, shared by every form:
// - A field is compared as the coach saw it when the form opened (its text), not as a value
//   re-read from that text, so rounding for display (sleep in hours, say) never counts as a change.
// - A new item is sent without its empty fields, rather than with nulls the API may not accept.

/** The keys whose text differs from what the form showed when it opened (spaces at the ends ignored). */
export function touchedKeys<K extends string>(shown: Readonly<Record<K, string | readonly string[]>>, now: Readonly<Record<K, string | readonly string[]>>): K[] {
  const text = (v: string | readonly string[] | undefined) => (Array.isArray(v) ? v.map((x) => String(x).trim()).join('\u0000') : String(v ?? '').trim())
  return (Object.keys(now) as K[]).filter((k) => text(now[k]) !== text(shown[k]))
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]))
  return Object.is(a, b) || (a === null && b === undefined) || (a === undefined && b === null)
}

/** The fields of `next` that differ from `loaded` (lists compared item by item): a partial update. */
export function changedValues<T extends Record<string, unknown>>(loaded: Partial<T>, next: T): Partial<T> {
  const out: Partial<T> = {}
  for (const k of Object.keys(next) as (keyof T)[]) if (!same(next[k], loaded[k])) out[k] = next[k]
  return out
}

/** `values` without the fields that hold nothing ('', null, undefined, an empty list): a create. */
export function withoutEmpty<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Partial<T> = {}
  for (const k of Object.keys(values) as (keyof T)[]) {
    const v = values[k]
    if (v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue
    out[k] = v
  }
  return out
}
