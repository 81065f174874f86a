/**
 * One column's profile as staging needs it: placeholders decided, type, figures, a sample for the
 * role suggestions, and its distinct values when few enough to keep. The reading thread profiles
 * columns with it, and so does the reading process's second thread for the columns it takes
 * (staged-columns-task.ts): the same code on both, so a column reads the same wherever it was done.
 */
import type { ColumnProfile, PlaceholderDecision, ValueCount } from '@shared/domain/dataset'
import { countCodes, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { headerKey } from '@shared/import/header-key'
import { columnMissing, profileColumn, type ColumnMissing } from '@shared/import/profile-column'
import { sampleDistinct, type DistinctValues } from '@shared/import/distinct-values'
import { missingTokenSet } from '@shared/import/values'

/** What profiling a column needs besides the column. */
export interface ProfilingInputs {
  headers: readonly string[]
  /** The workspace's placeholder tokens: a hint each column weighs against its own data. */
  missingTokens: readonly string[]
  /** The consultant's per-column placeholder choices: [column key, lower-case token, missing]. */
  placeholderChoices: ReadonlyArray<readonly [string, string, boolean]>
}

export interface ProfiledColumn {
  profile: ColumnProfile
  placeholders: PlaceholderDecision[]
  /** The spellings that count as missing in this column. */
  missing: ReadonlySet<string>
  /** An even spread of its values, which the role suggestions read. */
  rolesSample: ValueCount[]
  /** Its distinct values; null for a column of too many to hold through staging (see KEEP_DISTINCT). */
  kept: DistinctValues | null
}

/** A ProfiledColumn as plain data, to cross between threads. */
export interface PackedProfiledColumn extends Omit<ProfiledColumn, 'missing' | 'kept'> {
  missing: string[]
  kept: { values: string[]; counts: ArrayLike<number>; missingCount: number } | null
}

/** Role suggestions read this even spread of a column's distinct values. */
const ROLE_SAMPLE = 4000
/**
 * A column of mostly unique values has an entry per value: held for every such column at once
 * they were most of the reader's peak (about 300 MB for a 1M-row file), and what needs them later
 * (clean-ups, outcome values, a remembered type) is rare for such a column, so they are worked
 * out again then.
 */
const KEEP_DISTINCT = 65_536

export class ColumnProfiler {
  private readonly hints: ReadonlySet<string>
  private readonly choices: Map<string, Map<string, boolean>>
  private readonly counted: Array<Uint32Array | undefined>

  constructor(
    private readonly columns: readonly DictionaryColumn[],
    private readonly inputs: ProfilingInputs
  ) {
    this.hints = missingTokenSet(inputs.missingTokens)
    this.choices = choicesByColumn(inputs.placeholderChoices)
    this.counted = new Array<Uint32Array | undefined>(columns.length)
  }

  /** Rows per entry of column `index`'s dictionary. */
  counts(index: number): Uint32Array {
    return (this.counted[index] ??= countCodes(this.columns[index]!))
  }

  /** The column's placeholders decided, and its distinct values under them. */
  missingOf(index: number): ColumnMissing {
    const name = this.inputs.headers[index]!
    return columnMissing(name, this.columns[index]!, this.counts(index), this.hints, this.choices.get(headerKey(name)))
  }

  profile(index: number): ProfiledColumn {
    const { distinct, placeholders, missing, inferred } = this.missingOf(index)
    const profile = profileColumn({
      name: this.inputs.headers[index]!,
      index,
      column: this.columns[index]!,
      counts: this.counts(index),
      missingTokens: missing,
      distinct,
      placeholders,
      inferred
    })
    return {
      profile,
      placeholders,
      missing,
      rolesSample: sampleDistinct(distinct, ROLE_SAMPLE),
      kept: distinct.values.length > KEEP_DISTINCT ? null : distinct
    }
  }
}

export function packProfiledColumn(profiled: ProfiledColumn): PackedProfiledColumn {
  const { kept } = profiled
  return {
    ...profiled,
    missing: [...profiled.missing],
    kept:
      kept === null
        ? null
        : {
            values: Array.from({ length: kept.values.length }, (_, i) => kept.values.at(i)!),
            counts: kept.counts,
            missingCount: kept.missingCount
          }
  }
}

export function unpackProfiledColumn(packed: PackedProfiledColumn): ProfiledColumn {
  return { ...packed, missing: new Set(packed.missing) }
}

function choicesByColumn(choices: ReadonlyArray<readonly [string, string, boolean]>): Map<string, Map<string, boolean>> {
  const byColumn = new Map<string, Map<string, boolean>>()
  for (const [column, token, isMissing] of choices) {
    const forColumn = byColumn.get(column) ?? new Map<string, boolean>()
    forColumn.set(token, isMissing)
    byColumn.set(column, forColumn)
  }
  return byColumn
}

/** Another thread that profiles some of the columns while this one profiles the rest. */
export interface ProfilingShare {
  /** Whether this thread is to profile column `index`; false when the other thread has taken it. */
  claim(index: number): boolean
  /**
   * Once this thread has profiled every column it claimed: the other thread's, by index; null
   * when it failed (this thread then profiles them itself).
   */
  theirs(): Map<number, ProfiledColumn> | null
}
