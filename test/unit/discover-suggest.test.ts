import { describe, expect, it } from 'vitest'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { discover } from '@shared/engine/discover/discover'
import { suggestScorecard } from '@shared/engine/discover/suggest-scorecard'
import { scoreScale } from '@shared/engine/scoring/scale'
import { validateScorecard } from '@shared/engine/scorecard/validate'
import { attributeCatalog } from '@shared/engine/scorecard/operators'
import { booleanColumn, categoryColumn, makeDataset, multiColumn, mulberry32, numberColumn, pick } from './engine-fixtures'

const TOOLS = ['Salesforce', 'HubSpot', 'Slack', 'Zendesk', 'Jira', 'Notion']

/** One driver per default category, a noise attribute and a leak; ~8,000 deals. */
function fourCategoryData(rows: number, seed: number): EngineDataset {
  const random = mulberry32(seed)
  const industry: string[] = []
  const stack: string[][] = []
  const hiring: boolean[] = []
  const channel: string[] = []
  const noise: number[] = []
  const churnReason: Array<string | null> = []
  const outcome: number[] = []
  for (let i = 0; i < rows; i++) {
    const ind = pick(random, ['Software', 'Retail', 'Banking', 'Health'])
    const tools = TOOLS.filter(() => random() < 0.3)
    const hires = random() < 0.4
    const ch = pick(random, ['Inbound', 'Outbound', 'Partner'])
    const logit =
      -0.5 +
      (ind === 'Software' ? 0.9 : ind === 'Retail' ? -0.6 : 0) +
      (tools.includes('Salesforce') ? 0.8 : 0) +
      (hires ? 0.6 : 0) +
      (ch === 'Inbound' ? 0.5 : 0)
    const won = random() < 1 / (1 + Math.exp(-logit))
    industry.push(ind)
    stack.push(tools)
    hiring.push(hires)
    channel.push(ch)
    noise.push(random())
    churnReason.push(won ? null : pick(random, ['Price', 'Fit', 'Timing']))
    outcome.push(random() < 0.1 ? -1 : won ? 1 : 0)
  }
  return makeDataset({
    outcome,
    attributes: {
      Industry: categoryColumn(industry),
      'Tech stack': multiColumn(stack, TOOLS),
      Hiring: booleanColumn(hiring),
      Channel: categoryColumn(channel),
      Noise: numberColumn(noise),
      'Loss reason': categoryColumn(churnReason)
    }
  })
}

const CATEGORIES = new Map([
  ['Industry', 'Firmographic'],
  ['Tech stack', 'Technographic'],
  ['Hiring', 'Triggers'],
  ['Channel', 'Buying process'],
  ['Noise', 'Firmographic'],
  ['Loss reason', 'Buying process']
])

describe('the suggested scorecard', () => {
  const dataset = fourCategoryData(8000, 3)
  const result = discover(dataset, { categories: CATEGORIES })
  const suggestion = suggestScorecard(dataset, { name: 'Core ICP', discover: { categories: CATEGORIES } })
  const { scorecard, validation } = suggestion

  it('uses the significant, non-leaky attributes and nothing else', () => {
    expect(result.attributes.find((attribute) => attribute.name === 'Loss reason')!.leakageSuspected).toBe(true)
    expect(suggestion.attributes.sort()).toEqual(['Channel', 'Hiring', 'Industry', 'Tech stack'])
    expect(scorecard.name).toBe('Core ICP')
    expect(validateScorecard(scorecard, attributeCatalog(dataset))).toEqual([])
  })

  it('stays simple: at most 7 attributes and 15 criteria, one criterion per group of values with the same evidence', () => {
    expect(suggestion.attributes.length).toBeLessThanOrEqual(7)
    expect(scorecard.criteria.length).toBeLessThanOrEqual(15)
    // Banking and Health win at the average: no criterion names them.
    const industry = scorecard.criteria.filter((c) => c.attribute === 'Industry')
    expect(industry.flatMap((c) => c.values ?? []).sort()).toEqual(['Retail', 'Software'])
    // Inbound is the channel that wins more; the rest are one group, not one criterion each.
    expect(scorecard.criteria.filter((c) => c.attribute === 'Channel').length).toBeLessThanOrEqual(2)
  })

  it('fits each category budget and the 0-100 scale with whole points', () => {
    for (const category of scorecard.categories) {
      const positive = scorecard.criteria.filter((c) => c.category === category.name && c.points > 0).reduce((sum, c) => sum + c.points, 0)
      expect(positive).toBeLessThanOrEqual(category.budget)
    }
    expect(scorecard.criteria.every((criterion) => Number.isInteger(criterion.points) && criterion.points !== 0)).toBe(true)
    expect(scorecard.criteria.reduce((sum, c) => sum + Math.max(c.points, 0), 0)).toBeLessThanOrEqual(100)
  })

  it('gives points in proportion to the evidence, signs following the weight of evidence', () => {
    const woeOf = new Map(
      suggestion.evidence.map((e) => {
        const cell = e.bins.reduce((sum, b) => ({ n: sum.n + b.n, positives: sum.positives + b.positives }), { n: 0, positives: 0 })
        return [e.criterionId, Math.log(cell.positives / (cell.n - cell.positives))] as const
      })
    )
    for (const criterion of scorecard.criteria) {
      const odds = woeOf.get(criterion.id)!
      const base = Math.log(suggestion.fitted.positives / (suggestion.fitted.n - suggestion.fitted.positives))
      expect(Math.sign(criterion.points)).toBe(Math.sign(odds - base))
    }
    const salesforce = scorecard.criteria.find((c) => c.attribute === 'Tech stack')!
    expect(salesforce).toMatchObject({ op: 'contains_any', values: ['Salesforce'], category: 'Technographic' })
    expect(salesforce.label).toMatch(/^Tech stack has any of Salesforce · win rate \d+% vs \d+% \([\d,]+ deals\)$/)
  })

  it('caps each single-valued attribute at its largest points so the best accounts can reach 100', () => {
    const capped = new Map((scorecard.attributeCaps ?? []).map((cap) => [cap.attribute, cap.cap]))
    for (const [attribute, cap] of capped) {
      const points = scorecard.criteria.filter((c) => c.attribute === attribute).map((c) => Math.abs(c.points))
      expect(points.length).toBeGreaterThan(1)
      expect(cap).toBe(Math.max(...points))
    }
    expect(capped.has('Tech stack')).toBe(false)
    expect(scoreScale(scorecard.criteria, scorecard.attributeCaps).max).toBeLessThanOrEqual(100)
  })

  it('is measured on deals the fit never saw, within 0.02 of the unconstrained fit, and says which', () => {
    expect(validation.measuredOn).toBe('holdout')
    expect(validation.kind).toBe('random')
    expect(validation.description).toMatch(/^Fitted on [\d,]+ accounts .* measured on [\d,]+ other accounts/)
    expect(validation.auc).toBeGreaterThan(0.65)
    console.log(
      `four-category data: held-out AUC ${validation.auc.toFixed(4)}, unconstrained ${validation.unconstrainedAuc.toFixed(4)}, in-sample ${validation.fittedAuc.toFixed(4)}`
    )
    expect(validation.auc).toBeGreaterThanOrEqual(validation.unconstrainedAuc - 0.02)
    expect(suggestion.evidence.map((e) => e.criterionId)).toEqual(scorecard.criteria.map((c) => c.id))
  })

  it('cuts tiers from the scores, tier A about the top quarter of accounts, and judges them against the standard', () => {
    const a = validation.tiers[0]!
    expect(a.name).toBe('A')
    expect(a.shareOfAccounts).toBeGreaterThan(0.12)
    expect(a.shareOfAccounts).toBeLessThan(0.38)
    expect(scorecard.tiers.map((t) => t.name)).toEqual(['A', 'B', 'C'])
    expect(validation.verdict.meets).not.toBeNull()
    expect(validation.verdict.sentence).toMatch(
      /(Meets|Falls short of) the standard on the held-out deals: tiers A and B \(\d+% of accounts\) hold \d+% of the won accounts/
    )
  })

  it('respects maxAttributes, custom budgets and categories outside them', () => {
    const one = suggestScorecard(dataset, { name: 'One', maxAttributes: 1, discover: { categories: CATEGORIES } })
    expect(one.attributes.length).toBe(1)
    const categories = new Map([...CATEGORIES, ['Hiring', 'Signals']])
    const custom = suggestScorecard(dataset, {
      name: 'Custom',
      discover: { categories },
      budgets: [
        { name: 'Firmographic', budget: 10 },
        { name: 'Technographic', budget: 10 },
        { name: 'Buying process', budget: 10 }
      ]
    })
    expect(custom.scorecard.categories.map((c) => c.name)).toEqual(['Firmographic', 'Technographic', 'Buying process', 'Signals'])
    expect(validateScorecard(custom.scorecard, attributeCatalog(dataset))).toEqual([])
  })

  it('measures against the given target', () => {
    const flipped = Int8Array.from(dataset.outcome, (t) => (t < 0 ? t : 1 - t))
    const against = discover(dataset, { target: flipped, categories: CATEGORIES })
    expect(against.baseRate).toBeCloseTo(1 - result.baseRate, 12)
    const reversed = suggestScorecard(dataset, { name: 'Anti-ICP', target: flipped, discover: { categories: CATEGORIES } })
    expect(reversed.validation.auc).toBeGreaterThan(0.65)
  })

  it('says when there are too few deals to hold some back', () => {
    const small = fourCategoryData(200, 5)
    const few = suggestScorecard(small, { name: 'Few' })
    expect(few.validation.kind).toBe('none')
    expect(few.validation.measuredOn).toBe('in-sample')
    expect(few.validation.description).toMatch(/too few to hold some back/)
  })
})

describe('discover on degenerate data', () => {
  it('copes with no deals, one-sided outcomes and a wrong-length target', () => {
    const empty = discover(makeDataset({ outcome: [], attributes: { Industry: categoryColumn([]) } }))
    expect(empty).toMatchObject({ n: 0, positives: 0, signal: 'none' })
    expect(empty.attributes[0]).toMatchObject({ iv: 0, strength: 'none', significant: false, bins: [] })
    const allWon = discover(makeDataset({ outcome: [1, 1, 1, -1], attributes: { Industry: categoryColumn(['A', 'B', 'A', 'B']) } }))
    expect(allWon).toMatchObject({ n: 3, positives: 3, baseRate: 1, signal: 'none' })
    expect(allWon.attributes[0]!.bins.map((bin) => bin.woe)).toEqual([0, 0])
    const dataset = makeDataset({ outcome: [1, 0], attributes: {} })
    expect(() => discover(dataset, { target: new Int8Array(3) })).toThrow(RangeError)
  })
})

describe('a suggested criterion', () => {
  it('is never built on fewer accounts than Discover reads (a tiny group that always wins)', () => {
    // Source: 17 "Channel Partner" deals, 16 won; three sources of about 1,000 deals each.
    const random = mulberry32(7)
    const source: string[] = []
    const outcome: number[] = []
    const rate: Record<string, number> = { Inbound: 0.45, Event: 0.45, Outbound: 0.25 }
    for (let i = 0; i < 3000; i++) {
      const value = i < 17 ? 'Channel Partner' : pick(random, ['Inbound', 'Event', 'Outbound'])
      source.push(value)
      outcome.push(value === 'Channel Partner' ? (i < 16 ? 1 : 0) : random() < rate[value]! ? 1 : 0)
    }
    const dataset = makeDataset({ outcome, attributes: { Source: categoryColumn(source) } })
    // Discover tells it from the average, and calls it too small to read.
    expect(discover(dataset).attributes[0]!.bins.find((b) => b.label === 'Channel Partner')).toMatchObject({
      n: 17,
      tooSmall: true,
      includesBaseRate: false
    })
    const { scorecard } = suggestScorecard(dataset, { name: 'S' })
    const lists = scorecard.criteria.map((c) => [...(c.values ?? [])].sort())
    expect(lists).toContainEqual(['Event', 'Inbound'])
    expect(lists).not.toContainEqual(['Channel Partner'])
  })
})
