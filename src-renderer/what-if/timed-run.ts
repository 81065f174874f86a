import type { SimulationReport } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { SimulationRequest } from '@shared/engine/simulation/simulation-report'
import type { WhatIfSession } from '@shared/engine/simulation/what-if-session'

/** A what-if answer with the engine's own time, for the latency breakdown (icp:sim-compute). */
export type TimedAnswer =
  { kind: 'report'; report: SimulationReport; revision: number; computeMs: number } | { kind: 'missing'; conditionKeys: string[] }

/** One run of the session, timed: the same on the page and in the worker. */
export function timedRun(session: WhatIfSession, scorecard: Scorecard, request: SimulationRequest): TimedAnswer {
  const started = performance.now()
  const answer = session.run(scorecard, request)
  if (answer.kind === 'missing') return { kind: 'missing', conditionKeys: answer.conditionKeys }
  return { kind: 'report', report: answer.report, revision: answer.revision, computeMs: performance.now() - started }
}
