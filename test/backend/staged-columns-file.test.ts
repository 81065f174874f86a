import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DictionaryColumn } from '../../src-main/shared/engine/dictionary-column'
import { readStagedColumns, StagedColumnsWriter } from '../../src-main/backend/import/staged-columns-file'
import { encodeColumnDictionary } from '../../src-main/backend/store/column-codec'

const values = [
  '',
  'Acme',
  '',
  'Zürich AG — "quoted", with a comma',
  '\uD83D\uDE00 emoji',
  'a',
  '',
  'x'.repeat(40),
  '日本語の会社',
  '\uD800 lone half',
  'tail \uDFFF',
  'back\\slash\nnew line\u0000nul',
  ''
]

function column(dictionary: string[], unique = false): DictionaryColumn {
  const codes = new Uint32Array(dictionary.length * 3)
  for (let r = 0; r < codes.length; r++) codes[r] = (r * 7) % Math.max(1, dictionary.length)
  return { dictionary, codes, unique }
}

describe('columns handed from the reading process through a file', () => {
  const folders: string[] = []
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })))
  const roundTrip = (columns: DictionaryColumn[], slice?: number) => {
    const folder = mkdtempSync(join(tmpdir(), 'icp-staged-test-'))
    folders.push(folder)
    const path = join(folder, 'columns.bin')
    const writer = new StagedColumnsWriter(path, slice)
    const sections = columns.map((c) => writer.write(c))
    writer.close()
    return { sections, back: readStagedColumns(path, sections), bytes: statSync(path).size }
  }

  it('come back exactly: codes, values (empty, non-Latin, lone surrogate halves, control characters) and whether the column is unique', () => {
    const columns = [column(values), column([], true), column(['']), column(['only'], true)]
    const { back } = roundTrip(columns)
    expect(back).toEqual(columns)
    back.forEach((c, i) => expect(c.dictionary).toStrictEqual(columns[i]!.dictionary))
  })

  it('are saved as the text they crossed as, the same text a column built from its values is saved as', () => {
    const columns = [column(values), column(['Acme', 'Globex'], true)]
    const { back } = roundTrip(columns)
    back.forEach((c, i) => expect(encodeColumnDictionary(c)).toBe(JSON.stringify(columns[i]!.dictionary)))
    // A column made anew from a staged one (cleaned, merged) is encoded from its own values.
    const cleaned = { ...back[1]!, dictionary: ['ACME', 'GLOBEX'] }
    expect(encodeColumnDictionary(cleaned)).toBe('["ACME","GLOBEX"]')
  })

  it('are the same text when a column is written a few values at a time', () => {
    for (const slice of [1, 2, 5, 12, 13, 14]) {
      const { back } = roundTrip([column(values), column([]), column([''])], slice)
      expect(back.map((c) => encodeColumnDictionary(c))).toEqual([JSON.stringify(values), '[]', '[""]'])
      expect(back[0]!.dictionary).toEqual(values)
    }
  })

  it('hold a column as its codes plus its stored text, not more', () => {
    const { bytes } = roundTrip([column(['Acme', 'Globex'])])
    // 6 codes of 4 bytes, then ["Acme","Globex"].
    expect(bytes).toBe(24 + 17)
  })
})
