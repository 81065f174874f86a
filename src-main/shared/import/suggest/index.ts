/** Suggestions made while importing: column roles, outcome values, attribute categories. */
export { suggestCategory } from './category'
export { hasWinsAndLosses, outcomeOf, suggestOutcomeMapping, type OutcomeSuggestion } from './outcome-mapping'
export { roleCandidates, suggestRole, type RoleCandidate, type RoleInput } from './suggest-role'
export { suggestRoles, suggestRolesWithReasons, type ColumnForRoles, type SuggestedRole } from './suggest-roles'
export { levelEvidence, suggestLevel, type LevelEvidence, type SuggestedLevel } from './attribute-level'
export { binaryOutcomePolarity, namesChurn } from './binary-outcome'
