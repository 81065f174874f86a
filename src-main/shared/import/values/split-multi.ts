import type { ValueCount } from '@shared/domain/dataset'
import { isDigitCode } from './char-codes'

/** Separators a multi-valued cell may use, in the order detectMultiSeparators reports them. */
const SEPARATORS = ';|,/\n'
/** Enough distinct values to judge a column; a million-value id column need not be split in full. */
const SAMPLE_VALUES = 20_000
/** At least this share of rows must hold several items ("many cells contain separators"). */
const MIN_MULTI_SHARE = 0.1
/** Share of item mentions whose item also occurs in another distinct cell. */
const MIN_REPEAT_SHARE = 0.7
/** Items of a multi-valued column are names ("HubSpot"), not sentences. */
const MAX_MEDIAN_ITEM_LENGTH = 30

/**
 * The separator characters a multi-valued column uses ("Salesforce; HubSpot | Slack" -> ";|"),
 * or null when the column does not look multi-valued.
 *
 * A column is multi-valued when many cells hold several items and the items recur across
 * different cells, as tools in a tech stack do. "Acme, Inc." and "Austin, TX" fail that test:
 * their first halves are unique. A comma or slash between digits ("$1,200", "3/5/2024") is part
 * of a number, never a separator. When a character only cuts apart items that recur whole
 * ("Acme, Inc.; Globex, LLC"), dropping it from the set judges better, so it goes.
 */
export function detectMultiSeparators(values: readonly ValueCount[]): string | null {
  const sample = values.length > SAMPLE_VALUES ? values.slice(0, SAMPLE_VALUES) : values
  let candidates = ''
  for (const separator of SEPARATORS) {
    if (sample.some(({ value }) => hasSeparator(value, separator))) candidates += separator
  }
  if (candidates === '') return null
  let bestSet = candidates
  let best = judge(sample, bestSet)
  // Backward elimination: drop the character whose removal helps most, while one helps.
  while (bestSet.length > 1) {
    let roundSet = bestSet
    let round = best
    for (const separator of bestSet) {
      const smaller = bestSet.replace(separator, '')
      const verdict = judge(sample, smaller)
      if (isBetter(verdict, round)) {
        round = verdict
        roundSet = smaller
      }
    }
    if (roundSet === bestSet) break
    bestSet = roundSet
    best = round
  }
  return best.passes ? bestSet : null
}

/**
 * The items of a multi-valued cell: split on any of the separator characters, trimmed, empty
 * items and exact repeats dropped, in their original order.
 */
export function splitMultiValue(raw: string, separators: string): string[] {
  const items: string[] = []
  let from = 0
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && separators.indexOf(raw[i]!) < 0) continue
    const item = raw.slice(from, i).trim()
    if (item !== '' && !items.includes(item)) items.push(item)
    from = i + 1
  }
  return items
}

/** Whether `separator` occurs in the value other than inside a number ("1,200") or a date ("3/5/2024"). */
function hasSeparator(value: string, separator: string): boolean {
  let at = value.indexOf(separator)
  while (at >= 0) {
    if (!insideNumber(value, at, separator)) return true
    at = value.indexOf(separator, at + 1)
  }
  return false
}

function insideNumber(value: string, at: number, separator: string): boolean {
  if (separator !== ',' && separator !== '/') return false
  return isDigitCode(value.charCodeAt(at - 1)) && isDigitCode(value.charCodeAt(at + 1))
}

interface Verdict {
  passes: boolean
  repeatShare: number
  distinctItems: number
}

/** Passing first, then items that recur more, then fewer distinct items ("Acme, Inc." whole, not halved). */
function isBetter(a: Verdict, b: Verdict): boolean {
  if (a.passes !== b.passes) return a.passes
  if (a.repeatShare !== b.repeatShare) return a.repeatShare > b.repeatShare
  return a.distinctItems < b.distinctItems
}

function judge(sample: readonly ValueCount[], separators: string): Verdict {
  let total = 0
  let multiWeight = 0
  let distinctMulti = 0
  /** For each item: in how many distinct cells it occurs. */
  const cellsByItem = new Map<string, number>()
  const split: string[][] = []
  for (const { value, count } of sample) {
    total += count
    const items = splitMultiValue(value, separators)
    split.push(items)
    if (items.length > 1) {
      multiWeight += count
      distinctMulti++
    }
    for (const item of items) cellsByItem.set(item, (cellsByItem.get(item) ?? 0) + 1)
  }
  let mentions = 0
  let repeated = 0
  const lengths: number[] = []
  for (const items of split) {
    if (items.length < 2) continue
    for (const item of items) {
      mentions++
      if ((cellsByItem.get(item) ?? 0) > 1) repeated++
      lengths.push(item.length)
    }
  }
  const repeatShare = mentions === 0 ? 0 : repeated / mentions
  lengths.sort((a, b) => a - b)
  const medianLength = lengths[lengths.length >> 1] ?? 0
  const passes =
    distinctMulti >= 2 &&
    multiWeight >= MIN_MULTI_SHARE * total &&
    repeatShare >= MIN_REPEAT_SHARE &&
    medianLength <= MAX_MEDIAN_ITEM_LENGTH &&
    cellsByItem.size <= sample.length
  return { passes, repeatShare, distinctItems: cellsByItem.size }
}
