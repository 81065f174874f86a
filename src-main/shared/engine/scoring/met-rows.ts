/**
 * The deals a mask meets, as row numbers. A points change moves only these deals' raw points,
 * so walking them instead of the whole mask makes a slider step cost the criterion's share of
 * the deals, not all of them. Kept per mask (masks are shared per condition and never change).
 */

const known = new WeakMap<Uint8Array, Int32Array>()

export function metRows(mask: Uint8Array): Int32Array {
  let rows = known.get(mask)
  if (rows) return rows
  let count = 0
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) count++
  rows = new Int32Array(count)
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i] !== 0) rows[j++] = i
  known.set(mask, rows)
  return rows
}
