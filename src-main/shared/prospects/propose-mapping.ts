/**
 * The mapping step's proposal: for each scorecard attribute, the list column that holds it and,
 * for picklists and lists of items, the workspace value each list value stands for. Saved choices
 * for the same tool win; everything else is proposed from names, concepts and values, and the
 * column chosen among candidates is the one whose values map for the most prospects.
 */

import type {
  AttributeChoice,
  AttributeMapping,
  MappedAttributeKind,
  PlacePart,
  ProspectSource,
  ValueMapping
} from '@shared/domain/prospects'
import { PROSPECT_SOURCE_NAMES } from '@shared/domain/prospects'
import { headerKey } from '@shared/import/header-key'
import { parseBoolean } from '@shared/import/values'
import { conceptOf, unitFactorOf, type Concept } from './header-concepts'
import {
  BAND_EMPTY,
  BAND_UNREADABLE,
  cellItems,
  distinctTexts,
  isEmptyCell,
  numberBands,
  valueText,
  type ProspectColumnData
} from './prospect-column'
import { matchValue, vocabularyOf, type ValueMatch, type Vocabulary } from './value-match'

export interface WorkspaceAttribute {
  name: string
  label: string
  kind: MappedAttributeKind
  /** Picklists: the workspace's values; lists of items: its items; else empty. */
  values: readonly string[]
}

export interface NaicsEntry {
  code: string
  title: string
}

export interface MappingInput {
  source: ProspectSource
  attributes: readonly WorkspaceAttribute[]
  columns: readonly ProspectColumnData[]
  saved: readonly AttributeChoice[]
  /** A NAICS code's titles, most specific first (the code itself, then its parents); [] when unknown. */
  naicsTitles: (code: string) => NaicsEntry[]
}

interface ColumnChoice {
  column: string | null
  part: PlacePart | null
  via: 'naics' | null
  unitFactor: number
  reason: string
}

const PLACE_CONCEPTS: ReadonlySet<Concept> = new Set(['country', 'state', 'city'])

function matchNaics(code: string, vocabulary: Vocabulary, titles: MappingInput['naicsTitles']): ValueMatch {
  const chain = titles(code)
  if (chain.length === 0) return { mapped: null, reason: `NAICS ${code} is not a NAICS 2017 code` }
  for (const entry of chain) {
    const match = matchValue(entry.title, vocabulary)
    if (match.mapped !== null) return { mapped: match.mapped, reason: `NAICS ${entry.code} "${entry.title}": ${match.reason}` }
  }
  return { mapped: null, reason: `NAICS ${code} "${chain[0]!.title}" matches no workspace value` }
}

function valueMappings(
  attribute: WorkspaceAttribute,
  column: ProspectColumnData,
  choice: ColumnChoice,
  decided: ReadonlyMap<string, string | null>,
  input: MappingInput
): ValueMapping[] {
  const vocabulary = vocabularyOf(attribute.values)
  const texts = distinctTexts(column, choice.part, choice.via, attribute.kind === 'multi')
  const saidFor = `saved for ${PROSPECT_SOURCE_NAMES[input.source]} lists`
  return [...texts]
    .map(([prospect, count]): ValueMapping => {
      if (decided.has(prospect)) {
        const mapped = decided.get(prospect) ?? null
        return {
          prospect,
          count,
          mapped: mapped !== null && attribute.values.includes(mapped) ? mapped : null,
          reason: saidFor,
          decided: true
        }
      }
      const match = choice.via === 'naics' ? matchNaics(prospect, vocabulary, input.naicsTitles) : matchValue(prospect, vocabulary)
      return { prospect, count, mapped: match.mapped, reason: match.reason, decided: false }
    })
    .sort((a, b) => b.count - a.count || (a.prospect < b.prospect ? -1 : 1))
}

/** Prospects with an empty cell, and prospects whose value could not be read or mapped. */
function coverage(
  attribute: WorkspaceAttribute,
  column: ProspectColumnData,
  choice: ColumnChoice,
  values: readonly ValueMapping[]
): { empty: number; unreadable: number; read: number } {
  const mapped = new Map(values.map((v) => [v.prospect, v.mapped]))
  let empty = 0
  let unreadable = 0
  let read = 0
  if (attribute.kind === 'number') {
    const { state } = numberBands(column, choice.unitFactor)
    const { counts } = column
    for (let code = 0; code < state.length; code++) {
      const count = counts[code] ?? 0
      if (state[code] === BAND_EMPTY) empty += count
      else if (state[code] === BAND_UNREADABLE) unreadable += count
      else read += count
    }
    return { empty, unreadable, read }
  }
  column.dictionary.forEach((raw, code) => {
    const count = column.counts[code] ?? 0
    if (count === 0) return
    if (isEmptyCell(raw, column)) {
      empty += count
      return
    }
    let ok: boolean
    switch (attribute.kind) {
      case 'boolean':
        ok = parseBoolean(raw) !== null
        break
      case 'multi':
        // Judged on the items that map (condition-verdicts.ts): read when at least one does.
        ok = cellItems(raw, column).some((item) => (mapped.get(item) ?? null) !== null)
        break
      default: {
        const text = valueText(raw, choice.part, choice.via)
        ok = text !== null && (mapped.get(text) ?? null) !== null
      }
    }
    if (ok) read += count
    else unreadable += count
  })
  return { empty, unreadable, read }
}

function candidates(attribute: WorkspaceAttribute, columns: readonly ProspectColumnData[]): ColumnChoice[] {
  const names = new Set([headerKey(attribute.name), headerKey(attribute.label)])
  const concept = conceptOf(attribute.name) ?? conceptOf(attribute.label)
  const out: ColumnChoice[] = []
  for (const column of columns) {
    const factor = attribute.kind === 'number' ? unitFactorOf(column.name) : 1
    if (names.has(headerKey(column.name))) {
      out.push({ column: column.name, part: null, via: null, unitFactor: factor, reason: 'same column name' })
      continue
    }
    const columnConcept = conceptOf(column.name)
    if (concept === null || columnConcept === null) continue
    if (columnConcept === concept) {
      const unit = factor !== 1 ? `; counted in ${factor.toLocaleString('en-US')}s` : ''
      out.push({ column: column.name, part: null, via: null, unitFactor: factor, reason: `both name the ${concept}${unit}` })
    } else if (columnConcept === 'place' && PLACE_CONCEPTS.has(concept) && attribute.kind === 'category') {
      const part = concept as PlacePart
      out.push({
        column: column.name,
        part,
        via: null,
        unitFactor: 1,
        reason: `the ${part} part of "${column.name}" (City, State, Country)`
      })
    } else if (columnConcept === 'naics' && concept === 'industry' && attribute.kind === 'category') {
      out.push({
        column: column.name,
        part: null,
        via: 'naics',
        unitFactor: 1,
        reason: `industry read through the NAICS codes in "${column.name}"`
      })
    }
  }
  return out
}

function mappingOf(
  attribute: WorkspaceAttribute,
  choice: ColumnChoice,
  decided: boolean,
  decidedValues: ReadonlyMap<string, string | null>,
  input: MappingInput
): AttributeMapping {
  const column = choice.column === null ? undefined : input.columns.find((c) => c.name === choice.column)
  const base = { attribute: attribute.name, label: attribute.label, kind: attribute.kind, decided, vocabulary: [...attribute.values] }
  if (!column) {
    return {
      ...base,
      column: null,
      part: null,
      via: null,
      unitFactor: 1,
      reason: choice.column === null ? choice.reason : `the saved column "${choice.column}" is not in this list`,
      values: [],
      unreadable: 0,
      empty: 0
    }
  }
  const values =
    attribute.kind === 'category' || attribute.kind === 'multi' ? valueMappings(attribute, column, choice, decidedValues, input) : []
  const { empty, unreadable } = coverage(attribute, column, choice, values)
  return {
    ...base,
    column: column.name,
    part: choice.part,
    via: choice.via,
    unitFactor: choice.unitFactor,
    reason: choice.reason,
    values,
    unreadable,
    empty
  }
}

export function proposeMapping(input: MappingInput): AttributeMapping[] {
  return input.attributes.map((attribute) => {
    const saved = input.saved.find((s) => s.attribute === attribute.name)
    const decidedValues = new Map((saved?.values ?? []).map((v) => [v.prospect, v.mapped]))
    if (saved) {
      const choice: ColumnChoice = {
        column: saved.column,
        part: saved.part,
        via: saved.via,
        unitFactor: saved.unitFactor,
        reason:
          saved.column === null
            ? `left unmapped for ${PROSPECT_SOURCE_NAMES[input.source]} lists`
            : `saved for ${PROSPECT_SOURCE_NAMES[input.source]} lists`
      }
      return mappingOf(attribute, choice, true, decidedValues, input)
    }
    const found = candidates(attribute, input.columns)
    if (found.length === 0) {
      return mappingOf(
        attribute,
        { column: null, part: null, via: null, unitFactor: 1, reason: 'no column of this list names it' },
        false,
        decidedValues,
        input
      )
    }
    // The candidate whose values read for the most prospects; ties go to NAICS codes (a standard)
    // over an industry name, and to an exact count over a band (fewer prospects left unknown on
    // ranges), then to the first named.
    let best: { mapping: AttributeMapping; read: number; preference: number } | null = null
    for (const choice of found) {
      const mapping = mappingOf(attribute, choice, false, decidedValues, input)
      const column = input.columns.find((c) => c.name === choice.column)!
      const read = column.codes.length - mapping.empty - mapping.unreadable
      const preference = (choice.via === 'naics' ? 2 : 0) + (column.type === 'number' ? 1 : 0)
      if (!best || read > best.read || (read === best.read && preference > best.preference)) best = { mapping, read, preference }
    }
    return best!.mapping
  })
}
