/**
 * A condition evaluated once over every deal into a 0/1 mask. Scoring then only multiplies
 * masks by points, so a points change never re-reads the data. A missing value matches no
 * condition except is_missing (not even not_in or is_false): a deal we know nothing about
 * earns neither points nor penalties.
 */

import { MISSING_CODE, type EngineColumn } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import { OPS_BY_KIND } from '@shared/engine/scorecard/operators'

function categoryMask(column: Extract<EngineColumn, { kind: 'category' }>, condition: Condition, mask: Uint8Array): void {
  const { codes } = column
  const n = mask.length
  // Imported constants are property reads once bundled; hot loops use locals.
  const missing = MISSING_CODE
  if (condition.op === 'is_missing') {
    for (let i = 0; i < n; i++) mask[i] = codes[i] === missing ? 1 : 0
    return
  }
  // One decision per distinct value instead of one string comparison per deal.
  const listed = new Set(condition.values ?? [])
  const hit = condition.op === 'in' ? 1 : 0
  const byCode = new Uint8Array(column.values.length)
  column.values.forEach((value, code) => {
    byCode[code] = listed.has(value) ? hit : 1 - hit
  })
  for (let i = 0; i < n; i++) {
    const code = codes[i]!
    mask[i] = code === missing ? 0 : (byCode[code] ?? 0)
  }
}

function numberMask(column: Extract<EngineColumn, { kind: 'number' }>, condition: Condition, mask: Uint8Array): void {
  const { values } = column
  const n = mask.length
  // Comparisons with NaN are false, so missing values fall out of every branch but is_missing.
  switch (condition.op) {
    case 'between': {
      const min = condition.min ?? -Infinity
      const max = condition.max ?? Infinity
      for (let i = 0; i < n; i++) {
        const v = values[i]!
        mask[i] = v >= min && v <= max ? 1 : 0
      }
      return
    }
    case 'lt': {
      const bound = condition.value ?? NaN
      for (let i = 0; i < n; i++) mask[i] = values[i]! < bound ? 1 : 0
      return
    }
    case 'gt': {
      const bound = condition.value ?? NaN
      for (let i = 0; i < n; i++) mask[i] = values[i]! > bound ? 1 : 0
      return
    }
    default:
      for (let i = 0; i < n; i++) mask[i] = Number.isNaN(values[i]!) ? 1 : 0
  }
}

function booleanMask(column: Extract<EngineColumn, { kind: 'boolean' }>, condition: Condition, mask: Uint8Array): void {
  const wanted = condition.op === 'is_true' ? 1 : condition.op === 'is_false' ? 0 : -1
  const { values } = column
  for (let i = 0; i < mask.length; i++) mask[i] = values[i] === wanted ? 1 : 0
}

function multiMask(column: Extract<EngineColumn, { kind: 'multi' }>, condition: Condition, mask: Uint8Array): void {
  const { bits, wordsPerRow, missing } = column
  const n = mask.length
  if (condition.op === 'is_missing') {
    for (let i = 0; i < n; i++) mask[i] = missing[i] ? 1 : 0
    return
  }
  const index = new Map(column.items.map((item, i) => [item, i]))
  const query = new Uint32Array(wordsPerRow)
  let unknownListed = false
  for (const value of condition.values ?? []) {
    const item = index.get(value)
    if (item === undefined) unknownListed = true
    else query[item >>> 5]! |= 1 << (item & 31)
  }
  const all = condition.op === 'contains_all'
  // No deal can hold an item the data never shows.
  if (all && unknownListed) return
  for (let i = 0, base = 0; i < n; i++, base += wordsPerRow) {
    let any = 0
    let every = 1
    for (let w = 0; w < wordsPerRow; w++) {
      const q = query[w]!
      const held = bits[base + w]! & q
      if (held !== 0) any = 1
      if (held >>> 0 !== q) every = 0
    }
    mask[i] = missing[i] ? 0 : all ? every : any
  }
}

/** Whether the op can run on the column at all (validation reports it; scoring then matches nothing). */
export function conditionFits(column: EngineColumn | undefined, condition: Condition): boolean {
  return column !== undefined && OPS_BY_KIND[column.kind].includes(condition.op)
}

/** 1 where the deal meets the condition; all zero when the attribute is absent or the op does not fit it. */
export function conditionMask(column: EngineColumn | undefined, condition: Condition, rowCount: number): Uint8Array {
  const mask = new Uint8Array(rowCount)
  if (!column || !conditionFits(column, condition)) return mask
  switch (column.kind) {
    case 'category':
      categoryMask(column, condition, mask)
      break
    case 'number':
      numberMask(column, condition, mask)
      break
    case 'boolean':
      booleanMask(column, condition, mask)
      break
    case 'multi':
      multiMask(column, condition, mask)
      break
  }
  return mask
}
