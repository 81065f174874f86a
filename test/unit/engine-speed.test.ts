import { describe, expect, it } from 'vitest'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled, setCriterionPoints } from '@shared/engine/scoring/score'
import { prepareOutcome } from '@shared/engine/simulation/outcome'
import { simulate } from '@shared/engine/simulation/simulation'
import { syntheticDataset, syntheticScorecard } from './engine-synthetic'

const ROWS = 1_000_000

/** Best of several runs, in milliseconds: the first runs pay for JIT compilation. */
function timed(runs: number, work: () => void): { best: number; median: number } {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]! }
}

const ms = ({ best, median }: { best: number; median: number }): string => `best ${best.toFixed(1)} ms, median ${median.toFixed(1)} ms`

// Figures are printed, never asserted: timings depend on the machine (npm run bench reports them).
describe('engine speed (1,000,000 deals, 20 criteria)', () => {
  it('prints rescore + sweep + bands + AUC and one-criterion update times', () => {
    const dataset = syntheticDataset(ROWS, 3)
    const scorecard = syntheticScorecard()
    let compiled = compileScorecard(scorecard, dataset)
    const compile = timed(3, () => {
      compiled = compileScorecard(scorecard, dataset)
    })
    let view = prepareOutcome(dataset)
    const prepare = timed(3, () => {
      view = prepareOutcome(dataset)
    })
    const scored = scoreCompiled(compiled)
    let auc = 0
    const full = timed(15, () => {
      scoreCompiled(compiled, scored)
      const simulation = simulate(view, compiled, scored)
      simulation.sweep()
      simulation.bandTable()
      simulation.tierTable()
      auc = simulation.ranking().auc
    })
    const rescoreOnly = timed(15, () => scoreCompiled(compiled, scored))
    // Alternate each criterion between two values so that every run is a real change.
    const toggle = (index: number): number => (compiled.criteria[index]!.criterion.points === 8 ? 9 : 8)
    const update = timed(21, () => setCriterionPoints(compiled, scored, 0, toggle(0)))
    const cappedUpdate = timed(21, () => setCriterionPoints(compiled, scored, 12, toggle(12)))
    const histograms = timed(15, () => simulate(view, compiled, scored))
    const updateAndSweep = timed(21, () => {
      setCriterionPoints(compiled, scored, 4, toggle(4))
      const simulation = simulate(view, compiled, scored)
      simulation.sweep()
      simulation.ranking()
    })
    const simulation = simulate(view, compiled, scored)
    const threshold = timed(15, () => simulation.thresholdMetrics(60))
    console.log(
      [
        `engine speed, ${ROWS.toLocaleString('en-US')} deals x ${scorecard.criteria.length} criteria (AUC ${auc.toFixed(3)}):`,
        `  compile (evaluate every mask)             ${ms(compile)}`,
        `  prepare outcome (cycle order)             ${ms(prepare)}`,
        `  full rescore                              ${ms(rescoreOnly)}`,
        `  full rescore + sweep + bands + tiers + AUC ${ms(full)}   (target < 30 ms)`,
        `  one criterion's points changed            ${ms(update)}   (target < 5 ms)`,
        `  ... on a capped attribute                 ${ms(cappedUpdate)}`,
        `  ... plus histograms, sweep and AUC         ${ms(updateAndSweep)}`,
        `  histograms alone (simulate)               ${ms(histograms)}`,
        `  threshold metrics with medians            ${ms(threshold)}`
      ].join('\n')
    )
    expect(auc).toBeGreaterThan(0.5)
  }, 120_000)
})
