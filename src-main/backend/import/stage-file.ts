import type { ColumnProfile, ColumnRole, Outcome, TableKind } from '@shared/domain/dataset'
import { countCodes, DictionaryColumnBuilder } from '@shared/engine/dictionary-column'
import { distinctValues, profileColumn, sampleValues } from '@shared/import/profile-column'
import { outcomeMappingFor } from '@shared/import/outcome-mapping-for'
import { suggestCategory, suggestRoles } from '@shared/import/suggest'
import { missingTokenSet } from '@shared/import/values'
import { readTable } from './read'
import type { StagedFile } from './staged-file'

export interface StageRequest {
  bytes: Uint8Array
  fileName: string
  sheet?: string | undefined
  headerRow?: number | undefined
  tableKind?: TableKind | undefined
  missingTokens: readonly string[]
  /** The workspace's saved outcome mapping; it wins over suggestions for values it knows. */
  knownOutcomes: ReadonlyArray<[string, Outcome | null]>
}

export interface StageHooks {
  /** `rows` is the number of data rows read so far. */
  onProgress(phase: 'reading' | 'profiling', done: number, total: number, rows: number): void
  isCancelled(): boolean
}

const PREVIEW_ROWS = 200

/**
 * Reads a file into dictionary-encoded columns and profiles them: the whole of the slow part of
 * an import, run in a worker thread by the app and directly by tests.
 */
export function stageFile(request: StageRequest, hooks: StageHooks): StagedFile {
  let builders: DictionaryColumnBuilder[] = []
  const previewRows: string[][] = []
  let rows = 0
  const read = readTable(
    request.bytes,
    request.fileName,
    {
      ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
      ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
      onProgress: (done, total) => hooks.onProgress('reading', done, total, rows),
      isCancelled: hooks.isCancelled
    },
    (cells) => {
      // Room for 4096 rows per column up front, but no more than about 16 MB in all, so a
      // very wide file does not reserve hundreds of MB before its second row.
      if (builders.length === 0) {
        const expected = Math.max(16, Math.min(4096, Math.floor(4_194_304 / Math.max(1, cells.length))))
        builders = cells.map(() => new DictionaryColumnBuilder(expected))
      }
      for (let i = 0; i < builders.length; i++) builders[i]!.push(cells[i] ?? '')
      rows++
      if (previewRows.length < PREVIEW_ROWS) previewRows.push(cells.slice())
    }
  )
  if (builders.length === 0) builders = read.headers.map(() => new DictionaryColumnBuilder(16))
  const columns = builders.map((b) => b.finish())
  const counts = columns.map(countCodes)
  const missing = missingTokenSet(request.missingTokens)

  const profiles: ColumnProfile[] = []
  const distinct = columns.map((column, i) => distinctValues(column, counts[i]!, missing))
  for (let i = 0; i < columns.length; i++) {
    hooks.onProgress('profiling', i, columns.length, rows)
    profiles.push(
      profileColumn({ name: read.headers[i]!, index: i, column: columns[i]!, counts: counts[i]!, missingTokens: missing, distinct: distinct[i]! })
    )
  }

  const valuesOf = (i: number) => distinct[i]!.values
  // Role suggestions read value patterns (domains, stage names); a spread of values shows them.
  const describe = profiles.map((p) => ({ header: p.name, type: p.type, values: sampleValues(valuesOf(p.index), 4000) }))
  const suggestedKind = request.tableKind ?? guessKind(suggestRoles(describe, 'flat'))
  const roles = suggestRoles(describe, suggestedKind)
  for (const profile of profiles) {
    profile.role = roles[profile.index] ?? 'attribute'
    profile.category = profile.role === 'attribute' ? suggestCategory(profile.name, profile.type) : null
  }

  const outcomeColumn = profiles.find((p) => p.role === 'outcome')
  const outcomeMapping = outcomeColumn ? outcomeMappingFor(valuesOf(outcomeColumn.index), request.knownOutcomes) : []

  const { headers: _headers, ...facts } = read
  return {
    ...facts,
    fileName: request.fileName,
    columns,
    counts,
    profiles,
    previewRows,
    suggestedKind,
    outcomeMapping,
    missingTokens: [...request.missingTokens]
  }
}

const DEAL_ROLES: ReadonlySet<ColumnRole> = new Set(['outcome', 'deal-amount', 'deal-id', 'closed-date', 'created-date'])
const ACCOUNT_TRAIT_ROLES: ReadonlySet<ColumnRole> = new Set(['attribute'])

/** Deals with several account traits inline are a flat export; deal columns alone are a deals table. */
function guessKind(roles: readonly ColumnRole[]): TableKind {
  const dealColumns = roles.filter((r) => DEAL_ROLES.has(r)).length
  if (dealColumns === 0 || !roles.includes('outcome')) return 'accounts'
  const traits = roles.filter((r) => ACCOUNT_TRAIT_ROLES.has(r)).length
  return traits >= 3 ? 'flat' : 'deals'
}
