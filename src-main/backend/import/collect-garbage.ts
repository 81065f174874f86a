import { getHeapStatistics } from 'node:v8'

/**
 * The reading process collects its garbage at chosen points (it runs with --expose-gc): reading
 * and profiling a large file leave hundreds of MB of short-lived values that V8 would let pile
 * up past the live data. Each thread of the process has its own heap and its own copy of this
 * module's state.
 */
const gc = (globalThis as { gc?: () => void }).gc
/** Heap in use after the last collection this thread asked for. */
let liveAfterCollect = 0

export function collect(): void {
  if (!gc) return
  gc()
  liveAfterCollect = getHeapStatistics().used_heap_size
}

/**
 * Profiling a column of a million dates or numbers leaves a hundred MB or more of short-lived
 * values; V8 lets several such columns pile up before it collects, and the heap grew by 280 MB
 * over the live data on the 1M-row CSV. Collecting between columns once that much garbage is
 * there keeps the reader's peak near its live data, at the cost of a collection or two.
 */
const GARBAGE_BEFORE_COLLECT = 128 * 1048576
export function collectWhenGrown(): void {
  if (getHeapStatistics().used_heap_size - liveAfterCollect > GARBAGE_BEFORE_COLLECT) collect()
}
