/** Scoring: compile a scorecard against a dataset once, then score, update points and explain. */
export { compileScorecard, type CapGroup, type CompiledCriterion, type CompiledKnockout, type CompiledScorecard } from './compile'
export { conditionMask } from './condition-mask'
export { explainRow, type CapAdjustment, type CriterionReason, type RowExplanation } from './explain'
export { MAX_RAW_RANGE, scaleScore, scoreScale, type ScoreScale } from './scale'
export { scoreCompiled, ScoredRows, setCriterionPoints, setTiers } from './score'
export { tierLookup, tierRange } from './tiers'
