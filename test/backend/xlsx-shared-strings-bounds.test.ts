/**
 * The shared-strings table's bounds found in the bytes (xlsx-package.ts: sstBounds) against the
 * patterns they replaced, run over the part as latin1 text: the same items are read.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sstBounds } from '../../src-main/backend/import/read/xlsx-package'

const OPEN = /<(?:\w+:)?sst\b[^<>]*>/g
const CLOSE = /<\/(?:\w+:)?sst>/g

function byPattern(xml: Buffer): [number, number] | null {
  const text = xml.toString('latin1')
  OPEN.lastIndex = 0
  const open = OPEN.exec(text)
  if (open === null) return null
  CLOSE.lastIndex = OPEN.lastIndex
  const close = CLOSE.exec(text)
  return close === null ? null : [OPEN.lastIndex, close.index]
}

const PIECES = [
  '<',
  '>',
  '/',
  ':',
  'x',
  'x14',
  '_',
  'sst',
  'sst>',
  '</sst>',
  '</x:sst>',
  '</a:b:sst>',
  '<sst>',
  '<x:sst count="2">',
  '<sstx>',
  ' ',
  '<si><t>a</t></si>',
  '</',
  'é',
  '\n'
]

describe('the shared strings table bounds', () => {
  it('match the patterns on random markup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const xml = Buffer.from(pieces.join(''), 'latin1')
        expect(sstBounds(xml)).toEqual(byPattern(xml))
      }),
      { numRuns: 2000 }
    )
  })

  it('find an opening tag beyond the first 64 KB, and one whose attributes run past them', () => {
    const late = Buffer.from(`<?xml version="1.0"?>${' '.repeat(70_000)}<sst count="1"><si><t>a</t></si></sst>`, 'latin1')
    expect(sstBounds(late)).toEqual(byPattern(late))
    expect(sstBounds(late)).not.toBeNull()
    const long = Buffer.from(`<sst a="${'x'.repeat(70_000)}"><si><t>a</t></si></x:sst>`, 'latin1')
    expect(sstBounds(long)).toEqual(byPattern(long))
    expect(sstBounds(long)).not.toBeNull()
  })
})
