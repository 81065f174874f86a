import { describe, expect, it } from 'vitest'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import { discover } from '@shared/engine/discover/discover'
import { suggestScorecard } from '@shared/engine/discover/suggest-scorecard'
import { validateScorecard } from '@shared/engine/scorecard/validate'
import { attributeCatalog } from '@shared/engine/scorecard/operators'
import { booleanColumn, categoryColumn, makeDataset, multiColumn, mulberry32, numberColumn, pick, type Random } from './engine-fixtures'

const INDUSTRY_EFFECT: Record<string, number> = { Software: 1.1, Banking: 0.5, Health: 0, Logistics: 0, Retail: -0.7, Education: -0.9 }
const INDUSTRIES = Object.keys(INDUSTRY_EFFECT)
const REGIONS = ['North', 'South', 'East', 'West']

interface Planted {
  dataset: EngineDataset
  /** The probability each deal was drawn with. */
  truth: Float64Array
}

/**
 * The ground truth: Industry and Employees drive the outcome, Region and Founded are pure noise,
 * "Days to onboarding" is filled in almost only for won deals (it leaks the outcome).
 */
function plantedData(rows: number, seed: number): Planted {
  const random = mulberry32(seed)
  const industry: Array<string | null> = []
  const employees: Array<number | null> = []
  const region: string[] = []
  const founded: number[] = []
  const onboarding: Array<number | null> = []
  const outcome: number[] = []
  const truth = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    const ind = random() < 0.05 ? null : pick(random, INDUSTRIES)
    const emp = random() < 0.05 ? null : Math.round(Math.exp(random() * 9))
    const logit = -0.6 + (ind === null ? 0 : INDUSTRY_EFFECT[ind]!) + (emp === null ? 0 : 0.7 * (Math.log10(Math.max(emp, 1)) - 2))
    const p = 1 / (1 + Math.exp(-logit))
    const won = random() < p
    truth[i] = p
    industry.push(ind)
    employees.push(emp)
    region.push(pick(random, REGIONS))
    founded.push(1950 + Math.floor(random() * 75))
    onboarding.push(won ? (random() < 0.9 ? 5 + Math.floor(random() * 60) : null) : random() < 0.02 ? 30 : null)
    outcome.push(won ? 1 : 0)
  }
  const dataset = makeDataset({
    outcome,
    attributes: {
      Industry: categoryColumn(industry),
      Employees: numberColumn(employees),
      Region: categoryColumn(region),
      Founded: numberColumn(founded),
      'Days to onboarding': numberColumn(onboarding)
    }
  })
  return { dataset, truth }
}

/** AUC by counting every positive-negative pair (ties half): slow, and independent of the engine. */
function bruteForceAuc(scores: ArrayLike<number>, outcome: Int8Array): number {
  const positives: number[] = []
  const negatives: number[] = []
  for (let i = 0; i < outcome.length; i++) {
    if (outcome[i] === 1) positives.push(scores[i]!)
    else if (outcome[i] === 0) negatives.push(scores[i]!)
  }
  let wins = 0
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0
  return wins / (positives.length * negatives.length)
}

/** No attribute has anything to do with the outcome. */
function noSignalData(random: Random, rows: number): EngineDataset {
  const tools = ['Salesforce', 'HubSpot', 'Slack', 'Zendesk', 'Jira']
  const maybe = <T>(make: () => T): T | null => (random() < 0.1 ? null : make())
  return makeDataset({
    outcome: Array.from({ length: rows }, () => (random() < 0.1 ? -1 : random() < 0.3 ? 1 : 0)),
    attributes: {
      Industry: categoryColumn(Array.from({ length: rows }, () => maybe(() => pick(random, INDUSTRIES)))),
      State: categoryColumn(Array.from({ length: rows }, () => maybe(() => `State ${Math.floor(random() * random() * 30)}`))),
      Employees: numberColumn(Array.from({ length: rows }, () => maybe(() => Math.round(Math.exp(random() * 9))))),
      Revenue: numberColumn(Array.from({ length: rows }, () => maybe(() => Math.exp(10 + random() * 10)))),
      Hiring: booleanColumn(Array.from({ length: rows }, () => maybe(() => random() < 0.4))),
      'Tech stack': multiColumn(
        Array.from({ length: rows }, () => maybe(() => tools.filter(() => random() < 0.3))),
        tools
      )
    }
  })
}

describe('discover on data with a planted ground truth', () => {
  const { dataset, truth } = plantedData(12_000, 42)
  const categories = new Map([
    ['Industry', 'Firmographic'],
    ['Employees', 'Firmographic'],
    ['Region', 'Firmographic'],
    ['Founded', 'Firmographic'],
    ['Days to onboarding', 'Buying process']
  ])
  const result = discover(dataset, { categories })
  const byName = new Map(result.attributes.map((attribute) => [attribute.name, attribute]))

  it('ranks the planted attributes on top of the honest ones and reports a signal', () => {
    expect(result.signal).toBe('present')
    const honest = result.attributes.filter((attribute) => !attribute.leakageSuspected).map((attribute) => attribute.name)
    expect(honest.slice(0, 2).sort()).toEqual(['Employees', 'Industry'])
    for (const name of ['Industry', 'Employees']) {
      expect(byName.get(name)!.significant).toBe(true)
      expect(['medium', 'strong']).toContain(byName.get(name)!.strength)
    }
  })

  it('rates the noise none or weak and not significant', () => {
    for (const name of ['Region', 'Founded']) {
      const noise = byName.get(name)!
      expect(['none', 'weak']).toContain(noise.strength)
      expect(noise.significant).toBe(false)
      expect(noise.leakageSuspected).toBe(false)
    }
  })

  it('flags the leak, still listing it', () => {
    const leak = byName.get('Days to onboarding')!
    expect(leak.leakageSuspected).toBe(true)
    expect(leak.leakageReasons.join(' ')).toMatch(/filled for 9\d% of positive deals/)
    expect(result.attributes[0]!.name).toBe('Days to onboarding')
    expect(byName.get('Industry')!.leakageSuspected).toBe(false)
    expect(byName.get('Employees')!.leakageSuspected).toBe(false)
  })

  it('bins Employees monotonically, rising with size', () => {
    const bins = byName.get('Employees')!.bins.filter((bin) => bin.condition.op === 'between')
    expect(bins.length).toBeGreaterThanOrEqual(3)
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.rate).toBeGreaterThan(bins[i - 1]!.rate)
  })

  it('suggests a valid scorecard from the planted attributes whose AUC is close to the truth', () => {
    const suggestion = suggestScorecard(dataset, { name: 'Suggested ICP' })
    expect(suggestion.attributes.sort()).toEqual(['Employees', 'Industry'])
    const errors = validateScorecard(suggestion.scorecard, attributeCatalog(dataset))
    expect(errors).toEqual([])
    const software = suggestion.scorecard.criteria.find((criterion) => criterion.values?.includes('Software'))!
    expect(software.points).toBeGreaterThan(0)
    expect(software.label).toMatch(/^Industry is (?:Software|.*\bSoftware\b.*) · win rate \d+% vs \d+% \([\d,]+ deals\)$/)
    const education = suggestion.scorecard.criteria.find((criterion) => criterion.values?.includes('Education'))!
    expect(education.points).toBeLessThan(0)
    // On deals the fit never saw, the scorecard ranks about as well as the true probabilities do there.
    const heldOut = suggestion.validation
    expect(heldOut.measuredOn).toBe('holdout')
    const trueAuc = bruteForceAuc(truth, dataset.outcome)
    console.log(`planted data: suggested scorecard held-out AUC ${heldOut.auc.toFixed(4)}, true-probability AUC ${trueAuc.toFixed(4)}`)
    expect(Math.abs(heldOut.auc - trueAuc)).toBeLessThan(0.05)
  })
})

describe('discover on data with no signal', () => {
  it('says so: signal none, nothing significant, nothing suggested', () => {
    for (const [seed, rows] of [
      [1, 150],
      [2, 2000],
      [3, 20_000]
    ] as const) {
      const dataset = noSignalData(mulberry32(seed), rows)
      const result = discover(dataset)
      expect(result.signal).toBe('none')
      expect(result.attributes.filter((attribute) => attribute.significant)).toEqual([])
      const suggestion = suggestScorecard(dataset, { name: 'Nothing' })
      expect(suggestion.scorecard.criteria).toEqual([])
      expect(suggestion.validation.auc).toBe(0.5)
      expect(suggestion.validation.verdict.meets).toBeNull()
    }
  })
})
