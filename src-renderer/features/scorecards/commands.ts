/**
 * Every scorecard edit as a plain function (scorecard, input) -> next scorecard. The store keeps
 * the scorecards before and after, so undo/redo is a swap and a drag is as undoable as a keystroke.
 */

import type { Condition, Criterion, Knockout, Scorecard, Tier } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'

export type Command<I> = (scorecard: Scorecard, input: I) => Scorecard

function nextCriterionId(scorecard: Scorecard): string {
  // Ids must stay unique even after deletes, so take one past the highest number in use.
  const used = scorecard.criteria.map((c) => Number(/^c(\d+)$/.exec(c.id)?.[1] ?? 0))
  return `c${Math.max(0, ...used) + 1}`
}

export const addCriterion: Command<{ category: string; condition: Condition; points: number; index?: number }> = (sc, input) => {
  const criterion: Criterion = { ...input.condition, id: nextCriterionId(sc), category: input.category, points: input.points }
  return placeCriterion(
    { ...sc, criteria: [...sc.criteria, criterion] },
    { id: criterion.id, category: input.category, index: input.index }
  )
}

export const updateCriterion: Command<{ id: string; patch: Partial<Criterion> }> = (sc, { id, patch }) => ({
  ...sc,
  criteria: sc.criteria.map((c) => (c.id === id ? { ...c, ...patch } : c))
})

export const removeCriterion: Command<{ id: string }> = (sc, { id }) => ({ ...sc, criteria: sc.criteria.filter((c) => c.id !== id) })

/**
 * Moves a criterion into a category at an index counted among that category's criteria. The
 * criteria are one flat array in the model, so the order within a category is their relative order.
 */
export const placeCriterion: Command<{ id: string; category: string; index?: number }> = (sc, { id, category, index }) => {
  const moving = sc.criteria.find((c) => c.id === id)
  if (!moving) return sc
  const rest = sc.criteria.filter((c) => c.id !== id)
  const inCategory = rest.filter((c) => c.category === category)
  const at = Math.max(0, Math.min(index ?? inCategory.length, inCategory.length))
  const moved = { ...moving, category }
  const anchor = at < inCategory.length ? inCategory[at] : inCategory[inCategory.length - 1]
  if (!anchor) return { ...sc, criteria: [...rest, moved] }
  const anchorIndex = rest.indexOf(anchor)
  const flatIndex = at < inCategory.length ? anchorIndex : anchorIndex + 1
  return { ...sc, criteria: [...rest.slice(0, flatIndex), moved, ...rest.slice(flatIndex)] }
}

export const addKnockout: Command<{ condition: Condition }> = (sc, { condition }) => {
  const knockout: Knockout = { ...condition, name: describeCondition(condition) }
  return { ...sc, knockouts: [...sc.knockouts, knockout] }
}

export const updateKnockout: Command<{ index: number; patch: Partial<Knockout> }> = (sc, { index, patch }) => ({
  ...sc,
  knockouts: sc.knockouts.map((k, i) => {
    if (i !== index) return k
    const next = { ...k, ...patch }
    // A knockout still named after its old condition follows the condition; a hand-given name stays.
    return k.name === describeCondition(k) ? { ...next, name: describeCondition(next) } : next
  })
})

export const removeKnockout: Command<{ index: number }> = (sc, { index }) => ({
  ...sc,
  knockouts: sc.knockouts.filter((_, i) => i !== index)
})

export const updateTier: Command<{ index: number; patch: Partial<Tier> }> = (sc, { index, patch }) => ({
  ...sc,
  tiers: sc.tiers.map((t, i) => (i === index ? { ...t, ...patch } : t))
})
