import type { ScorecardProblem } from './validate'

/**
 * A portable scorecard file that cannot be imported. The message names the place ("criterion
 * 3", "tier 2") and the field, so it can be shown as it is; `problems` lists every error found
 * when validation (not parsing) refused the file.
 */
export class ScorecardFormatError extends Error {
  override readonly name = 'ScorecardFormatError'
  readonly problems: readonly ScorecardProblem[]

  constructor(message: string, problems: readonly ScorecardProblem[] = []) {
    super(message)
    this.problems = problems
  }
}
