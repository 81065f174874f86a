/**
 * What the renderer's what-if worker needs to simulate a scorecard without the data: per deal
 * the outcome, amount, cycle, close and created dates and account, plus one match mask per condition. The
 * attribute columns stay in the backend; a points or threshold change then never leaves the
 * renderer, and a new condition costs one mask from the backend.
 *
 * Every array travels as bytes (the wire format carries Uint8Array natively); masks are
 * packed eight deals to a byte.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Condition, Scorecard } from '@shared/engine/scorecard/model'
import { conditionKey } from '@shared/engine/scoring/compile'

export interface PackedMask {
  key: string
  bits: Uint8Array
}

export interface SimulationPack {
  rowCount: number
  accountCount: number
  /** Per deal, Int8: 1 positive, 0 negative, -1 excluded (see OutcomeView.target). */
  target: Uint8Array
  /** Float64 per deal. */
  amount: Uint8Array
  cycleDays: Uint8Array
  closedAt: Uint8Array
  /** Float64 per deal, when the data has created dates: with the close date, it picks the deal that scores each account. */
  createdAt?: Uint8Array
  /** Int32 per deal. */
  accountIndex: Uint8Array
  masks: PackedMask[]
}

const bytesOf = (array: ArrayBufferView): Uint8Array =>
  new Uint8Array(array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength))

/** A typed array over bytes that may not be aligned for it (a copy only when they are not). */
function viewAs<T>(bytes: Uint8Array, size: number, make: (buffer: ArrayBuffer, offset: number, length: number) => T): T {
  const aligned = bytes.byteOffset % size === 0 ? bytes : bytes.slice()
  return make(aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.byteLength / size)
}

export function packMask(mask: Uint8Array): Uint8Array {
  const bits = new Uint8Array(Math.ceil(mask.length / 8))
  for (let i = 0; i < mask.length; i++) if (mask[i]) bits[i >> 3]! |= 1 << (i & 7)
  return bits
}

export function unpackMask(bits: Uint8Array, rowCount: number): Uint8Array {
  const mask = new Uint8Array(rowCount)
  for (let i = 0; i < rowCount; i++) mask[i] = (bits[i >> 3]! >> (i & 7)) & 1
  return mask
}

/** Every condition a scorecard evaluates: its criteria and its knockouts. */
export function conditionsOf(scorecard: Scorecard): Condition[] {
  return [...scorecard.criteria, ...scorecard.knockouts]
}

/**
 * A criterion or knockout as the bare condition `simulate-masks` accepts: the contract's schema
 * is strict, and a criterion's id, category and points sent along made every request for a new
 * condition's mask fail, which froze the live figures on the scorecard's first answer.
 */
export function bareCondition({ attribute, op, values, min, max, value }: Condition): Condition {
  return {
    attribute,
    op,
    ...(values !== undefined ? { values } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(value !== undefined ? { value } : {})
  }
}

/** Packs the masks of `conditions` (each once), read from `maskOf`. */
export function packMasks(conditions: readonly Condition[], maskOf: (condition: Condition) => Uint8Array): PackedMask[] {
  const seen = new Set<string>()
  const masks: PackedMask[] = []
  for (const condition of conditions) {
    const key = conditionKey(condition)
    if (seen.has(key)) continue
    seen.add(key)
    masks.push({ key, bits: packMask(maskOf(condition)) })
  }
  return masks
}

export function packSimulation(dataset: EngineDataset, target: Int8Array, masks: PackedMask[]): SimulationPack {
  return {
    rowCount: dataset.rowCount,
    accountCount: dataset.accountCount,
    target: bytesOf(target),
    amount: bytesOf(dataset.amount),
    cycleDays: bytesOf(dataset.cycleDays),
    closedAt: bytesOf(dataset.closedAt),
    ...(dataset.createdAt ? { createdAt: bytesOf(dataset.createdAt) } : {}),
    accountIndex: bytesOf(dataset.accountIndex),
    masks
  }
}

/** The dataset a pack describes: the outcome figures of every deal and no attributes. */
export function unpackDataset(pack: SimulationPack): { dataset: EngineDataset; target: Int8Array } {
  const target = viewAs(pack.target, 1, (b, o, n) => new Int8Array(b, o, n))
  if (target.length !== pack.rowCount) throw new RangeError(`The pack holds ${target.length} outcomes for ${pack.rowCount} deals`)
  const dataset: EngineDataset = {
    rowCount: pack.rowCount,
    outcome: target,
    amount: viewAs(pack.amount, 8, (b, o, n) => new Float64Array(b, o, n)),
    cycleDays: viewAs(pack.cycleDays, 8, (b, o, n) => new Float64Array(b, o, n)),
    closedAt: viewAs(pack.closedAt, 8, (b, o, n) => new Float64Array(b, o, n)),
    ...(pack.createdAt ? { createdAt: viewAs(pack.createdAt, 8, (b, o, n) => new Float64Array(b, o, n)) } : {}),
    accountIndex: viewAs(pack.accountIndex, 4, (b, o, n) => new Int32Array(b, o, n)),
    accountCount: pack.accountCount,
    dealIds: [],
    accountIds: [],
    accountNames: [],
    attributes: new Map()
  }
  return { dataset, target }
}
