/** Data-hygiene rules: merges, US states, countries and bands, re-applied on every import. */
export { applyHygieneRules, hygieneCleaner, type HygieneRule, type ToNumber } from './apply-rules'
export { bandFor, bandsForRule, customBands, EMPLOYEE_BANDS, REVENUE_BANDS, type Band } from './bands'
export { COUNTRIES, countryCode, countryName, findCountry, type Country } from './countries'
export { describeRule } from './describe-rule'
export { suggestMerges, type MergeSuggestion } from './merge-suggestions'
export { findUsState, US_STATES, usStateCode, usStateName, type UsState } from './us-states'
export { proposeCleanups, type CleanupKind, type ProposedCleanup } from './proposed-cleanups'
