import { compileScorecard } from '../scoring/compile'
import { scoreCompiled, setCriterionPoints } from '../scoring/score'
import { prepareOutcome } from '../simulation/outcome'
import { simulate } from '../simulation/simulation'
import { syntheticDataset, syntheticScorecard } from './synthetic-data'

export interface BenchmarkFigure {
  name: string
  /** Milliseconds (best of several runs: the first runs pay for JIT compilation). */
  bestMs: number
  medianMs: number
  targetMs: number | null
}

function timed(name: string, runs: number, targetMs: number | null, work: () => void): BenchmarkFigure {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 100) / 100
  return { name, bestMs: round(times[0]!), medianMs: round(times[Math.floor(times.length / 2)]!), targetMs }
}

/**
 * The engine's speed on `rows` synthetic deals and a 20-criterion scorecard: what a what-if
 * costs while the user drags. Targets (issue 4) are for 1,000,000 rows.
 */
export function runEngineBenchmark(rows: number): { rows: number; criteria: number; auc: number; figures: BenchmarkFigure[] } {
  const dataset = syntheticDataset(rows, 3)
  const scorecard = syntheticScorecard()
  const atScale = rows === 1_000_000
  let compiled = compileScorecard(scorecard, dataset)
  const compile = timed('compile_ms', 3, null, () => {
    compiled = compileScorecard(scorecard, dataset)
  })
  let view = prepareOutcome(dataset)
  const prepare = timed('prepare_outcome_ms', 3, null, () => {
    view = prepareOutcome(dataset)
  })
  const scored = scoreCompiled(compiled)
  let auc = 0
  const full = timed('rescore_sweep_bands_auc_ms', 15, atScale ? 30 : null, () => {
    scoreCompiled(compiled, scored)
    const simulation = simulate(view, compiled, scored)
    simulation.sweep()
    simulation.bandTable()
    simulation.tierTable()
    auc = simulation.ranking().auc
  })
  // Alternate the points between two values so every run is a real change.
  const toggle = (index: number): number => (compiled.criteria[index]!.criterion.points === 8 ? 9 : 8)
  const update = timed('one_criterion_update_ms', 21, atScale ? 5 : null, () => setCriterionPoints(compiled, scored, 0, toggle(0)))
  const updateAndSweep = timed('update_plus_sweep_auc_ms', 21, null, () => {
    setCriterionPoints(compiled, scored, 4, toggle(4))
    const simulation = simulate(view, compiled, scored)
    simulation.sweep()
    simulation.ranking()
  })
  const simulation = simulate(view, compiled, scored)
  const threshold = timed('threshold_with_medians_ms', 15, null, () => simulation.thresholdMetrics(60))
  return { rows, criteria: scorecard.criteria.length, auc, figures: [compile, prepare, full, update, updateAndSweep, threshold] }
}
