import type { SimulationReport } from '@shared/domain/simulation'
import type { Scorecard } from '@shared/engine/scorecard/model'
import type { SimulationRequest } from '@shared/engine/simulation/simulation-report'
import type { PackedMask, SimulationPack } from '@shared/engine/simulation/simulation-pack'

/** Messages to the what-if worker. `id` pairs a run with its answer. */
export type ToWorker =
  | { type: 'load'; pack: SimulationPack }
  | { type: 'masks'; masks: PackedMask[] }
  /** The page simulates the data now loaded itself (see INLINE_MAX_DEALS): free the last pack. */
  | { type: 'unload' }
  | { type: 'run'; id: number; scorecard: Scorecard; request: SimulationRequest }

/** Answers from the worker; `computeMs` is the engine's own time, for the latency breakdown. */
export type FromWorker =
  | { type: 'report'; id: number; report: SimulationReport; revision: number; computeMs: number }
  | { type: 'missing'; id: number; conditionKeys: string[] }
  | { type: 'error'; id: number; message: string }
