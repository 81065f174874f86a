/**
 * Won and decided deals per condition, remembered per engine dataset: a criterion card's evidence
 * is asked for after every save, but it changes only when the condition or the data does. The
 * engine dataset is rebuilt after an import or a settings change, which drops its entries.
 */

import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Condition } from '@shared/engine/scorecard/model'
import { conditionKey } from '@shared/engine/scoring/compile'
import { conditionMask } from '@shared/engine/scoring/condition-mask'

export interface ConditionEvidence {
  /** Decided (won or lost) deals the condition matches. */
  decided: number
  wins: number
}

// Conditions come and go as a user edits; a workshop's worth of them is a few hundred entries.
const KEEP = 500
const cache = new WeakMap<EngineDataset, Map<string, ConditionEvidence>>()

function count(dataset: EngineDataset, mask: Uint8Array | null): ConditionEvidence {
  const target = dataset.outcome
  let decided = 0
  let wins = 0
  for (let row = 0; row < target.length; row++) {
    if ((mask !== null && mask[row] !== 1) || target[row]! < 0) continue
    decided++
    if (target[row] === 1) wins++
  }
  return { decided, wins }
}

/** Against won vs lost; `condition` null gives every deal (the base rate). */
export function conditionEvidence(dataset: EngineDataset, condition: Condition | null): ConditionEvidence {
  let known = cache.get(dataset)
  if (!known) cache.set(dataset, (known = new Map()))
  const key = condition === null ? '' : conditionKey(condition)
  const hit = known.get(key)
  if (hit) return hit
  if (known.size >= KEEP) known.clear()
  const found = count(
    dataset,
    condition === null ? null : conditionMask(dataset.attributes.get(condition.attribute), condition, dataset.rowCount)
  )
  known.set(key, found)
  return found
}
