import type { ScorecardValidation } from '@shared/domain/discover'
import type { SuggestionValidation } from '@shared/engine/discover'

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null)

/** The engine's validation as the contract carries it (no NaN or Infinity crosses a boundary). */
export function validationOf(v: SuggestionValidation): ScorecardValidation {
  return {
    kind: v.kind,
    description: v.description,
    measuredOn: v.measuredOn,
    auc: finite(v.auc),
    unconstrainedAuc: finite(v.unconstrainedAuc),
    fittedAuc: finite(v.fittedAuc),
    tiers: v.tiers,
    verdict: v.verdict
  }
}
