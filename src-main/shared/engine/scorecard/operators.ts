/**
 * Which conditions fit which kind of attribute, and which fields each condition uses. The
 * editor, validation, the portable format and scoring all read these tables, so an op means
 * the same thing everywhere.
 */

import type { EngineColumn, EngineDataset } from '@shared/engine/engine-dataset'
import type { ConditionOp } from './model'

export type AttributeKind = EngineColumn['kind']

export const OPS_BY_KIND: Readonly<Record<AttributeKind, readonly ConditionOp[]>> = {
  category: ['in', 'not_in', 'is_missing'],
  number: ['between', 'lt', 'gt', 'is_missing'],
  boolean: ['is_true', 'is_false', 'is_missing'],
  multi: ['contains_any', 'contains_all', 'is_missing']
}

/** The fields an op reads: a list of values, a range, one number, or nothing. */
export type OperandShape = 'values' | 'range' | 'value' | 'none'

export const OPERAND_SHAPE: Readonly<Record<ConditionOp, OperandShape>> = {
  in: 'values',
  not_in: 'values',
  contains_any: 'values',
  contains_all: 'values',
  between: 'range',
  lt: 'value',
  gt: 'value',
  is_true: 'none',
  is_false: 'none',
  is_missing: 'none'
}

/** What a scorecard needs to know about a workspace's attribute: its kind and the values that occur. */
export interface AttributeInfo {
  kind: AttributeKind
  /** Distinct values (category) or items (multi); absent for numbers and booleans. */
  values?: readonly string[]
}

export type AttributeCatalog = ReadonlyMap<string, AttributeInfo>

export function attributeCatalog(dataset: EngineDataset): Map<string, AttributeInfo> {
  const catalog = new Map<string, AttributeInfo>()
  for (const [name, column] of dataset.attributes) {
    if (column.kind === 'category') catalog.set(name, { kind: 'category', values: column.values })
    else if (column.kind === 'multi') catalog.set(name, { kind: 'multi', values: column.items })
    else catalog.set(name, { kind: column.kind })
  }
  return catalog
}
