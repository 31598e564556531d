/**
 * A plain deep copy of form state: Vue's reactive proxies cannot cross the bridge (structured
 * clone refuses them), and toRaw() only unwraps the outer object.
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
