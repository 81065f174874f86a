/**
 * Scorecards as the API returns them. The scorecard itself is the engine's model
 * (shared/engine/scorecard/model.ts); these are the workspace's records around it: which
 * scorecards exist, when they changed, and their saved versions.
 */

import type { Scorecard } from '../engine/scorecard/model'

/** One row of the scorecard list (e.g. "Core ICP", "Adjacent ICP"). */
export interface ScorecardSummary {
  id: number
  name: string
  criteriaCount: number
  knockoutCount: number
  versionCount: number
  createdAt: string
  updatedAt: string
}

/** A scorecard's working copy: what the editor shows and saves after every edit. */
export interface StoredScorecard {
  id: number
  scorecard: Scorecard
  updatedAt: string
}

/** A named snapshot of a scorecard ("Q3 review"); restoring one copies it into the working copy. */
export interface ScorecardVersion {
  id: number
  note: string
  savedAt: string
  criteriaCount: number
  knockoutCount: number
  /** YYYY-MM-DD: the close dates of the decided deals it was built on (null for scorecards made before this was recorded, or without data). */
  builtFrom: string | null
  builtThrough: string | null
  /** For a version saved from a 90-day review: the period it was reviewed on. */
  reviewedFrom: string | null
  reviewedThrough: string | null
}

/** A scorecard read from a portable file, with what did not match the workspace's data. */
export interface ImportedScorecard extends StoredScorecard {
  /** E.g. `criterion 2: the value "Fintech" does not occur in Industry`. */
  warnings: string[]
}

/** A portable scorecard file (`icp-scorecard/1`), ready to save or download. */
export interface ScorecardFile {
  fileName: string
  /** An ArrayBuffer-backed array, so it can be sent back as an upload as it is. */
  bytes: Uint8Array<ArrayBuffer>
}
