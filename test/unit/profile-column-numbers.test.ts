/**
 * A number or date column's profile: the histogram covers exactly the values that parse, each
 * weighted by its rows, and the unit reads the parsed numbers. profileColumn fills these into
 * lists sized up front, so values that do not parse must leave no trace in them.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countCodes, DictionaryColumnBuilder } from '@shared/engine/dictionary-column'
import { profileColumn } from '@shared/import/profile-column'
import { missingTokenSet, parseNumber } from '@shared/import/values'

function profile(name: string, cells: readonly string[], type?: 'number' | 'date') {
  const builder = new DictionaryColumnBuilder(16)
  for (const cell of cells) builder.push(cell)
  const column = builder.finish()
  return profileColumn({
    name,
    index: 0,
    column,
    counts: countCodes(column),
    missingTokens: missingTokenSet(['']),
    ...(type ? { type } : {})
  })
}

describe('a number column profile', () => {
  it('bins only the parsed values, by their rows, between their own minimum and maximum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 2, maxLength: 300 }),
        fc.array(fc.constantFrom('n/a?', 'lots', 'see notes'), { maxLength: 20 }),
        (numbers, words) => {
          const cells = [...numbers.map(String), ...words]
          const result = profile('Amount', cells, 'number')
          const parsed = cells.map((c) => parseNumber(c)).filter((n): n is number => n !== null)
          expect(result.unparsedCount).toBe(words.length)
          const bins = result.histogram!
          expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(parsed.length)
          expect(bins[0]!.from).toBe(Math.min(...parsed))
          expect(bins[bins.length - 1]!.to).toBeCloseTo(Math.max(...parsed), 6)
        }
      ),
      { numRuns: 200 }
    )
  })

  it('reads the unit from the parsed numbers only', () => {
    // Five small whole numbers under a "tier" header are codes; a word that does not parse is no number.
    expect(profile('Tier', ['1', '2', '3', '2', 'unknown tier'], 'number').unit).toBe('code')
    expect(profile('Tier', ['1', '2', '3.5', '2'], 'number').unit).not.toBe('code')
  })

  it('gives a date column a histogram of its parsed days and no unit', () => {
    const result = profile('Close Date', ['2025-01-01', '2025-01-01', '2025-03-01', 'soon'], 'date')
    expect(result.unparsedCount).toBe(1)
    expect(result.unit).toBeNull()
    expect(result.histogram!.reduce((sum, bin) => sum + bin.count, 0)).toBe(3)
    expect(result.histogram![0]!.from).toBe(Date.UTC(2025, 0, 1))
  })
})
