/**
 * The scorecard editor's undo history as plain functions of (history, input) -> history: the
 * store holds one, and keyboard, menu and buttons all reach it through the same two functions.
 */
export interface History<T> {
  present: T
  past: T[]
  future: T[]
  /** The last edit's coalescing key and time: a slider run within the window is one step. */
  last: { key: string; at: number }
}

export const HISTORY_LIMIT = 200
/** Slider and stepper runs within this window are one undo step, not one per pixel. */
export const COALESCE_MS = 800

export function startHistory<T>(present: T): History<T> {
  return { present, past: [], future: [], last: { key: '', at: 0 } }
}

/** An edit: enters history unless it continues the last edit's run (same key, within the window). */
export function recordEdit<T>(history: History<T>, next: T, now: number, coalesceKey?: string): History<T> {
  if (next === history.present) return history
  const coalesce = coalesceKey !== undefined && coalesceKey === history.last.key && now - history.last.at < COALESCE_MS
  return {
    present: next,
    past: coalesce ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT),
    future: [],
    last: { key: coalesceKey ?? '', at: now }
  }
}

export function undoEdit<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1]
  if (previous === undefined) return history
  return { present: previous, past: history.past.slice(0, -1), future: [history.present, ...history.future], last: { key: '', at: 0 } }
}

export function redoEdit<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future
  if (next === undefined) return history
  return { present: next, past: [...history.past, history.present], future: rest, last: { key: '', at: 0 } }
}
