import { describe, expect, it } from 'vitest'
import { runEngineBenchmark } from '@shared/engine/benchmark/engine-benchmark'
import { syntheticDataset, syntheticScorecard } from '@shared/engine/benchmark/synthetic-data'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'

// Timings are printed by npm run bench and icp bench, never asserted here; this checks that
// the benchmark measures what it says on data with a real signal.
describe('the engine benchmark', () => {
  it('scores the synthetic data with a signal and reports every figure', () => {
    const result = runEngineBenchmark(20_000)
    expect(result.criteria).toBe(20)
    expect(result.auc).toBeGreaterThan(0.55)
    expect(result.figures.map((f) => f.name)).toEqual([
      'compile_ms',
      'prepare_outcome_ms',
      'rescore_sweep_bands_auc_ms',
      'one_criterion_update_ms',
      'update_plus_sweep_auc_ms',
      'threshold_with_medians_ms'
    ])
    for (const figure of result.figures) expect(figure.bestMs).toBeLessThanOrEqual(figure.medianMs)
  })

  it('builds a dataset every criterion of the synthetic scorecard fits', () => {
    const dataset = syntheticDataset(1000, 7)
    const compiled = compileScorecard(syntheticScorecard(), dataset)
    const scored = scoreCompiled(compiled)
    expect(scored.raw.length).toBe(1000)
    for (const criterion of compiled.criteria) expect(criterion.mask.length).toBe(1000)
  })
})

describe('the discover benchmark', () => {
  it('runs discovery over thirty attributes', async () => {
    const { runDiscoverBenchmark } = await import('@shared/engine/benchmark/discover-benchmark')
    const result = runDiscoverBenchmark(5000)
    expect(result.attributes).toBe(30)
    expect(result.bestMs).toBeGreaterThanOrEqual(0)
  })
})
