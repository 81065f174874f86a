/** Scorecards: the model, validation, plain-words conditions and the portable file icp-scorecard/1. */
export {
  CONDITION_OPS,
  DEFAULT_CATEGORIES,
  DEFAULT_TIERS,
  DISQUALIFIED,
  defaultScorecard,
  type AttributeCap,
  type Condition,
  type ConditionOp,
  type Criterion,
  type Knockout,
  type Scorecard,
  type ScorecardCategory,
  type Tier
} from './model'
export {
  attributeCatalog,
  OPERAND_SHAPE,
  OPS_BY_KIND,
  type AttributeCatalog,
  type AttributeInfo,
  type AttributeKind,
  type OperandShape
} from './operators'
export { describeCondition } from './describe-condition'
export { MAX_CRITERIA, MAX_POINTS, validateScorecard, type ScorecardProblem } from './validate'
export {
  fromPortable,
  PORTABLE_FORMAT,
  ScorecardFormatError,
  toPortable,
  type FromPortableOptions,
  type PortableCondition,
  type PortableCriterion,
  type PortableKnockout,
  type PortableScorecard
} from './portable-format'
