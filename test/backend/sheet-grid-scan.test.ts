/**
 * The byte walk that finds position attributes (position-attributes.ts) against the pattern it
 * replaced: on random XML-like bytes both find the same matches, value for value, so the grid
 * guard (sheet-grid.ts) refuses exactly the files it refused before.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forEachPositionValue } from '../../src-main/backend/import/read/position-attributes'
import { findOffGrid } from '../../src-main/backend/import/read/sheet-grid'

const PATTERN = /\s(?!xmlns:)(?:[\w.-]+:)?(?:r|ref|sqref)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

function byPattern(bytes: Uint8Array): Array<[number, string]> {
  const text = Buffer.from(bytes).toString('latin1')
  const out: Array<[number, string]> = []
  PATTERN.lastIndex = 0
  for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) out.push([PATTERN.lastIndex, m[1] ?? m[2] ?? ''])
  return out
}

function byWalk(bytes: Uint8Array): Array<[number, string]> {
  const out: Array<[number, string]> = []
  forEachPositionValue(bytes, 0, bytes.length, (from, to) => {
    out.push([to + 1, Buffer.from(bytes.subarray(from, to)).toString('latin1')])
    return false
  })
  return out
}

const PIECES = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\x0b',
  '\x0c',
  '\xa0',
  '\x85',
  'r',
  'ref',
  'sqref',
  'rr',
  'x:',
  'x14ac:',
  'a.b-c:',
  'xmlns:',
  'xmlns',
  ':',
  '=',
  ' = ',
  '"',
  "'",
  'A1',
  'XFD1048576',
  'XFE1',
  'A1048577',
  'ZZZZ9',
  'B2:C3',
  '$A$1',
  '<c ',
  '<row ',
  '>',
  '/>',
  '.',
  '-',
  '_',
  'é',
  '1',
  'z'
]

const xmlish = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => new Uint8Array(Buffer.from(parts.join(''), 'latin1')))

describe('the position attribute walk finds what the pattern found', () => {
  it('matches the pattern on random XML-like bytes', () => {
    fc.assert(
      fc.property(xmlish, (bytes) => {
        expect(byWalk(bytes)).toEqual(byPattern(bytes))
      }),
      { numRuns: 20_000 }
    )
  })

  it('matches the pattern on the cells writers write', () => {
    const xml = new Uint8Array(
      Buffer.from(
        '<worksheet xmlns="m" xmlns:r="rel"><dimension ref="A1:L9"/><sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r=\'B1\' s="1"/></row></sheetData>' +
          '<mergeCells><mergeCell ref="A1:B1"/></mergeCells><dataValidations><dataValidation sqref="A2:A9 C2"/></dataValidations><x:c x:r="Q5"/></worksheet>',
        'latin1'
      )
    )
    expect(byWalk(xml)).toEqual(byPattern(xml))
    expect(byWalk(xml).length).toBe(7)
  })

  it('finds the first reference outside the grid, as before', () => {
    const part = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'))
    expect(findOffGrid('s.xml', part('<c r="A1"/><c r="XFD1048576"/>'))).toBeNull()
    expect(findOffGrid('s.xml', part('<c r="A1"/><c r="XFE1"/>'))).toEqual({ reference: 'XFE1', part: 's.xml' })
    expect(findOffGrid('s.xml', part('<m ref="A1:A1048577"/>'))).toEqual({ reference: 'A1048577', part: 's.xml' })
    expect(findOffGrid('s.xml', part("<d sqref='B2 ZZZZ9'/>"))).toEqual({ reference: 'ZZZZ9', part: 's.xml' })
    expect(findOffGrid('s.xml', part('<row x:r="2000000000"/>'))).toEqual({ reference: 'row 2,000,000,000', part: 's.xml' })
    expect(findOffGrid('s.xml', part('<w xmlns:r="ZZZZ9"/>'))).toBeNull()
  })
})
