/** Discover: which attributes separate the best customers from the rest, and a suggested scorecard. */
export { attributeBins, RARE_SHARE, type BinningOptions } from './attribute-bins'
export { MISSING_LABEL, type BinCount, type BinnedAttribute } from './binned-attribute'
export { chiSquarePValue, logGamma, upperRegularizedGamma } from './chi-square'
export {
  defaultCategory,
  discover,
  discoverBands,
  usable,
  type BinView,
  type DiscoveredAttribute,
  type DiscoveredBin,
  type DiscoverOptions,
  type DiscoverResult
} from './discover'
export { leakageCheck, outlierLeaks, singleAttributeAuc, type LeakageCheck, type LeakageContext } from './leakage'
export { leakByName } from './leak-names'
export { accountColumn, accountUnits, type AccountUnits } from './account-units'
export { clusteredIndependence } from './clustered-test'
export { mergeNumberBins, monotoneWhereAllowed, poolAdjacentViolators, type BinGroup } from './merge-bins'
export { bandBins, DEFAULT_QUANTILES, numberBins, QUANTILE_SAMPLE, rangeLabel } from './number-bins'
export {
  benjaminiHochberg,
  chiSquareIndependence,
  datasetSignal,
  SIGNIFICANCE_LEVEL,
  twoProportionPValue,
  type Signal
} from './significance'
export {
  suggestScorecard,
  type CriterionEvidence,
  type SuggestedScorecard,
  type SuggestionValidation,
  type SuggestOptions
} from './suggest-scorecard'
export { fitTiers, tierEvidence, validationVerdict, type TierEvidence, type ValidationVerdict, type VerdictWords } from './tier-validation'
export { heldOutPart, HOLDOUT_SHARE, MIN_HOLDOUT_EACH, validationSplit, type ValidationSplit } from './validation-split'
export {
  criterionFindings,
  unitsPerGroup,
  MIN_HOLDOUT_MATCHING,
  type CriterionFinding,
  type ScorecardFindings,
  type FindingUnit,
  type RateComparison
} from './criterion-findings'
export { simpleCriteria, orderedGroups, type SimpleCriterion } from './simple-criteria'
export {
  binEvidence,
  informationValue,
  strengthOf,
  targetTotals,
  TOO_SMALL,
  weightOfEvidence,
  WOE_SMOOTHING,
  type BinEvidence,
  type CellCount,
  type Strength,
  type TargetTotals
} from './woe-iv'
export { antiIcp, MAX_ANTI_ICP, type AntiIcpFinding } from './anti-icp'
export { bestCustomers, bestTarget, firstRowOfAccounts, percentileRanks, type BestCustomers } from './best-customers'
export {
  BUDGET_GAP,
  checkScorecard,
  LEFT_OUT_IV,
  NO_SIGNAL_IV,
  SIGN_WOE,
  type CheckedScorecard,
  type CheckFinding
} from './check-scorecard'
