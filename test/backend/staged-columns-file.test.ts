import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DictionaryColumn } from '../../src-main/shared/engine/dictionary-column'
import { readStagedColumns, StagedColumnsWriter } from '../../src-main/backend/import/staged-columns-file'
import { encodeColumnDictionary } from '../../src-main/backend/store/column-codec'
import { listTables, readColumnData, replaceTable } from '../../src-main/backend/store/dataset-queries'
import { createWorkspaceFile } from '../../src-main/backend/store/workspace-file'

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

/** The JSON text a column is saved as, whether it is held as a string or as its UTF-8 bytes. */
function storedText(column: DictionaryColumn): string {
  const text = encodeColumnDictionary(column)
  return typeof text === 'string' ? text : Buffer.from(text).toString('utf8')
}

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
    const writer = new StagedColumnsWriter(path, 0, slice)
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

  it('come back from the parts two writers wrote, each column from the part its section names', () => {
    const folder = mkdtempSync(join(tmpdir(), 'icp-staged-test-'))
    folders.push(folder)
    const path = join(folder, 'columns.bin')
    const columns = [column(values), column(['Acme', 'Globex'], true), column(['x', 'y', 'z']), column([''])]
    const writers = [new StagedColumnsWriter(path, 0), new StagedColumnsWriter(path, 1)]
    // Written in turn, so that a section read from the wrong part would read another column's bytes.
    const sections = columns.map((c, i) => writers[i % 2]!.write(c))
    writers.forEach((w) => w.close())
    expect(sections.map((s) => s.part)).toEqual([0, 1, 0, 1])
    expect(statSync(`${path}.1`).size).toBeGreaterThan(0)
    const back = readStagedColumns(path, sections)
    expect(back).toEqual(columns)
    back.forEach((c, i) => expect(c.dictionary).toStrictEqual(columns[i]!.dictionary))
  })

  it('are saved as the text they crossed as, the same text a column built from its values is saved as', () => {
    const columns = [column(values), column(['Acme', 'Globex'], true)]
    const { back } = roundTrip(columns)
    back.forEach((c, i) => expect(storedText(c)).toBe(JSON.stringify(columns[i]!.dictionary)))
    // A column made anew from a staged one (cleaned, merged) is encoded from its own values.
    const cleaned = { ...back[1]!, dictionary: ['ACME', 'GLOBEX'] }
    expect(storedText(cleaned)).toBe('["ACME","GLOBEX"]')
  })

  it('are the same text when a column is written a few values at a time', () => {
    for (const slice of [1, 2, 5, 12, 13, 14]) {
      const { back } = roundTrip([column(values), column([]), column([''])], slice)
      expect(back.map((c) => storedText(c))).toEqual([JSON.stringify(values), '[]', '[""]'])
      expect(back[0]!.dictionary).toEqual(values)
    }
  })

  it('hold a column as its codes plus its stored text, not more', () => {
    const { bytes } = roundTrip([column(['Acme', 'Globex'])])
    // 6 codes of 4 bytes, then ["Acme","Globex"].
    expect(bytes).toBe(24 + 17)
  })

  it('are saved into a workspace as the same TEXT a column built from its values is saved as, and read back', () => {
    const staged = roundTrip([column(values), column(['Acme', 'Globex'], true)]).back
    const built = [column(values), column(['Acme', 'Globex'], true)]
    const folder = mkdtempSync(join(tmpdir(), 'icp-staged-test-'))
    folders.push(folder)
    const db = createWorkspaceFile(join(folder, 'w.icpw'), 'w')
    try {
      const save = (kind: 'accounts' | 'deals', data: DictionaryColumn[]) =>
        db.transaction(() =>
          replaceTable(
            db,
            {
              kind,
              fileName: 'f.csv',
              format: 'csv',
              sheetName: null,
              encoding: 'utf-8',
              delimiter: ',',
              headerRow: 1,
              rowCount: data[0]!.codes.length,
              importedAt: 'now'
            },
            data.map((d, position) => ({
              position,
              name: `c${position}`,
              inferredType: 'text',
              type: 'text',
              role: 'attribute',
              category: null,
              dateOrder: null,
              multiSeparators: null,
              level: null,
              levelReason: null,
              roleReason: null,
              unit: null,
              missingTokens: [''],
              data: d
            }))
          )
        )()
      save('accounts', staged.slice(0, 1))
      save('deals', built.slice(0, 1))
      const rows = db.prepare('SELECT typeof(dictionary) AS kind, dictionary FROM source_column ORDER BY table_id').all() as Array<{
        kind: string
        dictionary: string
      }>
      // A dictionary that crossed as bytes is stored as TEXT (not a blob), equal to the text of one built from its values.
      expect(rows.map((r) => r.kind)).toEqual(['text', 'text'])
      expect(rows[0]!.dictionary).toBe(rows[1]!.dictionary)
      expect(rows[0]!.dictionary).toBe(JSON.stringify(values))
      const [accounts] = listTables(db)
      expect(readColumnData(db, accounts!, 0).dictionary).toStrictEqual(values)
    } finally {
      db.close()
    }
  })
})
