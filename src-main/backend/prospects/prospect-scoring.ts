import type { Database } from 'better-sqlite3'
import type { AttributeMapping, ProspectListSummary } from '@shared/domain/prospects'
import { MISSING_CODE, type EngineColumn } from '@shared/engine/engine-dataset'
import type { Condition, Criterion, Scorecard } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { conditionWords } from '@shared/export/readable-condition'
import { readAttribute, type AttributeReading } from '@shared/prospects/condition-verdicts'
import { conceptOf } from '@shared/prospects/header-concepts'
import { proposeMapping, type WorkspaceAttribute } from '@shared/prospects/propose-mapping'
import type { ProspectColumnData } from '@shared/prospects/prospect-column'
import { scoreProspects, type ProspectScoring } from '@shared/prospects/score-prospects'
import type { CallListWords } from '@shared/prospects/call-list'
import { AppError } from '../app-error'
import { attributeWordsOf } from '../dataset/attribute-words'
import { labelFor, readLabels } from '../dataset/column-labels'
import { engineDataVersion, engineDatasetFor } from '../engine/engine-dataset-cache'
import { exportedScorecard } from '../export/scored-accounts-export'
import { naicsTitles } from './naics-titles'
import { readChoices, readProspectColumns, readProspectList, type ProspectListRecord } from './prospect-store'

export interface LoadedList {
  record: ProspectListRecord
  columns: ProspectColumnData[]
}

const listCache = new WeakMap<Database, LoadedList>()

export function loadedList(db: Database): LoadedList {
  const record = readProspectList(db)
  if (!record)
    throw new AppError(
      'NOT_FOUND',
      'This workspace has no prospect list yet; import one first (Apollo, Sales Navigator, ZoomInfo or a plain CSV).'
    )
  const cached = listCache.get(db)
  if (cached && cached.record.id === record.id) return cached
  const loaded = { record, columns: readProspectColumns(db, record) }
  listCache.set(db, loaded)
  return loaded
}

export function listSummary(list: LoadedList): ProspectListSummary {
  const { record, columns } = list
  return {
    fileName: record.fileName,
    source: record.source,
    sourceReason: record.sourceReason,
    rowCount: record.rowCount,
    importedAt: record.importedAt,
    columns: columns.map((column) => {
      return { name: column.name, type: column.type, distinct: column.dictionary.length, examples: commonest(column, 4) }
    }),
    nameColumn: keyColumn(columns, 'name')?.name ?? null,
    domainColumn: keyColumn(columns, 'domain')?.name ?? null
  }
}

/** The `n` most frequent non-blank values, in one pass (a unique column has a million entries). */
function commonest(column: ProspectColumnData, n: number): string[] {
  const top: number[] = []
  const { counts, dictionary } = column
  for (let code = 0; code < dictionary.length; code++) {
    if (dictionary[code]!.trim() === '') continue
    if (top.length === n && counts[code]! <= counts[top[n - 1]!]!) continue
    top.push(code)
    top.sort((a, b) => counts[b]! - counts[a]!)
    if (top.length > n) top.pop()
  }
  return top.map((code) => dictionary[code]!)
}

function keyColumn(columns: readonly ProspectColumnData[], concept: 'name' | 'domain'): ProspectColumnData | undefined {
  return columns.find((c) => conceptOf(c.name) === concept)
}

/** A picklist's values or a list's items, most common first (a synonym with two spellings maps to the common one). */
function valuesByFrequency(column: EngineColumn): string[] {
  if (column.kind === 'category') {
    const counts = new Uint32Array(column.values.length)
    for (const code of column.codes) if (code !== MISSING_CODE) counts[code]!++
    return column.values
      .map((value, i) => ({ value, n: counts[i]! }))
      .sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : 1))
      .map((v) => v.value)
  }
  if (column.kind === 'multi') {
    const counts = new Uint32Array(column.items.length)
    for (let row = 0; row < column.missing.length; row++) {
      for (let item = 0; item < column.items.length; item++) {
        if (column.bits[row * column.wordsPerRow + (item >>> 5)]! & (1 << (item & 31))) counts[item]!++
      }
    }
    return column.items
      .map((value, i) => ({ value, n: counts[i]! }))
      .sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : 1))
      .map((v) => v.value)
  }
  return []
}

/** The attributes a scorecard names, with their kind and vocabulary in the workspace. */
export function workspaceAttributes(db: Database, scorecard: Scorecard): WorkspaceAttribute[] {
  const dataset = engineDatasetFor(db)
  const labels = readLabels(db)
  const names: string[] = []
  for (const condition of [...scorecard.criteria, ...scorecard.knockouts])
    if (!names.includes(condition.attribute)) names.push(condition.attribute)
  return names.map((name) => {
    const column = dataset.attributes.get(name)
    return { name, label: labelFor(labels, name), kind: column?.kind ?? 'category', values: column ? valuesByFrequency(column) : [] }
  })
}

export function mappingFor(db: Database, scorecard: Scorecard, list: LoadedList): AttributeMapping[] {
  return proposeMapping({
    source: list.record.source,
    attributes: workspaceAttributes(db, scorecard),
    columns: list.columns,
    saved: readChoices(db, list.record.source),
    naicsTitles
  })
}

export interface ProspectRun {
  list: LoadedList
  scorecard: Scorecard
  mapping: AttributeMapping[]
  scoring: ProspectScoring
  words: CallListWords
  wordsForRows(rows: readonly number[]): CallListWords
  /** The list's domain column, the key the keyed CSV matches records by (null: by name). */
  domainColumn: string | null
}

const runCache = new WeakMap<Database, { key: string; run: ProspectRun }>()

/** The default threshold: the lowest tier's upper neighbour (B of A/B/C), so "passing" is every tier above the last. */
export function defaultThreshold(scorecard: Scorecard): number {
  const tiers = scorecard.tiers
  return tiers.length >= 2 ? tiers[tiers.length - 2]!.min : (tiers[0]?.min ?? 0)
}

/** The list scored with the scorecard's working copy and the saved mapping; cached until any of them changes. */
export function prospectRun(db: Database, scorecardId: number): ProspectRun {
  const list = loadedList(db)
  const scorecard = exportedScorecard(db, scorecardId)
  const choices = readChoices(db, list.record.source)
  const key = JSON.stringify([list.record.id, scorecard, choices, engineDataVersion(db)])
  const cached = runCache.get(db)
  if (cached && cached.key === key) return cached.run
  const mapping = mappingFor(db, scorecard, list)
  const readings = new Map<string, AttributeReading>()
  for (const m of mapping)
    readings.set(m.attribute, readAttribute(m, m.column === null ? null : (list.columns.find((c) => c.name === m.column) ?? null)))
  const scoring = scoreProspects({ scorecard, rowCount: list.record.rowCount, readings })
  const attributeWords = attributeWordsOf(db)
  const wordsOf = (c: Condition): string => conditionWords(c, attributeWords(c.attribute))
  const name = keyColumn(list.columns, 'name')
  const domain = keyColumn(list.columns, 'domain')
  const cell = (column: ProspectColumnData | undefined) => (row: number) => (column ? (column.dictionary[column.codes[row]!] ?? '') : '')
  const words: CallListWords = {
    criteria: scorecard.criteria.map((c: Criterion) => wordsOf(c)),
    knockouts: scorecard.knockouts.map((k) => k.name.trim() || describeCondition(k)),
    nameOf: name ? cell(name) : (row) => `Prospect ${row + 1}`,
    domainOf: cell(domain)
  }
  /** The same words with names and domains of a few rows looked up without reading the whole columns. */
  const wordsForRows = (rows: readonly number[]): CallListWords => {
    const names = name?.valuesAt ? name.valuesAt(rows) : null
    const domains = domain?.valuesAt ? domain.valuesAt(rows) : null
    const at = new Map(rows.map((row, i) => [row, i]))
    return {
      ...words,
      nameOf: names ? (row) => names[at.get(row) ?? -1] ?? words.nameOf(row) : words.nameOf,
      domainOf: domains ? (row) => domains[at.get(row) ?? -1] ?? words.domainOf(row) : words.domainOf
    }
  }
  const run = { list, scorecard, mapping, scoring, words, wordsForRows, domainColumn: domain?.name ?? null }
  runCache.set(db, { key, run })
  return run
}
