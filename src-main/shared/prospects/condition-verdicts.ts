/**
 * Each scorecard condition judged for each prospect: met, not met, or unknown (and why). Met and
 * not met come from the engine's own condition code run on the prospect's value translated into
 * the workspace's vocabulary, so a prospect is judged exactly as an account with the same values
 * would be. Unknown is never folded into "not met": a list without the column, a value nobody
 * mapped, an empty cell, or a band ("11-50") that straddles the condition's bound ("fewer than 20").
 */

import { MISSING_CODE, type EngineColumn } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import { conditionFits, conditionMask } from '@shared/engine/scoring/condition-mask'
import type { AttributeMapping, UnknownReason } from '@shared/domain/prospects'
import { parseBoolean } from '@shared/import/values'
import { cellItems, isEmptyCell, numberBands, valueText, type ProspectColumnData } from './prospect-column'

export const NOT_MET = 0
export const MET = 1
export const UNKNOWN_NO_COLUMN = 2
export const UNKNOWN_UNMAPPED = 3
export const UNKNOWN_EMPTY = 4
export const UNKNOWN_BAND = 5

export const UNKNOWN_REASONS: Readonly<Record<number, UnknownReason>> = {
  [UNKNOWN_NO_COLUMN]: 'no-column',
  [UNKNOWN_UNMAPPED]: 'unmapped-value',
  [UNKNOWN_EMPTY]: 'empty',
  [UNKNOWN_BAND]: 'band'
}

/** An attribute's list column read once per distinct cell, ready to judge any condition on it. */
export interface AttributeReading {
  mapping: AttributeMapping
  column: ProspectColumnData | null
  /** Per dictionary entry: 0 read, 1 empty, 2 unreadable or unmapped (for lists: no item mapped). */
  state: Uint8Array
  /** The entries as a one-row-per-entry engine column of the workspace attribute's kind. */
  engine: EngineColumn | null
  /** Numbers: per entry, the band it stands for. */
  low: Float64Array | null
  high: Float64Array | null
}

const READ = 0
const EMPTY = 1
const UNMAPPED = 2

export function readAttribute(mapping: AttributeMapping, column: ProspectColumnData | null): AttributeReading {
  if (!column) return { mapping, column: null, state: new Uint8Array(0), engine: null, low: null, high: null }
  if (mapping.kind === 'number') {
    // Stored bands share their state codes with the entry states here (read, empty, unreadable).
    const { low, high, state } = numberBands(column, mapping.unitFactor)
    return { mapping, column, state, engine: null, low, high }
  }
  const n = column.dictionary.length
  const state = new Uint8Array(n)
  const mapped = new Map(mapping.values.map((v) => [v.prospect, v.mapped]))
  const empty = (raw: string): boolean => isEmptyCell(raw, column)
  switch (mapping.kind) {
    case 'boolean': {
      const values = new Int8Array(n).fill(-1)
      column.dictionary.forEach((raw, i) => {
        const flag = empty(raw) ? null : parseBoolean(raw)
        state[i] = empty(raw) ? EMPTY : flag === null ? UNMAPPED : READ
        if (flag !== null) values[i] = flag ? 1 : 0
      })
      return { mapping, column, state, engine: { kind: 'boolean', values }, low: null, high: null }
    }
    case 'multi': {
      const items = [...new Set(mapping.values.flatMap((v) => (v.mapped === null ? [] : [v.mapped])))]
      const index = new Map(items.map((item, i) => [item, i]))
      const wordsPerRow = Math.max(1, Math.ceil(items.length / 32))
      const bits = new Uint32Array(n * wordsPerRow)
      const missing = new Uint8Array(n)
      column.dictionary.forEach((raw, i) => {
        if (empty(raw)) {
          state[i] = EMPTY
          missing[i] = 1
          return
        }
        // A list tool names the tools it detected; one the workspace never records ("WordPress")
        // cannot be one a criterion lists, so the cell is judged on the items that map. Only a cell
        // none of whose items map is unknown: it may be the tool's own spelling of a listed one.
        let anyMapped = false
        for (const item of cellItems(raw, column)) {
          const to = mapped.get(item) ?? null
          if (to === null) continue
          anyMapped = true
          bits[i * wordsPerRow + (index.get(to)! >>> 5)]! |= 1 << (index.get(to)! & 31)
        }
        state[i] = anyMapped ? READ : UNMAPPED
      })
      return { mapping, column, state, engine: { kind: 'multi', items, bits, wordsPerRow, missing }, low: null, high: null }
    }
    default: {
      const values: string[] = []
      const codeOf = new Map<string, number>()
      const codes = new Uint32Array(n).fill(MISSING_CODE)
      column.dictionary.forEach((raw, i) => {
        if (empty(raw)) {
          state[i] = EMPTY
          return
        }
        const text = valueText(raw, mapping.part, mapping.via)
        const to = text === null ? null : (mapped.get(text) ?? null)
        if (to === null) {
          state[i] = UNMAPPED
          return
        }
        let code = codeOf.get(to)
        if (code === undefined) code = codeOf.set(to, values.push(to) - 1).get(to)!
        codes[i] = code
      })
      return { mapping, column, state, engine: { kind: 'category', codes, values }, low: null, high: null }
    }
  }
}

/** A band judged against a numeric condition: met when all of it is, not met when none of it is. */
function bandVerdict(condition: Condition, low: number, high: number): number {
  switch (condition.op) {
    case 'between': {
      const min = condition.min ?? -Infinity
      const max = condition.max ?? Infinity
      if (low >= min && high <= max) return MET
      if (high < min || low > max) return NOT_MET
      return UNKNOWN_BAND
    }
    case 'lt': {
      const bound = condition.value ?? NaN
      if (high < bound) return MET
      if (low >= bound) return NOT_MET
      return Number.isNaN(bound) ? NOT_MET : UNKNOWN_BAND
    }
    case 'gt': {
      const bound = condition.value ?? NaN
      if (low > bound) return MET
      if (high <= bound) return NOT_MET
      return Number.isNaN(bound) ? NOT_MET : UNKNOWN_BAND
    }
    default:
      return NOT_MET
  }
}

/** The verdict per dictionary entry of the attribute's column. */
export function entryVerdicts(reading: AttributeReading, condition: Condition): Uint8Array {
  // Per distinct value, not per prospect: a few thousand iterations at most for most columns.
  const { state } = reading
  const n = state.length
  const out = new Uint8Array(n)
  const isMissingOp = condition.op === 'is_missing'
  if (reading.mapping.kind === 'number') {
    const probe: EngineColumn = { kind: 'number', values: new Float64Array(0) }
    if (!conditionFits(probe, condition)) return out
    for (let i = 0; i < n; i++) {
      if (state[i] === EMPTY) out[i] = isMissingOp ? MET : UNKNOWN_EMPTY
      else if (state[i] === UNMAPPED) out[i] = isMissingOp ? NOT_MET : UNKNOWN_UNMAPPED
      else out[i] = isMissingOp ? NOT_MET : bandVerdict(condition, reading.low![i]!, reading.high![i]!)
    }
    return out
  }
  const engine = reading.engine!
  if (!conditionFits(engine, condition)) return out
  const mask = conditionMask(engine, condition, n)
  for (let i = 0; i < n; i++) {
    if (state[i] === EMPTY) out[i] = isMissingOp ? MET : UNKNOWN_EMPTY
    else if (mask[i]) out[i] = MET
    else if (state[i] === UNMAPPED) out[i] = isMissingOp ? NOT_MET : UNKNOWN_UNMAPPED
    else out[i] = NOT_MET
  }
  return out
}

/** Per prospect: the condition's verdict (MET, NOT_MET or an UNKNOWN_* reason). */
export function rowVerdicts(reading: AttributeReading, condition: Condition, rowCount: number): Uint8Array {
  const out = new Uint8Array(rowCount)
  if (!reading.column) return out.fill(UNKNOWN_NO_COLUMN)
  const byEntry = entryVerdicts(reading, condition)
  const codes = reading.column.codes
  const n = Math.min(rowCount, codes.length)
  for (let row = 0; row < n; row++) out[row] = byEntry[codes[row]!]!
  return out
}
