/**
 * Strict reading of untrusted JSON into the scorecard's shapes. Each reader names the place and
 * the field in its error, because the file was probably edited by hand or by another tool.
 */

import { ScorecardFormatError } from './format-error'
import { CONDITION_OPS, type Condition, type ConditionOp } from './model'
import { OPERAND_SHAPE } from './operators'

export type JsonObject = Record<string, unknown>

export function fail(where: string, text: string): never {
  throw new ScorecardFormatError(`${where}: ${text}`)
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing'
  const json = JSON.stringify(value)
  return json.length > 40 ? `${json.slice(0, 37)}...` : json
}

export function readObject(value: unknown, where: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, `must be an object (got ${shown(value)})`)
  return value as JsonObject
}

export function readKeys(object: JsonObject, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) fail(where, `unexpected field "${key}"`)
}

export function readText(object: JsonObject, key: string, where: string): string {
  const value = object[key]
  if (typeof value !== 'string' || value.trim() === '') fail(where, `"${key}" must be non-empty text (got ${shown(value)})`)
  return value
}

export function readOptionalText(object: JsonObject, key: string, where: string): string | undefined {
  if (object[key] === undefined) return undefined
  return readText(object, key, where)
}

export function readNumber(object: JsonObject, key: string, where: string, whole = false): number {
  const value = object[key]
  if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
    fail(where, `"${key}" must be ${whole ? 'a whole number' : 'a number'} (got ${shown(value)})`)
  }
  return value
}

export function readList(object: JsonObject, key: string, where: string, optional = false): unknown[] {
  const value = object[key]
  if (value === undefined && optional) return []
  if (!Array.isArray(value)) fail(where, `"${key}" must be a list (got ${shown(value)})`)
  return value
}

function readBound(object: JsonObject, key: string, where: string): number | null {
  const value = object[key]
  if (value === undefined || value === null) return null
  return readNumber(object, key, where)
}

const OPERAND_FIELDS = ['values', 'min', 'max', 'value'] as const
const FIELDS_OF_SHAPE = { values: ['values'], range: ['min', 'max'], value: ['value'], none: [] } as const

/** attribute, op and exactly the operand fields the op uses. */
export function readCondition(object: JsonObject, where: string): Condition {
  const attribute = readText(object, 'attribute', where)
  const op = object.op
  if (typeof op !== 'string' || !CONDITION_OPS.includes(op as ConditionOp)) {
    fail(where, `"op" must be one of ${CONDITION_OPS.join(', ')} (got ${shown(op)})`)
  }
  const known = op as ConditionOp
  const shape = OPERAND_SHAPE[known]
  const used: readonly string[] = FIELDS_OF_SHAPE[shape]
  for (const field of OPERAND_FIELDS) {
    if (!used.includes(field) && object[field] !== undefined) fail(where, `"${field}" is not used by op "${known}"`)
  }
  switch (shape) {
    case 'values': {
      const values = readList(object, 'values', where)
      values.forEach((value, i) => {
        if (typeof value !== 'string') fail(where, `"values" item ${i + 1} must be text (got ${shown(value)})`)
      })
      return { attribute, op: known, values: values as string[] }
    }
    case 'range':
      return { attribute, op: known, min: readBound(object, 'min', where), max: readBound(object, 'max', where) }
    case 'value':
      return { attribute, op: known, value: readNumber(object, 'value', where) }
    case 'none':
      return { attribute, op: known }
  }
}
