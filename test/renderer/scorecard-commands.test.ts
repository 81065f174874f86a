import { describe, expect, it } from 'vitest'
import type { Scorecard } from '@shared/engine/scorecard/model'
import {
  addCriterion,
  addKnockout,
  placeCriterion,
  removeCriterion,
  updateCriterion
} from '../../src-renderer/features/scorecards/commands'

const scorecard = (criteria: Array<[string, string]>): Scorecard =>
  ({
    name: 'Core ICP',
    categories: [
      { name: 'Firmographic', budget: 50 },
      { name: 'Triggers', budget: 50 }
    ],
    criteria: criteria.map(([id, category]) => ({ id, category, attribute: id, op: 'is_true', points: 5 })),
    knockouts: [],
    tiers: [{ name: 'A', min: 80 }]
  }) as Scorecard

const order = (sc: Scorecard) => sc.criteria.map((c) => `${c.category[0]}:${c.id}`)

describe('scorecard commands: plain functions (scorecard, input) -> scorecard', () => {
  it('placeCriterion moves within a category by its index among that category', () => {
    const sc = scorecard([
      ['a', 'Firmographic'],
      ['x', 'Triggers'],
      ['b', 'Firmographic'],
      ['c', 'Firmographic']
    ])
    expect(order(placeCriterion(sc, { id: 'c', category: 'Firmographic', index: 0 }))).toEqual(['F:c', 'F:a', 'T:x', 'F:b'])
    expect(order(placeCriterion(sc, { id: 'a', category: 'Firmographic' }))).toEqual(['T:x', 'F:b', 'F:c', 'F:a'])
    expect(order(placeCriterion(sc, { id: 'a', category: 'Firmographic', index: 99 }))).toEqual(['T:x', 'F:b', 'F:c', 'F:a'])
  })

  it('placeCriterion moves into another category, empty or not, and ignores an unknown id', () => {
    const sc = scorecard([
      ['a', 'Firmographic'],
      ['b', 'Firmographic']
    ])
    expect(order(placeCriterion(sc, { id: 'a', category: 'Triggers' }))).toEqual(['F:b', 'T:a'])
    const two = placeCriterion(placeCriterion(sc, { id: 'a', category: 'Triggers' }), { id: 'b', category: 'Triggers', index: 0 })
    expect(order(two)).toEqual(['T:b', 'T:a'])
    expect(placeCriterion(sc, { id: 'nope', category: 'Triggers' })).toBe(sc)
  })

  it('addCriterion takes an id past the highest in use, even after deletes', () => {
    let sc = scorecard([
      ['c1', 'Firmographic'],
      ['c7', 'Firmographic']
    ])
    sc = removeCriterion(sc, { id: 'c7' })
    sc = addCriterion(sc, { category: 'Triggers', condition: { attribute: 'Funding', op: 'is_true' }, points: 10, index: 0 })
    expect(sc.criteria.map((c) => c.id)).toEqual(['c1', 'c2'])
    expect(sc.criteria[1]).toMatchObject({ category: 'Triggers', points: 10, attribute: 'Funding' })
  })

  it('edits return a new scorecard and leave the one before untouched (history keeps both)', () => {
    const before = scorecard([['a', 'Firmographic']])
    const after = updateCriterion(before, { id: 'a', patch: { points: 9 } })
    expect(before.criteria[0]!.points).toBe(5)
    expect(after.criteria[0]!.points).toBe(9)
    const knocked = addKnockout(before, { condition: { attribute: 'Region', op: 'in', values: ['EU'] } })
    expect(before.knockouts).toHaveLength(0)
    expect(knocked.knockouts[0]!.name).toMatch(/Region/)
  })
})
