/**
 * Roles for all columns of one table at once. Each role but 'attribute' and 'ignore' names one
 * column per table (one outcome, one deal amount), so when several columns want a role the
 * strongest reading wins and the others take their next candidate, or stay attributes.
 */
import type { ColumnRole, ColumnType, TableKind, ValueCount } from '@shared/domain/dataset'
import { roleCandidates, type RoleCandidate } from './suggest-role'

export interface ColumnForRoles {
  header: string
  type: ColumnType
  values: readonly ValueCount[]
  /** Share of the table's rows with a value (1 when not given). */
  filled?: number
}

/** A churn flag is a table's outcome only when every row is a customer (it is filled on all of them). */
const CHURN_OUTCOME_FILLED = 0.95

export interface SuggestedRole {
  role: ColumnRole
  /** Why; null for a plain attribute nothing pointed elsewhere. */
  reason: string | null
}

const SHARED_ROLES = new Set<ColumnRole>(['attribute', 'ignore'])

export function suggestRolesWithReasons(columns: readonly ColumnForRoles[], tableKind: TableKind): SuggestedRole[] {
  const all = columns.map((column) => roleCandidates({ ...column, tableKind }))
  const hasDealDates = all.some((list) => list.some((c) => c.role === 'created-date' || c.role === 'closed-date'))
  const candidates = hasDealDates ? all : all.map((list) => list.filter((c) => !c.needsDealDates))
  const claims = candidates.flatMap((list, index) => list.map((candidate) => ({ ...candidate, index })))
  // Strongest first; on a tie the leftmost column wins, as a reader of the sheet would guess.
  claims.sort((a, b) => b.score - a.score || a.index - b.index)
  const chosen: Array<RoleCandidate | null> = columns.map(() => null)
  const taken = new Set<ColumnRole>()
  for (const claim of claims) {
    if (chosen[claim.index] !== null || taken.has(claim.role)) continue
    chosen[claim.index] = claim
    if (!SHARED_ROLES.has(claim.role)) taken.add(claim.role)
  }
  // A table of customers with a churn flag and no deal outcome (a churn study): the flag is the
  // outcome, retained counting as won, so the analysis has something to separate. An accounts
  // export whose churn flag is blank for prospects keeps it as a success metric.
  if (tableKind !== 'accounts' && !taken.has('outcome')) {
    const churn = chosen.findIndex((c) => c?.role === 'churned')
    const everyRow = churn >= 0 && (columns[churn]!.filled ?? 1) >= CHURN_OUTCOME_FILLED
    const asOutcome = everyRow ? candidates[churn]!.find((c) => c.role === 'outcome') : undefined
    if (asOutcome) chosen[churn] = asOutcome
  }
  return chosen.map((c) => (c ? { role: c.role, reason: c.reason } : { role: 'attribute', reason: null }))
}

export function suggestRoles(columns: readonly ColumnForRoles[], tableKind: TableKind): ColumnRole[] {
  return suggestRolesWithReasons(columns, tableKind).map((s) => s.role)
}
