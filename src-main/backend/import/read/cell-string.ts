/** How every cell string is finished, whatever file it came from: trimmed and detached. */

/**
 * A copy of s that shares no memory with the text it was cut from. V8 makes slices of 13+
 * characters views into the parent string, so one kept cell would pin its whole decoded chunk:
 * keeping the distinct values of a million-row CSV pinned the entire file (measured: 270 MB of
 * heap instead of 40 MB). Concatenating and slicing forces a flat copy of just this value.
 */
function detach(s: string): string {
  return s.length >= 13 ? (' ' + s).slice(1) : s
}

/** Trimmed (trim() is skipped when there is nothing to trim) and detached. */
export function trimCell(s: string): string {
  const n = s.length
  if (n === 0) return s
  const a = s.charCodeAt(0)
  const b = s.charCodeAt(n - 1)
  return detach(a > 32 && a < 127 && b > 32 && b < 127 ? s : s.trim())
}
