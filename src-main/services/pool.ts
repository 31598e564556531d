import { AppError } from '../contract/errors'

/**
 * Runs fn over items with at most `concurrency` at a time, in order, and answers in the items'
 * order. A list of a thousand athletes then holds a few dozen requests in the limiter's queue
 * instead of two thousand (each with its abort listeners), and a cancel stops it between items:
 * the ones not started fail with CANCELLED, unsent.
 */
export async function mapPooled<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'The request was cancelled.')
      const i = next++
      out[i] = await fn(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  return out
}
