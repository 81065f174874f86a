import type { HygieneRule } from '@shared/domain/data-views'
import type { AttributeLevel, ColumnProfile, ColumnRole, Outcome, TableKind, ValueCount } from '@shared/domain/dataset'
import { columnEntries, DictionaryColumnBuilder, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { headerKey } from '@shared/import/header-key'
import { profileColumn, type ColumnMissing } from '@shared/import/profile-column'
import { valueCounts } from '@shared/import/distinct-values'
import { outcomeMappingFor } from '@shared/import/outcome-mapping-for'
import { suggestCategory, suggestRolesWithReasons, type ColumnForRoles } from '@shared/import/suggest'
import { applyHygieneRules, proposeCleanups } from '@shared/import/hygiene'
import { isMissingValue, parseNumber } from '@shared/import/values'
import { readTable } from './read'
import type { ColumnsHelper } from './read/csv-columns'
import { applyLevels } from '@shared/import/column-levels'
import type { LevelEvidence } from '@shared/import/suggest/attribute-level'
import { REMEMBERED_REASON, shapeKey, type RememberedColumn } from './import-shape-memory'
import type { StagedFile } from './staged-file'
import { ColumnProfiler, type ProfiledColumn, type ProfilingShare } from './column-profiler'

export interface StageRequest {
  /** The file; stageFile lets go of it (sets it empty) once the rows are read, see below. */
  bytes: Uint8Array
  fileName: string
  sheet?: string | undefined
  headerRow?: number | undefined
  tableKind?: TableKind | undefined
  /** The workspace's placeholder tokens: a hint each column weighs against its own data. */
  missingTokens: readonly string[]
  /** The consultant's per-column placeholder choices: [column key, lower-case token, missing]. */
  placeholderChoices?: ReadonlyArray<readonly [string, string, boolean]>
  /** The workspace's saved outcome mapping; it wins over suggestions for values it knows. */
  knownOutcomes: ReadonlyArray<[string, Outcome | null]>
  /** Corrections remembered per file shape (see import-shape-memory.ts). */
  rememberedShapes?: Record<string, Array<[string, RememberedColumn]>>
  /** The workspace's hygiene rules: clean-ups already covered by one are not proposed again. */
  rules?: readonly HygieneRule[]
}

export interface StageHooks {
  /** `rows` is the number of data rows read so far. */
  onProgress(phase: 'reading' | 'profiling', done: number, total: number, rows: number): void
  isCancelled(): boolean
  /** Called between reading and profiling (the reading process collects garbage there, and hands the columns over). */
  onRead?(columns: readonly DictionaryColumn[], headers: readonly string[]): void
  /** A second thread for a large CSV's columns (the reading process has one). */
  columnsHelper?: ColumnsHelper
  /** A second thread that profiles some of the columns (the reading process's, once it has read some). */
  profilingShare?: ProfilingShare
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
      onProgress: (done, total, read) => hooks.onProgress('reading', done, total, read ?? rows),
      isCancelled: hooks.isCancelled,
      columnar: true,
      ...(hooks.columnsHelper !== undefined ? { columnsHelper: hooks.columnsHelper } : {})
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
  // The file is not needed for profiling, and held through it, it was 134 MB of a 1M-row CSV
  // reader's peak: the request is the caller's only reference (read-worker.ts builds it per read).
  // A CSV column that stopped de-duplicating still reads its entries from it (ByteSpanEntries),
  // which keeps it until the hand-over: cheaper than the strings it stands for.
  request.bytes = new Uint8Array(0)
  if (builders.length === 0) builders = read.headers.map(() => new DictionaryColumnBuilder(16))
  const columns = read.columns ?? builders.map((b) => b.finish())
  hooks.onRead?.(columns, read.headers)
  if (read.columns) {
    previewRows.push(...firstRows(read.columns, PREVIEW_ROWS))
    rows = read.rowCount
  }
  const profiler = new ColumnProfiler(columns, {
    headers: read.headers,
    missingTokens: request.missingTokens,
    placeholderChoices: request.placeholderChoices ?? []
  })
  const profiled = new Array<ProfiledColumn | undefined>(columns.length)
  const share = hooks.profilingShare
  for (let i = 0; i < columns.length; i++) {
    if (share !== undefined && !share.claim(i)) continue
    hooks.onProgress('profiling', i, columns.length, rows)
    profiled[i] = profiler.profile(i)
  }
  const theirs = share?.theirs() ?? null
  for (let i = 0; i < columns.length; i++) profiled[i] ??= theirs?.get(i) ?? profiler.profile(i)
  const done = profiled as ProfiledColumn[]
  const profiles: ColumnProfile[] = done.map((p) => p.profile)
  const missing = done.map((p) => ({ placeholders: p.placeholders, missing: p.missing }))
  const distinctOf = (i: number): ColumnMissing['distinct'] => done[i]!.kept ?? profiler.missingOf(i).distinct
  const valuesOf = (i: number) => valueCounts(distinctOf(i))
  // Role suggestions read value patterns (domains, stage names); a spread of values shows them.
  const describe = profiles.map((p) => ({
    header: p.name,
    type: p.type,
    values: done[p.index]!.rolesSample,
    filled: p.rowCount === 0 ? 0 : 1 - p.missingCount / p.rowCount
  }))
  const remembered = new Map(request.rememberedShapes?.[shapeKey(read.headers)] ?? [])
  const rememberedKind = remembered.size > 0 ? [...remembered.values()][0]!.kind : undefined
  // What the data says of each column's level is worked out once, for the guess and the kind.
  const evidence = new Map<string, LevelEvidence>()
  const suggestedKind =
    request.tableKind ??
    rememberedKind ??
    guessKind(
      describe,
      columns,
      missing.map((m) => m.missing),
      evidence
    )
  const roles = suggestRolesWithReasons(describe, suggestedKind)
  for (const profile of profiles) {
    const suggested = roles[profile.index]
    profile.role = suggested?.role ?? 'attribute'
    profile.roleReason = suggested?.reason ?? null
  }
  applyLevels(
    profiles,
    columns,
    missing.map((m) => m.missing),
    suggestedKind,
    evidence
  )
  for (const profile of profiles) {
    profile.category = profile.role === 'attribute' ? suggestCategory(profile.name, profile.type, profile.level) : null
  }
  for (const profile of profiles) {
    const again = remembered.get(headerKey(profile.name))
    if (!again) continue
    const { placeholders } = missing[profile.index]!
    const distinct = distinctOf(profile.index)
    const base =
      again.type === profile.type && again.dateOrder === profile.dateOrder
        ? profile
        : profileColumn({
            name: profile.name,
            index: profile.index,
            column: columns[profile.index]!,
            counts: profiler.counts(profile.index),
            missingTokens: missing[profile.index]!.missing,
            distinct,
            placeholders,
            type: again.type,
            dateOrder: again.dateOrder
          })
    profiles[profile.index] = {
      ...base,
      role: again.role,
      roleReason: again.role === profile.role ? profile.roleReason : REMEMBERED_REASON,
      category: again.role === 'attribute' ? again.category : null,
      level: again.role === 'attribute' ? (again.level ?? profile.level) : null,
      levelReason:
        again.role === 'attribute' ? (again.level && again.level !== profile.level ? REMEMBERED_REASON : profile.levelReason) : null
    }
  }

  const cleanups = profiles.flatMap((profile) =>
    profile.role === 'attribute' && profile.type === 'category'
      ? proposeCleanups(profile.name, cleanedValues(profile.name, valuesOf(profile.index), request.rules ?? [])).map((c) => ({
          ...c,
          index: profile.index
        }))
      : []
  )

  const outcomeColumn = profiles.find((p) => p.role === 'outcome')
  const outcomeMapping = outcomeColumn ? outcomeMappingFor(valuesOf(outcomeColumn.index), request.knownOutcomes, outcomeColumn.name) : []

  const { headers: _headers, ...facts } = read
  return {
    ...facts,
    fileName: request.fileName,
    columns,
    profiles,
    previewRows,
    suggestedKind,
    outcomeMapping,
    cleanups,
    missingTokens: [...request.missingTokens],
    columnMissing: missing.map((m) => [...m.missing])
  }
}

/** The first rows of dictionary-encoded columns, as the rows the reader would have delivered. */
function firstRows(columns: readonly DictionaryColumn[], count: number): string[][] {
  const rows = Math.min(count, columns[0]?.codes.length ?? 0)
  const entries = columns.map(columnEntries)
  return Array.from({ length: rows }, (_, r) => columns.map((c, i) => entries[i]!.at(c.codes[r]!)!))
}

/** The column's values as the workspace's rules already clean them (counts of merged spellings added up). */
function cleanedValues(column: string, values: readonly ValueCount[], rules: readonly HygieneRule[]): ValueCount[] {
  if (rules.length === 0) return values as ValueCount[]
  const cleaned = applyHygieneRules(
    column,
    values.map((v) => v.value),
    rules,
    (raw) => parseNumber(raw)
  )
  const merged = new Map<string, number>()
  cleaned.forEach((value, i) => merged.set(value, (merged.get(value) ?? 0) + values[i]!.count))
  return [...merged].map(([value, count]) => ({ value, count }))
}

const DEAL_ROLES: ReadonlySet<ColumnRole> = new Set(['outcome', 'deal-amount', 'deal-id', 'closed-date', 'created-date'])
/** A table of deals carrying this many account facts inline is a flat export. */
const FLAT_TRAITS = 3

/**
 * What the file holds: accounts (no deal columns), deals, or deals with the account's facts
 * inline (flat). An attribute counts as an account fact by the same judgement as its level: the
 * same on every deal of an account, or, without an account key, every row its own account.
 */
function guessKind(
  describe: readonly ColumnForRoles[],
  data: readonly DictionaryColumn[],
  missing: ReadonlyArray<ReadonlySet<string>>,
  evidence: Map<string, LevelEvidence>
): TableKind {
  const roles = suggestRolesWithReasons(describe, 'flat').map((s) => s.role)
  const dealColumns = roles.filter((r) => DEAL_ROLES.has(r)).length
  if (dealColumns === 0 || !roles.includes('outcome')) return 'accounts'
  // Without a key that repeats (a leads or churn table: one row per company) there are no
  // accounts to join: every row is its own account, with its facts inline.
  const key = KEY_ROLES.map((role) => roles.indexOf(role)).find((i) => i >= 0)
  if (key === undefined || !repeats(data[key]!, missing[key]!)) return 'flat'
  const judged = describe.map((c, i) => ({
    name: c.header,
    role: roles[i]!,
    level: null as AttributeLevel | null,
    levelReason: null as string | null
  }))
  applyLevels(judged, data, missing, 'flat', evidence)
  return judged.filter((c) => c.level === 'account').length >= FLAT_TRAITS ? 'flat' : 'deals'
}

const KEY_ROLES: readonly ColumnRole[] = ['account-id', 'account-name', 'domain']

function repeats(column: DictionaryColumn, missing: ReadonlySet<string>): boolean {
  const entries = columnEntries(column)
  const seen = new Uint8Array(entries.length)
  for (const code of column.codes) {
    if (seen[code] === 1 && !isMissingValue(entries.at(code)!, missing)) return true
    seen[code] = 1
  }
  return false
}
