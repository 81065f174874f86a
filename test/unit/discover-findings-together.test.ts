/**
 * Criteria of one attribute that score alike are one trait, and the drafted statement says the
 * trait: bank-marketing's suggestion scored pdays up to 5, 6–8 and 9+ at +6, +7 and +6, and the
 * one-pager said "Accounts with pdays of 6–8 win more often than the rest", true of 490 accounts
 * and silent on the other 1,025 contacted before, who won as often.
 */
import { describe, expect, it } from 'vitest'
import { criterionFindings } from '@shared/engine/discover'
import type { Criterion } from '@shared/engine/scorecard/model'
import { draftStatements } from '@shared/export/draft-statements'
import { makeDataset, mulberry32, numberColumn, scorecardWith } from './engine-fixtures'

const ROWS = 3000

/**
 * Pdays on record for a third of the rows (0-20 days), who win 60%; the rest win 10%. Age 18-79:
 * the young and the old win more; so do companies of 51-500 employees.
 */
function bankLike(seed = 7) {
  const random = mulberry32(seed)
  const pdays: Array<number | null> = []
  const age: Array<number | null> = []
  const employees: Array<number | null> = []
  const outcome: number[] = []
  for (let i = 0; i < ROWS; i++) {
    const contacted = random() < 0.33
    pdays.push(contacted ? Math.floor(random() * 21) : null)
    const years = 18 + Math.floor(random() * 62)
    age.push(years)
    const edge = years <= 27 || years >= 55
    const size = 1 + Math.floor(random() * 1000)
    employees.push(size)
    const midMarket = size >= 51 && size <= 500
    outcome.push(random() < (contacted ? 0.6 : 0.1) + (edge ? 0.1 : 0) + (midMarket ? 0.1 : 0) ? 1 : 0)
  }
  return makeDataset({
    outcome,
    attributes: { pdays: numberColumn(pdays), age: numberColumn(age), employees: numberColumn(employees) }
  })
}

const band = (id: string, attribute: string, min: number | null, max: number | null, points: number): Criterion => ({
  id,
  category: 'Firmographic',
  attribute,
  op: 'between',
  min,
  max,
  points
})

const pdaysBands = [band('p1', 'pdays', null, 5, 6), band('p2', 'pdays', 6, 8, 7), band('p3', 'pdays', 9, null, 6)]
const ageBands = [band('a1', 'age', null, 27, 2), band('a2', 'age', 55, null, 2)]
const sizeBands = [band('e1', 'employees', 51, 200, 5), band('e2', 'employees', 201, 500, 6)]

describe('criteria of one attribute that score alike', () => {
  it('are tested as one claim, counted as the rows any of them holds, and stated as that trait', () => {
    const dataset = bankLike()
    const scorecard = scorecardWith([...pdaysBands, ...ageBands])
    const { findings, together } = criterionFindings(dataset, scorecard)
    expect(findings.filter((f) => f.supported).map((f) => f.id)).toEqual(['p1', 'p2', 'p3', 'a1', 'a2'])
    expect(together.map((t) => t.members)).toEqual([
      ['p1', 'p2', 'p3'],
      ['a1', 'a2']
    ])
    const [pdays, age] = together
    // Bands that hold every known value are "a known pdays"; the others keep their bands.
    expect(pdays!.condition).toEqual({ attribute: 'pdays', op: 'between', min: null, max: null })
    const known = dataset.attributes.get('pdays')!
    const knownRows = Array.from((known as { values: Float64Array }).values).filter((v) => !Number.isNaN(v)).length
    expect(pdays!.all.matching).toBe(knownRows)
    const members = findings.filter((f) => f.id.startsWith('p'))
    expect(pdays!.all.matchingPositive).toBe(members.reduce((sum, f) => sum + f.all.matchingPositive, 0))
    expect(pdays!.all.matching + pdays!.all.others).toBe(ROWS)
    expect(pdays!.supported).toBe(true)
    expect(pdays!.conditions).toEqual([pdays!.condition])
    // Bands that are not one range are named band by band.
    expect(age!.conditions.map((c) => [c.min, c.max])).toEqual([
      [null, 27],
      [55, null]
    ])

    const { statements } = draftStatements(scorecard, { findings, together })
    const texts = statements.map((s) => s.text)
    expect(texts).toContain('Deals with a known pdays win more often than the rest.')
    expect(texts).toContain('Deals with age up to 27 or 55+ win more often than the rest.')
    expect(texts.join(' ')).not.toMatch(/6–8/)
    const evidence = statements.find((s) => s.text.includes('pdays'))!.evidence!
    expect(evidence.startsWith(`${knownRows.toLocaleString('en-US')} deals: `)).toBe(true)
    // Without the groups, the draft states one band of the three.
    const alone = draftStatements(scorecard, { findings }).statements.map((s) => s.text)
    expect(alone.some((t) => /pdays of (up to 5|6–8|9\+)/.test(t))).toBe(true)
  })

  it('that make one range are stated as that range', () => {
    const dataset = bankLike()
    const scorecard = scorecardWith(sizeBands)
    const { findings, together } = criterionFindings(dataset, scorecard)
    expect(together.map((t) => t.condition)).toEqual([{ attribute: 'employees', op: 'between', min: 51, max: 500 }])
    expect(together[0]!.all.matching).toBe(findings.reduce((sum, f) => sum + f.all.matching, 0))
    const texts = draftStatements(scorecard, { findings, together }).statements.map((s) => s.text)
    expect(texts[0]).toBe('Deals with 51–500 employees win more often than the rest.')
  })

  it('are not taken together when their points differ, when one does not hold up, or when they point different ways', () => {
    const dataset = bankLike()
    const apart = scorecardWith([band('p1', 'pdays', null, 5, 9), band('p2', 'pdays', 6, 8, 3), band('p3', 'pdays', 9, null, 6)])
    expect(criterionFindings(dataset, apart).together).toEqual([])
    // Ages 30-40 win no more often than the rest: that band does not hold up, so the age bands are not one trait.
    const unproven = scorecardWith([band('a1', 'age', null, 27, 2), band('a2', 'age', 30, 40, 2)])
    const found = criterionFindings(dataset, unproven)
    expect(found.findings.find((f) => f.id === 'a2')!.supported).toBe(false)
    expect(found.together).toEqual([])
    const ways = scorecardWith([band('a1', 'age', null, 27, 2), band('a2', 'age', 35, 54, -2)])
    expect(criterionFindings(dataset, ways).together).toEqual([])
  })

  it('must hold up as one claim too: counted as one more test, on all rows and on those held out', () => {
    const dataset = bankLike()
    const [age] = criterionFindings(dataset, scorecardWith(ageBands)).together
    // Two criteria and the group: three tests.
    expect(age!.pValue).toBeGreaterThan(0)
    expect(age!.qValue).toBe(Math.min(1, age!.pValue * 3))
    expect(age!.qValue).toBeLessThanOrEqual(0.05)
    expect(age!.holdsOnHoldout).toBe(true)
  })
})
