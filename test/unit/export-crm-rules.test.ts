/**
 * Properties of the CRM translations on random scorecards and data (seeded): the Salesforce
 * formulas, run by an evaluator of Salesforce's grammar, and the HubSpot rules, run as HubSpot
 * adds and clips points, give every deal the engine's score and tier — also when the score is
 * split into per-category formulas — and date bounds keep exactly the days the engine keeps.
 */
import { describe, expect, it } from 'vitest'
import type { CrmField, CrmFieldType } from '@shared/domain/crm'
import type { EngineColumn, EngineDataset } from '@shared/engine/engine-dataset'
import { MISSING_CODE } from '@shared/engine/engine-dataset'
import { DISQUALIFIED, type Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { scaleScore } from '@shared/engine/scoring/scale'
import { hubspotScoring } from '@shared/export/crm/hubspot-scoring'
import { dateBounds } from '@shared/export/crm/rule-bounds'
import { salesforceFormulas } from '@shared/export/crm/salesforce-formula'
import { hubspotHolds } from '../support/hubspot-rules-eval'
import { evaluate, parseFormula, type SfValue } from '../support/salesforce-formula-eval'
import { mulberry32, randomDataset, randomInt, randomScorecard } from './engine-fixtures'

const TYPES: Record<EngineColumn['kind'], CrmFieldType> = {
  category: 'picklist',
  number: 'number',
  boolean: 'checkbox',
  multi: 'multipicklist'
}
const fieldName = (attribute: string): string => attribute.replace(/[^A-Za-z]+/g, '_') + '__c'

function valueOf(column: EngineColumn, row: number): SfValue {
  switch (column.kind) {
    case 'category':
      return column.codes[row] === MISSING_CODE ? null : column.values[column.codes[row]!]!
    case 'number':
      return Number.isNaN(column.values[row]!) ? null : column.values[row]!
    case 'boolean':
      return column.values[row]! < 0 ? null : column.values[row] === 1
    case 'multi': {
      if (column.missing[row]) return null
      return column.items.filter((_, i) => (column.bits[row * column.wordsPerRow + (i >>> 5)]! >>> (i & 31)) & 1)
    }
  }
}

/** A Salesforce checkbox is never blank, so "is missing" on a flag has no formula (documented); leave it out here. */
function withoutMissingFlags(scorecard: Scorecard): Scorecard {
  const keep = (c: { attribute: string; op: string }) => !(c.attribute === 'Uses CRM' && c.op === 'is_missing')
  return { ...scorecard, criteria: scorecard.criteria.filter(keep), knockouts: scorecard.knockouts.filter(keep) }
}

describe('CRM rules on random scorecards and data', () => {
  it('Salesforce formulas (whole or split per category) and HubSpot rules give every deal the engine score and tier', () => {
    const random = mulberry32(41)
    let split = 0
    let hubspotChecked = 0
    for (let trial = 0; trial < 150; trial++) {
      const data: EngineDataset = randomDataset(random, randomInt(random, 1, 80))
      const scorecard = withoutMissingFlags(randomScorecard(random))
      const compiled = compileScorecard(scorecard, data)
      const scored = scoreCompiled(compiled)
      const fieldOf = (attribute: string): CrmField => ({
        attribute,
        field: fieldName(attribute),
        type: TYPES[data.attributes.get(attribute)!.kind]
      })
      const limit = trial % 3 === 0 ? 200 : undefined
      const formulas = salesforceFormulas(scorecard, fieldOf, limit)
      if (formulas.fields.length > 2) split++
      const parsed = formulas.fields.map((f) => ({ field: f.field, node: parseFormula(f.formula) }))
      const hubspot = hubspotScoring(scorecard, fieldOf, () => '')
      const hubspotExact = hubspot.problems.every((p) => !p.includes('points taken away'))
      for (let row = 0; row < data.rowCount; row++) {
        const values: Record<string, SfValue> = {}
        for (const [name, column] of data.attributes) values[fieldName(name)] = valueOf(column, row)
        // A list present but with no item (the fixtures make some) is blank in a CRM's multi-select; real imports store an empty cell as missing.
        if (Object.values(values).some((v) => Array.isArray(v) && v.length === 0)) continue
        for (const { field, node } of parsed) values[field] = evaluate(node, values)
        const tier = scored.tiers[row]! < 0 ? DISQUALIFIED : scorecard.tiers[scored.tiers[row]!]!.name
        expect(values['ICP_Score__c'], `trial ${trial}, row ${row}`).toBe(scored.scores[row])
        expect(values['ICP_Tier__c'], `trial ${trial}, row ${row}`).toBe(tier)
        if (!hubspotExact) continue
        let points = 0
        for (const group of hubspot.groups) {
          const sum = group.rules.reduce(
            (total, rule) => total + (rule.filters.every((f) => hubspotHolds(f, values[f.property] ?? null)) ? rule.points : 0),
            0
          )
          points += Math.min(sum, group.limit)
        }
        expect(points, `HubSpot, trial ${trial}, row ${row}`).toBe(scored.raw[row])
        expect(scaleScore(points, hubspot.scale)).toBe(scored.scores[row])
        const knocked = hubspot.disqualifiers.some((d) => d.filters.every((f) => hubspotHolds(f, values[f.property] ?? null)))
        expect(knocked ? DISQUALIFIED : hubspot.thresholds.find((t) => t.minPoints === null || points >= t.minPoints)!.tier).toBe(tier)
        hubspotChecked++
      }
    }
    expect(split, 'some trials split the score per category').toBeGreaterThan(10)
    expect(hubspotChecked).toBeGreaterThan(1000)
  })

  it('date bounds keep exactly the whole days the engine keeps', () => {
    const random = mulberry32(5)
    const DAY = 86_400_000
    for (let trial = 0; trial < 2000; trial++) {
      const v = Date.UTC(2025, 0, 1) + randomInt(random, 0, 400) * DAY + (random() < 0.5 ? 0 : randomInt(random, 1, DAY - 1))
      const w = v + randomInt(random, 0, 40) * DAY + randomInt(random, 0, DAY - 1)
      const x = Date.UTC(2025, 0, 1) + randomInt(random, -5, 450) * DAY
      const inside = (b: { from: { iso: string } | null; to: { iso: string } | null }) =>
        (b.from === null || x >= Date.parse(b.from.iso)) && (b.to === null || x <= Date.parse(b.to.iso))
      expect(inside(dateBounds('gt', v, null)), `x > ${v}`).toBe(x > v)
      expect(inside(dateBounds('lt', null, v)), `x < ${v}`).toBe(x < v)
      expect(inside(dateBounds('between', v, w)), `${v} <= x <= ${w}`).toBe(x >= v && x <= w)
    }
  })
})
