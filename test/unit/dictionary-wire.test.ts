import { describe, expect, it } from 'vitest'
import { packDictionary, unpackDictionary } from '../../src-main/backend/import/dictionary-wire'

describe('dictionaries crossing from the reading process', () => {
  const values = [
    '',
    'Acme',
    '',
    'Zürich AG — "quoted", with a comma',
    '\uD83D\uDE00 emoji',
    'a',
    '',
    'x'.repeat(40),
    '\uD800 lone half',
    ''
  ]

  it('come back exactly, empty values and non-Latin text included', () => {
    expect(unpackDictionary(packDictionary(values))).toEqual(values)
    expect(unpackDictionary(packDictionary([]))).toEqual([])
    expect(unpackDictionary(packDictionary(['']))).toEqual([''])
  })

  it('come back exactly when the values are spread over several parts', () => {
    for (const partChars of [1, 3, 5, 40, 41]) {
      const wire = packDictionary(values, partChars)
      expect(wire.parts.length).toBeGreaterThan(1)
      expect(unpackDictionary(wire)).toEqual(values)
    }
  })
})
