import { describe, expect, it } from 'vitest'
import type { Criterion } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { explainRow } from '@shared/engine/scoring/explain'
import { scoreCompiled, setCriterionPoints } from '@shared/engine/scoring/score'
import { mulberry32, randomDataset, randomInt, randomScorecard, TOOLS } from './engine-fixtures'

describe('properties (random scorecards and data, seeded)', () => {
  it('an incremental points change equals a full rescore, and explainRow agrees with the arrays', () => {
    const random = mulberry32(7)
    let sharedCaps = 0
    for (let trial = 0; trial < 300; trial++) {
      const data = randomDataset(random, randomInt(random, 1, 120))
      let scorecard = randomScorecard(random)
      if (trial % 5 === 0) {
        // Now and then a capped attribute with more criteria than one pack holds.
        const extra = Array.from({ length: 10 }, (_, i): Criterion => ({
          id: `x${i}`,
          category: 'Technographic',
          attribute: 'Tech stack',
          op: 'contains_any',
          values: [TOOLS[randomInt(random, 0, 39)]!],
          points: randomInt(random, -10, 10)
        }))
        const caps = (scorecard.attributeCaps ?? []).filter((cap) => cap.attribute !== 'Tech stack')
        scorecard = {
          ...scorecard,
          criteria: [...scorecard.criteria, ...extra],
          attributeCaps: [...caps, { attribute: 'Tech stack', cap: randomInt(random, 1, 25) }]
        }
      }
      const compiled = compileScorecard(scorecard, data)
      if (compiled.packs.some((pack) => pack.sharedCap >= 0)) sharedCaps++
      const scored = scoreCompiled(compiled)
      for (let step = 0; step < 6 && scorecard.criteria.length > 0; step++) {
        setCriterionPoints(compiled, scored, randomInt(random, 0, scorecard.criteria.length - 1), randomInt(random, -30, 30))
      }
      const fresh = scoreCompiled(compileScorecard(compiled.scorecard, data))
      expect(Array.from(scored.raw), `trial ${trial}`).toEqual(Array.from(fresh.raw))
      expect(Array.from(scored.scores), `trial ${trial}`).toEqual(Array.from(fresh.scores))
      expect(Array.from(scored.tiers), `trial ${trial}`).toEqual(Array.from(fresh.tiers))
      expect(scored.scale).toEqual(fresh.scale)
      for (let row = 0; row < data.rowCount; row++) {
        const explained = explainRow(compiled, row)
        expect([explained.raw, explained.score, explained.tierIndex]).toEqual([scored.raw[row], scored.scores[row], scored.tiers[row]])
      }
    }
    // Every way a criterion is summed was exercised: plain packs, capped packs, caps over several packs.
    expect(sharedCaps).toBeGreaterThan(50)
  })
})
