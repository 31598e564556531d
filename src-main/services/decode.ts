// Tolerant readers for API payloads: fields may be missing, null, or of an unexpected type.

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

export function round1(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []
}

export function personName(
  a: { id?: string | null; name?: string | null; firstname?: string | null; lastname?: string | null },
  fallback: string,
): string {
  return a.name || [a.firstname, a.lastname].filter(Boolean).join(' ') || a.id || fallback
}
