import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutralizeFormula, startsLikeFormula, toCsv } from '@shared/export/spreadsheet-text'
import { parseCsv } from '../support/parse-csv'

describe('formula injection', () => {
  it.each(['=HYPERLINK("http://evil.example","Click")', '+1', '-2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"])(
    'neutralises %j',
    (text) => {
      expect(startsLikeFormula(text)).toBe(true)
      expect(neutralizeFormula(text)).toBe(`'${text}`)
    }
  )

  it('leaves ordinary text and numbers alone', () => {
    for (const text of ['Acme Corp', ' =leading space', "'quoted", '1+1', '', 'Müller GmbH']) expect(neutralizeFormula(text)).toBe(text)
    expect(neutralizeFormula(-2)).toBe(-2)
    expect(neutralizeFormula(0)).toBe(0)
  })

  it('no CSV cell written from any string starts like a formula, and the text survives', () => {
    const risky = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map(([start, rest]) => start + rest)
    )
    fc.assert(
      fc.property(fc.array(risky, { minLength: 1, maxLength: 6 }), (values) => {
        const csv = toCsv(
          values.map((_, i) => `c${i}`),
          [values]
        )
        // Cells may contain line breaks inside quotes, so records are split by a parser, not by lines.
        const cells = parseCsv(csv)[1] ?? []
        expect(cells).toHaveLength(values.length)
        cells.forEach((cell, i) => {
          expect(startsLikeFormula(cell)).toBe(false)
          expect(cell).toBe(startsLikeFormula(values[i]!) ? `'${values[i]}` : values[i])
        })
      }),
      { numRuns: 500 }
    )
  })

  it('the predicate is exactly "starts with = + - @ tab or CR"', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        expect(startsLikeFormula(text)).toBe(['=', '+', '-', '@', '\t', '\r'].includes(text[0]!))
      }),
      { numRuns: 1000 }
    )
  })
})
