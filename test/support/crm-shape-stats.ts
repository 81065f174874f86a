import { cellText, type Cell, type CrmShape, type CrmTable, type ShapeTable } from '../../scripts/crm-generator/index'

export type RowOutcome = 'won' | 'lost' | 'open'

/** Cell text, trimmed; blanks and the placeholders people type read as null. */
export function valueOf(cell: Cell | undefined): string | null {
  const text = cellText(cell ?? null).trim()
  return text === '' || ['n/a', '-', 'unknown', 'tbd'].includes(text.toLowerCase()) ? null : text
}

export function columnOf(table: CrmTable, header: string): Array<Cell | null> {
  const at = table.headers.indexOf(header)
  if (at < 0) throw new Error(`no column "${header}"`)
  return table.rows.map((row) => row[at] ?? null)
}

/**
 * The true outcome of every data row: deal-level tables read the shape's outcome column through
 * its mapping; accounts tables use the truth (won = the account has a won deal, open = only open
 * deals, null = no deals). Footer rows get null.
 */
export function rowOutcomes(shape: CrmShape, table: ShapeTable): Array<RowOutcome | null> {
  if (table.kind === 'accounts') {
    const byKey = new Map(shape.truth.accounts.map((a) => [shape.ids.account(a), a] as const))
    const open = new Set(shape.truth.deals.filter((d) => d.outcome === 'open').map((d) => d.accountIndex))
    const closed = new Set(shape.truth.deals.filter((d) => d.outcome !== 'open').map((d) => d.accountIndex))
    return columnOf(table.table, table.key.header).map((cell) => {
      const account = byKey.get(cellText(cell).trim())
      if (!account || account.dealCount === 0) return null
      if (account.customer) return 'won'
      return closed.has(account.index) ? 'lost' : open.has(account.index) ? 'open' : null
    })
  }
  const mapping = shape.outcomeMapping
  return columnOf(table.table, shape.outcomeColumn.header).map((cell) => mapping[cellText(cell).trim()] ?? null)
}

/** Probability that a value from `a` beats one from `b` (ties half): 0.5 = no separation. */
export function auc(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0.5
  const all = [...a.map((v) => [v, 1] as const), ...b.map((v) => [v, 0] as const)].sort((x, y) => x[0] - y[0])
  let rankSum = 0
  for (let i = 0; i < all.length;) {
    let j = i
    while (j < all.length && all[j]![0] === all[i]![0]) j++
    for (let k = i; k < j; k++) if (all[k]![1] === 1) rankSum += (i + j + 1) / 2
    i = j
  }
  return (rankSum - (a.length * (a.length + 1)) / 2) / (a.length * b.length)
}

/** A date or number cell as a number, for AUC; null when the cell is neither. */
function numeric(cell: Cell | null): number | null {
  if (typeof cell === 'number') return cell
  if (cell instanceof Date) return cell.getTime()
  const text = valueOf(cell)
  if (text === null) return null
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (us) return Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]))
  const iso = /^\d{4}-\d{2}-\d{2}(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.test(text) ? Date.parse(`${text.replace(' ', 'T')}Z`) : NaN
  if (!Number.isNaN(iso)) return iso
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

/**
 * How well one column tells group a from group b: the largest of the gap in how often it is
 * filled, the AUC distance from 0.5 (numbers, dates) and the total variation distance of its
 * values (everything else). 0 = no difference, 1 = perfect separation.
 */
export function separation(cells: ReadonlyArray<Cell | null>, inA: ReadonlyArray<boolean | null>): number {
  const a: Array<Cell | null> = []
  const b: Array<Cell | null> = []
  cells.forEach((cell, i) => {
    if (inA[i] === true) a.push(cell)
    else if (inA[i] === false) b.push(cell)
  })
  if (a.length === 0 || b.length === 0) return 0
  const filled = (xs: Array<Cell | null>): number => xs.filter((c) => valueOf(c) !== null).length / xs.length
  let best = Math.abs(filled(a) - filled(b))
  const na = a.map(numeric).filter((x): x is number => x !== null)
  const nb = b.map(numeric).filter((x): x is number => x !== null)
  if (na.length > 0.8 * a.filter((c) => valueOf(c) !== null).length && na.length > 0 && nb.length > 0) {
    best = Math.max(best, 2 * Math.abs(auc(na, nb) - 0.5))
  } else {
    const share = (xs: Array<Cell | null>): Map<string, number> => {
      const m = new Map<string, number>()
      for (const c of xs) m.set(valueOf(c) ?? '', (m.get(valueOf(c) ?? '') ?? 0) + 1 / xs.length)
      return m
    }
    const sa = share(a)
    const sb = share(b)
    let tvd = 0
    for (const k of new Set([...sa.keys(), ...sb.keys()])) tvd += Math.abs((sa.get(k) ?? 0) - (sb.get(k) ?? 0))
    best = Math.max(best, tvd / 2)
  }
  return best
}

/**
 * How far the column's strongest signal is from chance, in standard errors: for numbers and
 * dates the AUC's distance from 0.5, otherwise the largest gap between one value's share of
 * group a and the overall share (values seen at least `minCount` times). Under no signal this
 * stays within sampling error (below ~4) however many values the column has.
 */
export function signalZ(cells: ReadonlyArray<Cell | null>, inA: ReadonlyArray<boolean | null>, minCount = 60): number {
  const pairs = cells
    .map((c, i) => [c, inA[i]] as const)
    .filter((p): p is readonly [Cell | null, boolean] => p[1] !== null && p[1] !== undefined)
  const n1 = pairs.filter((p) => p[1]).length
  const n2 = pairs.length - n1
  if (n1 === 0 || n2 === 0) return 0
  const nums = pairs.map(([c, a]) => [numeric(c), a] as const).filter((p): p is readonly [number, boolean] => p[0] !== null)
  const filled = pairs.filter(([c]) => valueOf(c) !== null).length
  if (filled > 0 && nums.length > 0.8 * filled) {
    const a = nums.filter((p) => p[1]).map((p) => p[0])
    const b = nums.filter((p) => !p[1]).map((p) => p[0])
    const se = Math.sqrt((a.length + b.length + 1) / (12 * a.length * b.length))
    return Math.abs(auc(a, b) - 0.5) / se
  }
  const p = n1 / pairs.length
  const counts = new Map<string, [number, number]>()
  for (const [c, a] of pairs) {
    const k = valueOf(c) ?? ''
    const v = counts.get(k) ?? [0, 0]
    v[1]++
    if (a) v[0]++
    counts.set(k, v)
  }
  let worst = 0
  for (const [inGroup, n] of counts.values()) {
    if (n < minCount) continue
    worst = Math.max(worst, Math.abs(inGroup / n - p) / Math.sqrt((p * (1 - p)) / n))
  }
  return worst
}
