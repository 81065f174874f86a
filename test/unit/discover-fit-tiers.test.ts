/**
 * Tiers cut from the accounts' scores: A about the top quarter, B down to about 60%, and never a
 * tier that holds no account. A HubSpot-shaped export whose suggestion had one criterion (scores
 * 90 and 100 only) printed tiers "A 100-100, B 99-99, C 0-98" with B empty.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fitTiers, validationVerdict } from '@shared/engine/discover'
import type { Tier } from '@shared/engine/scorecard/model'

const TEMPLATE: Tier[] = [
  { name: 'A', min: 80 },
  { name: 'B', min: 60 },
  { name: 'C', min: 0 }
]

/** Accounts per tier: each tier holds the scores from its min up to the next tier's. */
function counts(tiers: readonly Tier[], scores: readonly number[]): number[] {
  return tiers.map((tier, i) => scores.filter((s) => s >= tier.min && (i === 0 || s < tiers[i - 1]!.min)).length)
}

describe('tiers fitted to the scores', () => {
  it('are A and C alone when the scores take two values', () => {
    const scores = [...Array<number>(940).fill(100), ...Array<number>(60).fill(90)]
    const tiers = fitTiers(scores, TEMPLATE)
    expect(tiers.map((t) => [t.name, t.min])).toEqual([
      ['A', 100],
      ['C', 0]
    ])
    expect(counts(tiers, scores)).toEqual([940, 60])
    // The verdict speaks of one tier above the bottom in the singular.
    const evidence = tiers.map((t, i) => {
      const accounts = counts(tiers, scores)[i]!
      const won = Math.round(accounts * (i === 0 ? 0.42 : 0.27))
      return {
        name: t.name,
        accounts,
        wonAccounts: won,
        deals: accounts,
        rate: won / accounts,
        ci: [0.37, 0.47] as [number, number],
        shareOfAccounts: accounts / 1000,
        shareOfWins: 0
      }
    })
    const wins = evidence.reduce((sum, t) => sum + t.wonAccounts, 0)
    const sentence = validationVerdict(
      evidence.map((t) => ({ ...t, shareOfWins: t.wonAccounts / wins })),
      'on the held-out deals'
    ).sentence
    expect(sentence).toMatch(/^Falls short of the standard on the held-out deals: tier A \(94% of accounts\) holds 96% of the won accounts/)
  })

  it('put about a quarter in A and about 60% in A and B on an even spread', () => {
    const scores = Array.from({ length: 1000 }, (_, i) => i % 101)
    const tiers = fitTiers(scores, TEMPLATE)
    expect(tiers.map((t) => t.name)).toEqual(['A', 'B', 'C'])
    const [a, b] = counts(tiers, scores)
    expect(a! / 1000).toBeCloseTo(0.25, 1)
    expect((a! + b!) / 1000).toBeCloseTo(0.6, 1)
  })

  it('never cut a tier that holds no account, whatever the scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 300 }), (scores) => {
        const tiers = fitTiers(scores, TEMPLATE)
        // One score for all: there is nothing to cut, and the template's tiers are kept.
        if (new Set(scores).size === 1) return
        expect(counts(tiers, scores).every((n) => n > 0)).toBe(true)
        expect(tiers[tiers.length - 1]!.min).toBe(0)
      }),
      { numRuns: 500 }
    )
  })
})
