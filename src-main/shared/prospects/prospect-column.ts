/**
 * One column of a stored prospect list as the mapping and the scoring read it: the raw values
 * once each (dictionary) and one code per prospect, plus the spellings that count as empty.
 */

import type { ColumnType } from '@shared/domain/dataset'
import type { PlacePart } from '@shared/domain/prospects'
import { isMissingValue, parseNumber, parseNumericRange, splitMultiValue } from '@shared/import/values'

export interface ProspectColumnData {
  name: string
  type: ColumnType
  dictionary: readonly string[]
  codes: Uint32Array
  /** Prospects per dictionary entry. */
  counts: Uint32Array
  /** Lower-case spellings of "no value" in this column ('' among them). */
  missing: ReadonlySet<string>
  multiSeparators: string | null
  /** The raw values of a few rows, without reading the whole column when it is not loaded yet. */
  valuesAt?(rows: readonly number[]): string[]
  /** Number and band columns: every entry read as a band when the list was saved (unit factor 1). */
  readonly storedBands?: NumberBands | null
}

export const DEFAULT_LIST_SEPARATORS = ',;|'

export const isEmptyCell = (raw: string, column: ProspectColumnData): boolean => isMissingValue(raw, column.missing)

/** The part of a "City, State, Country" cell an attribute reads ("San Francisco, California, United States"). */
export function placePart(raw: string, part: PlacePart): string | null {
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  if (parts.length === 0) return null
  if (part === 'country') return parts.length >= 2 ? parts[parts.length - 1]! : null
  if (part === 'city') return parts[0]!
  // "City, State, Country" or "City, State" (a US list): the part before the country.
  if (parts.length >= 3) return parts[parts.length - 2]!
  return parts.length === 2 ? parts[1]! : null
}

/** The NAICS code in a cell ("511210", "511210 - Software Publishers"), or null. */
export function naicsCode(raw: string): string | null {
  return /^\s*(\d{2,6})\b/.exec(raw)?.[1] ?? null
}

/** The text of a cell that is matched to workspace values for an attribute (after part or code extraction). */
export function valueText(raw: string, part: PlacePart | null, via: 'naics' | null): string | null {
  if (via === 'naics') return naicsCode(raw)
  if (part !== null) return placePart(raw, part)
  const trimmed = raw.trim()
  return trimmed.length > 0 ? trimmed : null
}

/** The items of a list cell ("Salesforce, Slack, Google Analytics"). */
export function cellItems(raw: string, column: ProspectColumnData): string[] {
  return splitMultiValue(raw, column.multiSeparators ?? DEFAULT_LIST_SEPARATORS)
}

/** ZoomInfo writes "$10 mil. - $25 mil."; the shared parser reads "$10M - $25M". */
const SPELLED_SCALE = /mil|bil/i
const spelledScale = (raw: string): string =>
  SPELLED_SCALE.test(raw) ? raw.replace(/\s*\bmil\.?/gi, 'M').replace(/\s*\bbil\.?/gi, 'B') : raw

/** A number cell as the band it stands for: exact numbers are bands of one value; open ends are infinite. */
export function numberBand(raw: string, factor: number): { low: number; high: number } | null {
  const text = spelledScale(raw)
  const number = parseNumber(text)
  if (number !== null) return { low: number * factor, high: number * factor }
  const range = parseNumericRange(text)
  if (range === null) return null
  return { low: (range.low ?? -Infinity) * factor, high: (range.high ?? Infinity) * factor }
}

/** The distinct texts the attribute's values are matched from, with their prospect counts. */
export function distinctTexts(
  column: ProspectColumnData,
  part: PlacePart | null,
  via: 'naics' | null,
  items: boolean
): Map<string, number> {
  const out = new Map<string, number>()
  column.dictionary.forEach((raw, code) => {
    const count = column.counts[code] ?? 0
    if (count === 0 || isEmptyCell(raw, column)) return
    const texts = items ? cellItems(raw, column) : [valueText(raw, part, via)]
    for (const text of texts) if (text !== null) out.set(text, (out.get(text) ?? 0) + count)
  })
  return out
}

export const BAND_READ = 0
export const BAND_EMPTY = 1
export const BAND_UNREADABLE = 2

export interface NumberBands {
  /** Per dictionary entry; NaN where the cell is empty or does not read as a number or band. */
  low: Float64Array
  high: Float64Array
  /** Per dictionary entry: BAND_READ, BAND_EMPTY or BAND_UNREADABLE. */
  state: Uint8Array
}

/** Every entry of a column read as a band (unit factor 1): what the list stores for number columns. */
export function readBands(dictionary: readonly string[], missing: ReadonlySet<string>): NumberBands {
  const n = dictionary.length
  const low = new Float64Array(n).fill(NaN)
  const high = new Float64Array(n).fill(NaN)
  const state = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const raw = dictionary[i]!
    if (isMissingValue(raw, missing)) {
      state[i] = BAND_EMPTY
      continue
    }
    const band = numberBand(raw, 1)
    if (band === null) state[i] = BAND_UNREADABLE
    else {
      low[i] = band.low
      high[i] = band.high
    }
  }
  return { low, high, state }
}

const bandCache = new WeakMap<ProspectColumnData, Map<number, NumberBands>>()

/**
 * Every entry of a column read as a band, in the unit the mapping says, once per column and
 * factor: the mapping weighs a column and then scoring reads it. Number columns come with their
 * bands read when the list was saved, so a money column with a distinct value per prospect is not
 * parsed again (nor its dictionary read) at every scoring.
 */
export function numberBands(column: ProspectColumnData, factor: number): NumberBands {
  let byFactor = bandCache.get(column)
  if (!byFactor) bandCache.set(column, (byFactor = new Map()))
  const cached = byFactor.get(factor)
  if (cached) return cached
  const base = column.storedBands ?? readBands(column.dictionary, column.missing)
  const bands = factor === 1 ? base : { low: base.low.map((v) => v * factor), high: base.high.map((v) => v * factor), state: base.state }
  byFactor.set(factor, bands)
  return bands
}
