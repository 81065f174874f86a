import type { Database } from 'better-sqlite3'
import { basename } from 'node:path'
import type { ColumnType } from '@shared/domain/dataset'
import type { AttributeChoice, PlacePart, ProspectSource } from '@shared/domain/prospects'
import { countCodes } from '@shared/engine/dictionary-column'
import { readBands, type NumberBands, type ProspectColumnData } from '@shared/prospects/prospect-column'
import { DICTIONARY_PARAMETER, decodeCodes, decodeDictionary, encodeCodes, encodeColumnDictionary } from '../store/column-codec'
import { dictionaryEntries } from './dictionary-entries'
import type { StagedFile } from '../import/staged-file'

export interface ProspectListRecord {
  id: number
  source: ProspectSource
  sourceReason: string
  fileName: string
  format: string
  sheetName: string | null
  rowCount: number
  importedAt: string
}

/** Replaces the workspace's prospect list with a staged file, in one transaction. */
export function saveProspectList(db: Database, staged: StagedFile, source: ProspectSource, sourceReason: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM prospect_list').run()
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO prospect_list (source, source_reason, file_name, format, sheet_name, row_count, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`
      )
      .run(source, sourceReason, basename(staged.fileName), staged.format, staged.sheetName, staged.rowCount, new Date().toISOString())
    const insert = db.prepare(
      `INSERT INTO prospect_column (list_id, position, name, type, date_order, multi_separators, missing_tokens,
         dictionary, dictionary_unique, code_width, codes, bands) VALUES (?, ?, ?, ?, ?, ?, ?, ${DICTIONARY_PARAMETER}, ?, ?, ?, ?)`
    )
    const seen = new Set<string>()
    staged.profiles.forEach((profile, position) => {
      // A file with two columns of one name keeps the first; the second is renamed so both stay visible.
      let name = profile.name.trim() || `Column ${position + 1}`
      while (seen.has(name)) name = `${name} (${position + 1})`
      seen.add(name)
      const data = staged.columns[position]!
      const { width, bytes } = encodeCodes(data)
      const missing = staged.columnMissing[position] ?? ['']
      const bands =
        profile.type === 'number' || profile.type === 'range'
          ? encodeBands(readBands(data.dictionary, new Set(missing.map((t) => t.toLowerCase()))))
          : null
      insert.run(
        Number(lastInsertRowid),
        position,
        name,
        profile.type,
        profile.dateOrder,
        profile.multiSeparators,
        JSON.stringify(missing),
        encodeColumnDictionary(data),
        data.unique === true ? 1 : 0,
        width,
        bytes,
        bands
      )
    })
  })()
}

function encodeBands(bands: NumberBands): Buffer {
  const n = bands.state.length
  const out = Buffer.alloc(17 * n)
  Buffer.from(bands.low.buffer, bands.low.byteOffset, 8 * n).copy(out, 0)
  Buffer.from(bands.high.buffer, bands.high.byteOffset, 8 * n).copy(out, 8 * n)
  Buffer.from(bands.state.buffer, bands.state.byteOffset, n).copy(out, 16 * n)
  return out
}

function decodeBands(blob: Buffer): NumberBands {
  const n = blob.length / 17
  // Copied into an aligned buffer: a Float64Array cannot start at an odd offset of SQLite's blob.
  const aligned = new ArrayBuffer(blob.length)
  new Uint8Array(aligned).set(blob)
  return { low: new Float64Array(aligned, 0, n), high: new Float64Array(aligned, 8 * n, n), state: new Uint8Array(aligned, 16 * n, n) }
}

export function readProspectList(db: Database): ProspectListRecord | null {
  const row = db
    .prepare(
      `SELECT id, source, source_reason AS sourceReason, file_name AS fileName, format, sheet_name AS sheetName,
              row_count AS rowCount, imported_at AS importedAt FROM prospect_list`
    )
    .get() as ProspectListRecord | undefined
  return row ?? null
}

/**
 * The list's columns, each read from the file on first use of its values: scoring reads only
 * the columns the mapping names (a list tool's export has a dozen unique columns, ids and URLs,
 * whose dictionaries cost more to parse than all the scoring).
 */
export function readProspectColumns(db: Database, list: ProspectListRecord): ProspectColumnData[] {
  const heads = db
    .prepare(
      'SELECT position, name, type, multi_separators AS multiSeparators, missing_tokens AS missingTokens FROM prospect_column WHERE list_id = ? ORDER BY position'
    )
    .all(list.id) as Array<{ position: number; name: string; type: ColumnType; multiSeparators: string | null; missingTokens: string }>
  const values = db.prepare('SELECT dictionary, code_width AS codeWidth, codes FROM prospect_column WHERE list_id = ? AND position = ?')
  const bandsOf = db.prepare('SELECT bands FROM prospect_column WHERE list_id = ? AND position = ?').pluck()
  const codesOnly = db.prepare('SELECT code_width AS codeWidth, codes FROM prospect_column WHERE list_id = ? AND position = ?')
  const dictionaryText = db.prepare('SELECT dictionary FROM prospect_column WHERE list_id = ? AND position = ?').pluck()
  return heads.map((head) => {
    let data: { dictionary: string[]; codes: Uint32Array; counts: Uint32Array } | null = null
    let bands: NumberBands | null | undefined
    const load = () => {
      if (data) return data
      const row = values.get(list.id, head.position) as { dictionary: string; codeWidth: number; codes: Buffer }
      const dictionary = decodeDictionary(row.dictionary)
      const codes = decodeCodes(row.codes, row.codeWidth, list.rowCount)
      data = { dictionary, codes, counts: countCodes({ dictionary, codes }) }
      return data
    }
    let counts: Uint32Array | null = null
    const countsOnly = (): Uint32Array => {
      if (counts) return counts
      const blob = codesOnly.get(list.id, head.position) as { codeWidth: number; codes: Buffer }
      const codes = decodeCodes(blob.codes, blob.codeWidth, list.rowCount)
      let max = 0
      for (let i = 0; i < codes.length; i++) if (codes[i]! > max) max = codes[i]!
      counts = new Uint32Array(list.rowCount === 0 ? 0 : max + 1)
      for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++
      codesCache = codes
      return counts
    }
    let codesCache: Uint32Array | null = null
    return {
      name: head.name,
      type: head.type,
      missing: new Set((JSON.parse(head.missingTokens) as string[]).map((t) => t.toLowerCase())),
      multiSeparators: head.multiSeparators,
      get dictionary() {
        return load().dictionary
      },
      get codes() {
        return data ? data.codes : (codesCache ?? load().codes)
      },
      get counts() {
        // Counts need only the codes, not the dictionary.
        if (data) return data.counts
        return countsOnly()
      },
      get storedBands() {
        if (bands === undefined) {
          const blob = bandsOf.get(list.id, head.position) as Buffer | null
          bands = blob ? decodeBands(blob) : null
        }
        return bands
      },
      valuesAt(rows: readonly number[]): string[] {
        if (data) return rows.map((row) => data!.dictionary[data!.codes[row]!] ?? '')
        const blob = codesOnly.get(list.id, head.position) as { codeWidth: number; codes: Buffer }
        const codes = decodeCodes(blob.codes, blob.codeWidth, list.rowCount)
        if (rows.length === 0) return []
        const wanted = rows.map((row) => codes[row]!)
        const found = dictionaryEntries(dictionaryText.get(list.id, head.position) as string, new Set(wanted))
        return wanted.map((code) => found.get(code) ?? '')
      }
    }
  })
}

export function removeProspectList(db: Database): void {
  db.prepare('DELETE FROM prospect_list').run()
}

/** The consultant's mapping choices for lists from `source`. */
export function readChoices(db: Database, source: ProspectSource): AttributeChoice[] {
  const attributes = db
    .prepare(
      'SELECT attribute, column_name AS columnName, part, via, unit_factor AS unitFactor FROM prospect_attribute_map WHERE source = ?'
    )
    .all(source) as Array<{ attribute: string; columnName: string | null; part: PlacePart | null; via: 'naics' | null; unitFactor: number }>
  const values = db
    .prepare('SELECT attribute, prospect_value AS prospect, mapped_to AS mapped FROM prospect_value_map WHERE source = ?')
    .all(source) as Array<{
    attribute: string
    prospect: string
    mapped: string | null
  }>
  return attributes.map((a) => ({
    attribute: a.attribute,
    column: a.columnName,
    part: a.part,
    via: a.via,
    unitFactor: a.unitFactor,
    values: values.filter((v) => v.attribute === a.attribute).map(({ prospect, mapped }) => ({ prospect, mapped }))
  }))
}

/** Saves choices for `source` (replacing those of the same attributes), in one transaction. */
export function writeChoices(db: Database, source: ProspectSource, choices: readonly AttributeChoice[]): void {
  db.transaction(() => {
    const upsert = db.prepare(
      `INSERT INTO prospect_attribute_map (source, attribute, column_name, part, via, unit_factor) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (source, attribute) DO UPDATE SET column_name = excluded.column_name, part = excluded.part,
         via = excluded.via, unit_factor = excluded.unit_factor`
    )
    const clearValues = db.prepare('DELETE FROM prospect_value_map WHERE source = ? AND attribute = ?')
    const insertValue = db.prepare('INSERT INTO prospect_value_map (source, attribute, prospect_value, mapped_to) VALUES (?, ?, ?, ?)')
    for (const choice of choices) {
      upsert.run(source, choice.attribute, choice.column, choice.part, choice.via, choice.unitFactor)
      clearValues.run(source, choice.attribute)
      for (const value of choice.values) insertValue.run(source, choice.attribute, value.prospect, value.mapped)
    }
  })()
}
