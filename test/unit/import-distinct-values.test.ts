import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ValueCount } from '../../src-main/shared/domain/dataset'
import { countCodes, type DictionaryColumn } from '../../src-main/shared/engine/dictionary-column'
import { filterDistinct, sampleDistinct, valueCounts } from '../../src-main/shared/import/distinct-values'
import { columnMissing, countDistinct, profileColumn } from '../../src-main/shared/import/profile-column'
import { isMissingValue } from '../../src-main/shared/import/values'

/**
 * Profiling holds a column's distinct values as two parallel lists and, for a column whose
 * entries need nothing done, as the column's own dictionary and counts. Whatever shortcut it
 * takes, the answer must be what one {value, count} per used entry (merged by trimmed value
 * when the column may hold repeats of a trimmed value) would say.
 */
function reference(
  column: DictionaryColumn,
  counts: Uint32Array,
  tokens: ReadonlySet<string>
): { values: ValueCount[]; missingCount: number } {
  const trimmedAlready = column.dictionary.every((v) => v === v.trim())
  const merge = !(column.unique === false || (column.unique === true && trimmedAlready))
  const values: ValueCount[] = []
  const at = new Map<string, number>()
  let missingCount = 0
  column.dictionary.forEach((raw, code) => {
    const count = counts[code]!
    if (count === 0) return
    if (isMissingValue(raw, tokens)) {
      missingCount += count
      return
    }
    const value = raw.trim()
    const seen = merge ? at.get(value) : undefined
    if (seen !== undefined) values[seen]!.count += count
    else {
      if (merge) at.set(value, values.length)
      values.push({ value, count })
    }
  })
  return { values, missingCount }
}

const cell = fc.oneof(
  fc.constantFrom('', ' ', 'n/a', 'N/A', 'Unknown', '-', 'null', '999', '0', ' Acme', 'Acme ', 'Acme', '\u00a0x', 'x\u00a0'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 0, max: 5000 }).map(String)
)

/** A column as a builder makes it: entries (possibly repeated when not de-duplicated) and codes over them. */
const columns = fc
  .record({
    dictionary: fc.array(cell, { maxLength: 40 }),
    unique: fc.constantFrom(true, false, undefined),
    rows: fc.array(fc.nat(), { maxLength: 80 })
  })
  .map(({ dictionary, unique, rows }): DictionaryColumn => {
    const entries = unique === true ? [...new Set(dictionary)] : dictionary
    const codes = Uint32Array.from(entries.length === 0 ? [] : rows.map((r) => r % entries.length))
    return { dictionary: entries, codes, unique }
  })

const tokenSets = fc.constantFrom<ReadonlySet<string>>(new Set(['']), new Set(['', 'n/a', 'unknown', '-', 'null']))

describe('a column’s distinct values as two lists', () => {
  it('are the values and counts one object per used entry would give, in the same order', () => {
    fc.assert(
      fc.property(columns, tokenSets, (column, tokens) => {
        const counts = countCodes(column)
        const distinct = countDistinct(column, counts, tokens)
        expect(valueCounts(distinct)).toEqual(reference(column, counts, tokens).values)
        expect(distinct.missingCount).toBe(reference(column, counts, tokens).missingCount)
        expect(distinct.values.length).toBe(distinct.counts.length)
        for (let i = 0; i < distinct.counts.length; i++) expect(distinct.counts[i]).toBeGreaterThan(0)
      }),
      { numRuns: 400 }
    )
  })

  it('hand back a plain column’s own dictionary and counts, uncopied', () => {
    const column: DictionaryColumn = { dictionary: ['A-1', 'A-2', 'A-3'], codes: Uint32Array.of(0, 1, 2, 2), unique: false }
    const counts = countCodes(column)
    const distinct = countDistinct(column, counts, new Set(['']))
    expect(distinct.values).toBe(column.dictionary)
    expect(distinct.counts).toBe(counts)
  })

  it('filter as Array.filter would, and count the rows dropped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 9 })), { maxLength: 30 }),
        fc.string({ maxLength: 1 }),
        (pairs, drop) => {
          const distinct = { values: pairs.map(([v]) => v), counts: pairs.map(([, c]) => c) }
          const keep = (value: string) => !value.startsWith(drop) || drop === ''
          const kept = filterDistinct(distinct, keep)
          const expected = pairs.filter(([v]) => keep(v))
          expect(valueCounts(kept)).toEqual(expected.map(([value, count]) => ({ value, count })))
          expect(kept.dropped).toBe(pairs.filter(([v]) => !keep(v)).reduce((sum, [, c]) => sum + c, 0))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('are sampled as an even spread that keeps every k-th value', () => {
    const distinct = { values: Array.from({ length: 10 }, (_, i) => `v${i}`), counts: Array.from({ length: 10 }, (_, i) => i + 1) }
    expect(sampleDistinct(distinct, 20)).toEqual(valueCounts(distinct))
    expect(sampleDistinct(distinct, 4)).toEqual([
      { value: 'v0', count: 1 },
      { value: 'v2', count: 3 },
      { value: 'v5', count: 6 },
      { value: 'v7', count: 8 }
    ])
  })

  it('after placeholders are decided, leave out exactly the values spelled as missing', () => {
    fc.assert(
      fc.property(columns, (column) => {
        const counts = countCodes(column)
        const hints = new Set(['', 'n/a', 'unknown', '-', 'null', '999'])
        const decided = columnMissing('Column', column, counts, hints)
        const expected = reference(column, counts, decided.missing)
        expect(valueCounts(decided.distinct)).toEqual(expected.values)
        expect(decided.distinct.missingCount).toBe(expected.missingCount)
      }),
      { numRuns: 400 }
    )
  })

  it('hand their type to the profile only when it was read from these very values, and the profile is the same', () => {
    let handed = 0
    let withheld = 0
    fc.assert(
      fc.property(columns, fc.constantFrom('Column', 'Close Date', 'Amount'), (column, name) => {
        const counts = countCodes(column)
        const hints = new Set(['', 'n/a', 'unknown', '-', 'null', '999'])
        const decided = columnMissing(name, column, counts, hints)
        const options = {
          name,
          index: 0,
          column,
          counts,
          missingTokens: decided.missing,
          distinct: decided.distinct,
          placeholders: decided.placeholders
        }
        if (decided.inferred === undefined) withheld++
        else {
          handed++
          // The values the type was read from are the profile's values: all of them, or all but
          // the hinted spellings (every one of which was then decided missing).
          const all = valueCounts(countDistinct(column, counts, new Set([''])))
          const unhinted = all.filter((v) => !hints.has(v.value.toLowerCase()))
          expect([all, unhinted]).toContainEqual(valueCounts(decided.distinct))
        }
        expect(profileColumn({ ...options, inferred: decided.inferred })).toEqual(profileColumn(options))
      }),
      { numRuns: 1000 }
    )
    expect(handed).toBeGreaterThan(20)
    expect(withheld).toBeGreaterThan(20)
  })
})
