import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DictionaryColumn } from '../../src-main/shared/engine/dictionary-column'
import { readStagedColumns, StagedColumnsWriter } from '../../src-main/backend/import/staged-columns-file'

const values = ['', 'Acme', '', 'Zürich AG — "quoted", with a comma', '\uD83D\uDE00 emoji', 'a', '', 'x'.repeat(40), '日本語の会社', '']

function column(dictionary: string[], unique = false): DictionaryColumn {
  const codes = new Uint32Array(dictionary.length * 3)
  for (let r = 0; r < codes.length; r++) codes[r] = (r * 7) % Math.max(1, dictionary.length)
  return { dictionary, codes, unique }
}

describe('columns handed from the reading process through a file', () => {
  const folders: string[] = []
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })))
  const roundTrip = (columns: DictionaryColumn[], partLimit?: number) => {
    const folder = mkdtempSync(join(tmpdir(), 'icp-staged-test-'))
    folders.push(folder)
    const path = join(folder, 'columns.bin')
    const writer = new StagedColumnsWriter(path, partLimit)
    const sections = columns.map((c) => writer.write(c))
    writer.close()
    return { sections, back: readStagedColumns(path, sections), bytes: statSync(path).size }
  }

  it('come back exactly: codes, values (empty and non-Latin ones), and whether the column is unique', () => {
    const columns = [column(values), column([], true), column(['']), column(['only'], true)]
    const { back, sections } = roundTrip(columns)
    expect(back).toEqual(columns)
    expect(sections.map((s) => s.encoding)).toEqual(['utf8', 'utf8', 'utf8', 'utf8'])
  })

  it('keep a lone surrogate half, which UTF-8 cannot carry, by writing that column as UTF-16', () => {
    const odd = column(['fine', '\uD800 lone half', 'tail \uDFFF'])
    const { back, sections } = roundTrip([column(values), odd])
    expect(back[1]!.dictionary).toEqual(odd.dictionary)
    expect(back[0]).toEqual(column(values))
    expect(sections.map((s) => s.encoding)).toEqual(['utf8', 'utf16le'])
  })

  it('come back exactly when the values are spread over several parts', () => {
    for (const partLimit of [1, 3, 5, 40, 121, 122]) {
      const { back, sections } = roundTrip([column(values), column(['\uDC00', 'x', ''])], partLimit)
      expect(sections[0]!.partBytes.length).toBeGreaterThan(1)
      expect(back[0]!.dictionary).toEqual(values)
      expect(back[1]!.dictionary).toEqual(['\uDC00', 'x', ''])
    }
  })

  it('holds a column as its codes plus its text, not more', () => {
    const { bytes } = roundTrip([column(['Acme', 'Globex'])])
    // 6 codes of 4 bytes, 2 lengths of 4 bytes, 10 bytes of text.
    expect(bytes).toBe(24 + 8 + 10)
  })
})
