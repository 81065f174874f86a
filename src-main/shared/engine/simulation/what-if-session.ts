/**
 * The renderer worker's engine: holds one simulation pack and answers "what if the scorecard
 * were this, the threshold that" for every slider step. A points change is applied
 * incrementally (raw += delta over the criterion's deals only, which move between per-raw-points
 * counts, so the histograms are a fold rather than a count of every deal; the knockout backtest
 * is kept), tiers without rescoring, anything else recompiles from
 * the cached masks; an unchanged scorecard reuses its simulation, so a threshold step only
 * reads histograms.
 */

import type { SimulationReport } from '@shared/domain/simulation'
import type { EngineDataset } from '@shared/engine/engine-dataset'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard, conditionKey, type CompiledScorecard } from '@shared/engine/scoring/compile'
import { metRows } from '@shared/engine/scoring/met-rows'
import { scoreCompiled, setCriterionPoints, setTiers, type ScoredRows } from '@shared/engine/scoring/score'
import { knockoutBacktest, type KnockoutBacktestRow } from './knockout-backtest'
import { prepareOutcome, type OutcomeView } from './outcome'
import { RawClassCounts } from './raw-class-counts'
import { simulate, type Simulation } from './simulation'
import { simulationReport, type SimulationRequest } from './simulation-report'
import { conditionsOf, unpackDataset, unpackMask, type PackedMask, type SimulationPack } from './simulation-pack'

/**
 * `revision` changes whenever the scores changed; two reports with the same revision differ
 * only in what depends on the threshold or capacity (so a screen can keep its charts).
 */
export type WhatIfAnswer = { kind: 'report'; report: SimulationReport; revision: number } | { kind: 'missing'; conditionKeys: string[] }

/** Criteria equal but for their points (same conditions, order, caps and knockouts). */
function onlyPointsDiffer(a: Scorecard, b: Scorecard): boolean {
  if (a.criteria.length !== b.criteria.length) return false
  if (JSON.stringify(a.knockouts) !== JSON.stringify(b.knockouts)) return false
  if (JSON.stringify(a.attributeCaps ?? []) !== JSON.stringify(b.attributeCaps ?? [])) return false
  return a.criteria.every((c, i) => {
    const d = b.criteria[i]!
    return c.id === d.id && conditionKey(c) === conditionKey(d)
  })
}

export class WhatIfSession {
  private readonly dataset: EngineDataset
  private readonly view: OutcomeView
  private readonly maskCache = new Map<string, Uint8Array>()
  private compiled: CompiledScorecard | null = null
  private scored: ScoredRows | null = null
  private simulation: Simulation | null = null
  /** The scored deals counted per raw points value, moved along with each points change. */
  private rawCounts: RawClassCounts | null = null
  private knockouts: KnockoutBacktestRow[] | null = null
  private scorecardJson = ''
  private revision = 0

  constructor(pack: SimulationPack) {
    const { dataset, target } = unpackDataset(pack)
    this.dataset = dataset
    this.view = prepareOutcome(dataset, { target })
    this.addMasks(pack.masks)
  }

  get rowCount(): number {
    return this.dataset.rowCount
  }

  addMasks(masks: readonly PackedMask[]): void {
    for (const { key, bits } of masks) this.maskCache.set(key, unpackMask(bits, this.dataset.rowCount))
  }

  /** Conditions of `scorecard` whose masks this session lacks (ask the backend for them). */
  missing(scorecard: Scorecard): string[] {
    const keys = conditionsOf(scorecard).map(conditionKey)
    return [...new Set(keys.filter((key) => !this.maskCache.has(key)))]
  }

  run(scorecard: Scorecard, request: SimulationRequest): WhatIfAnswer {
    const missing = this.missing(scorecard)
    if (missing.length > 0) return { kind: 'missing', conditionKeys: missing }
    const simulation = this.simulationOf(scorecard)
    return { kind: 'report', report: simulationReport(simulation, request), revision: this.revision }
  }

  private simulationOf(scorecard: Scorecard): Simulation {
    const json = JSON.stringify(scorecard)
    if (this.simulation && json === this.scorecardJson) return this.simulation
    const before = this.compiled
    const scored = this.scored
    if (before && scored && onlyPointsDiffer(before.scorecard, scorecard)) {
      scorecard.criteria.forEach((criterion, index) => {
        const entry = before.criteria[index]!
        if (Math.round(criterion.points) === entry.criterion.points) return
        // Only the criterion's deals move: out of their counts, moved, back in at their new points.
        const rows = metRows(entry.mask)
        this.rawCounts?.remove(rows)
        setCriterionPoints(before, scored, index, criterion.points)
        if (!RawClassCounts.fits(scored.scale)) this.rawCounts = null
        this.rawCounts?.add(rows)
      })
      if (JSON.stringify(before.scorecard.tiers) !== JSON.stringify(scorecard.tiers)) setTiers(before, scored, scorecard.tiers)
      // Names, labels and categories do not score; carry them so the report names things right.
      before.scorecard = {
        ...scorecard,
        criteria: before.scorecard.criteria.map((c, i) => ({ ...scorecard.criteria[i]!, points: c.points }))
      }
      before.criteria.forEach((entry, i) => (entry.criterion = before.scorecard.criteria[i]!))
    } else {
      this.compiled = compileScorecard(scorecard, this.dataset, { rowCount: this.dataset.rowCount, maskCache: this.maskCache })
      this.scored = scoreCompiled(this.compiled)
      this.rawCounts = null
      this.knockouts = null
      for (const [key, mask] of this.compiled.maskCache) this.maskCache.set(key, mask)
    }
    // Counted afresh after a recompile, or once the scale is narrow enough again (see RawClassCounts.fits).
    if (!this.rawCounts && RawClassCounts.fits(this.scored!.scale)) this.rawCounts = new RawClassCounts(this.view, this.scored!)
    // The knockout backtest does not depend on points: carried over from the last simulation.
    this.knockouts ??= knockoutBacktest(this.view, this.compiled!)
    this.simulation = simulate(this.view, this.compiled!, this.scored!, {
      ...(this.rawCounts ? { rawCounts: this.rawCounts } : {}),
      knockoutBacktest: this.knockouts
    })
    this.revision++
    this.scorecardJson = json
    return this.simulation
  }
}
