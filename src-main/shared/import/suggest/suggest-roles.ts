/**
 * Roles for all columns of one table at once. Each role but 'attribute' and 'ignore' names one
 * column per table (one outcome, one deal amount), so when several columns want a role the
 * strongest reading wins and the others take their next candidate, or stay attributes.
 */
import type { ColumnRole, ColumnType, TableKind, ValueCount } from '@shared/domain/dataset'
import { roleCandidates } from './suggest-role'

export interface ColumnForRoles {
  header: string
  type: ColumnType
  values: readonly ValueCount[]
}

const SHARED_ROLES = new Set<ColumnRole>(['attribute', 'ignore'])

export function suggestRoles(columns: readonly ColumnForRoles[], tableKind: TableKind): ColumnRole[] {
  const claims = columns.flatMap((column, index) =>
    roleCandidates({ ...column, tableKind }).map((candidate) => ({ ...candidate, index }))
  )
  // Strongest first; on a tie the leftmost column wins, as a reader of the sheet would guess.
  claims.sort((a, b) => b.score - a.score || a.index - b.index)
  const roles: Array<ColumnRole | null> = columns.map(() => null)
  const taken = new Set<ColumnRole>()
  for (const { role, index } of claims) {
    if (roles[index] !== null || taken.has(role)) continue
    roles[index] = role
    if (!SHARED_ROLES.has(role)) taken.add(role)
  }
  return roles.map((role) => role ?? 'attribute')
}
