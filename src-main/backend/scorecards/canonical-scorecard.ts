import type { Condition, Scorecard } from '@shared/engine/scorecard/model'
import { OPERAND_SHAPE } from '@shared/engine/scorecard/operators'

/**
 * A scorecard in the form the workspace stores and returns it: each condition carries only the
 * operand fields its op uses (the model says the others mean nothing, and the editor may leave
 * them behind when an op changes), a range has both bounds (null when open) and caps are always
 * a list. Saving this form and reading it back gives the same object.
 */

function operands(condition: Condition): Omit<Condition, 'attribute' | 'op'> {
  switch (OPERAND_SHAPE[condition.op]) {
    case 'values':
      return condition.values === undefined ? {} : { values: [...condition.values] }
    case 'range':
      return { min: condition.min ?? null, max: condition.max ?? null }
    case 'value':
      return condition.value === undefined ? {} : { value: condition.value }
    case 'none':
      return {}
  }
}

export function canonicalScorecard(scorecard: Scorecard): Scorecard {
  return {
    name: scorecard.name,
    categories: scorecard.categories.map(({ name, budget }) => ({ name, budget })),
    criteria: scorecard.criteria.map((criterion) => ({
      id: criterion.id,
      category: criterion.category,
      attribute: criterion.attribute,
      op: criterion.op,
      ...operands(criterion),
      points: criterion.points,
      ...(criterion.label !== undefined ? { label: criterion.label } : {})
    })),
    knockouts: scorecard.knockouts.map((knockout) => ({
      name: knockout.name,
      attribute: knockout.attribute,
      op: knockout.op,
      ...operands(knockout)
    })),
    tiers: scorecard.tiers.map(({ name, min, color }) => ({ name, min, ...(color !== undefined ? { color } : {}) })),
    attributeCaps: (scorecard.attributeCaps ?? []).map(({ attribute, cap }) => ({ attribute, cap }))
  }
}
