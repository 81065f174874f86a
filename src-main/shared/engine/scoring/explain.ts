/**
 * Why a deal scored what it did: the points each criterion gave it, any cap that clipped an
 * attribute, and the knockouts that hit it. Computed from the masks for one row, so it needs no
 * scored arrays and always agrees with them.
 */

import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import type { CompiledScorecard } from './compile'
import { scaleScore } from './scale'

export interface CriterionReason {
  criterionId: string
  label?: string
  category: string
  attribute: string
  matched: boolean
  /** Points the criterion gives this deal before any cap (0 when not matched). */
  points: number
}

export interface CapAdjustment {
  attribute: string
  cap: number
  /** Sum of the attribute's criteria for this deal. */
  uncapped: number
  /** What counted after the cap. */
  counted: number
}

export interface RowExplanation {
  row: number
  raw: number
  score: number
  /** -1 when knocked out. */
  tierIndex: number
  tier: string
  /** In scorecard order, one entry per criterion (an export writes one column per criterion). */
  reasons: CriterionReason[]
  caps: CapAdjustment[]
  /** Names of every knockout that hits the deal. */
  knockouts: string[]
}

export function explainRow(compiled: CompiledScorecard, row: number): RowExplanation {
  if (!Number.isInteger(row) || row < 0 || row >= compiled.rowCount) throw new RangeError(`There is no deal at row ${row}`)
  const reasons = compiled.criteria.map(({ criterion, mask }): CriterionReason => {
    const matched = mask[row] === 1
    return {
      criterionId: criterion.id,
      ...(criterion.label ? { label: criterion.label } : {}),
      category: criterion.category,
      attribute: criterion.attribute,
      matched,
      points: matched ? criterion.points : 0
    }
  })
  let raw = 0
  compiled.criteria.forEach((entry, i) => {
    if (entry.capGroup < 0) raw += reasons[i]!.points
  })
  const caps = compiled.capGroups.map((group): CapAdjustment => {
    const uncapped = group.criteria.reduce((sum, index) => sum + reasons[index]!.points, 0)
    const counted = Math.min(Math.max(uncapped, -group.cap), group.cap)
    raw += counted
    return { attribute: group.attribute, cap: group.cap, uncapped, counted }
  })
  const score = scaleScore(raw, compiled.scale)
  const knockouts = compiled.knockouts.filter(({ mask }) => mask[row] === 1).map(({ knockout }) => knockout.name)
  const tierIndex = knockouts.length > 0 ? -1 : compiled.tierOfScore[score]!
  const tier = tierIndex < 0 ? DISQUALIFIED : (compiled.scorecard.tiers[tierIndex]?.name ?? '')
  return { row, raw, score, tierIndex, tier, reasons, caps, knockouts }
}
