/**
 * A column whose entries the CSV byte path kept as the file's bytes (ByteSpanEntries) must
 * profile exactly as the same column given as a plain dictionary: the missing values and
 * placeholders decided, the distinct values, the type, the top values and the histogram. The
 * profiling reads such a column through its knownMissing and index views instead of strings.
 */
import { describe, expect, it } from 'vitest'
import { columnEntries, countCodes, type DictionaryColumn } from '@shared/engine/dictionary-column'
import { columnMissing, countDistinct, profileColumn } from '@shared/import/profile-column'
import { missingTokenSet } from '@shared/import/values'
import type { DistinctValues } from '@shared/import/distinct-values'
import { readTable } from '../../src-main/backend/import/read'
import { generateCrm, writeCsv } from '../../scripts/crm-generator/index'

const listed = (distinct: DistinctValues): unknown => ({
  values: Array.from({ length: distinct.values.length }, (_, i) => distinct.values.at(i)),
  counts: Array.from(distinct.counts),
  missingCount: distinct.missingCount
})

/** Each column profiled as read (with its byte-range entries) and as a plain dictionary. */
function expectSameProfiles(csv: string, choices?: ReadonlyMap<string, boolean>): number {
  const read = readTable(new TextEncoder().encode(csv), 'spans.csv', { columnar: true }, () => undefined)
  const hints = missingTokenSet()
  let viewed = 0
  read.columns!.forEach((stored: DictionaryColumn, index) => {
    const { entries: kept, codes, unique } = stored
    if (kept !== undefined) viewed++
    // Profiling reads a column kept as bytes through its views: asking for the whole dictionary
    // (a string per entry) is what the views are there to avoid.
    const column: DictionaryColumn =
      kept === undefined
        ? stored
        : {
            get dictionary(): string[] {
              throw new Error('profiling built the whole dictionary')
            },
            codes,
            unique,
            entries: kept
          }
    const name = read.headers[index]!
    const counts = countCodes(column)
    const asRead = columnMissing(name, column, counts, hints, choices)
    const profiledAsRead = profileColumn({ name, index, column, counts, missingTokens: asRead.missing, distinct: asRead.distinct })
    const entries = columnEntries(column)
    const plain: DictionaryColumn = {
      dictionary: Array.from({ length: entries.length }, (_, i) => entries.at(i)!),
      codes: column.codes,
      unique: column.unique
    }
    const asPlain = columnMissing(name, plain, counts, hints, choices)
    const profiledAsPlain = profileColumn({
      name,
      index,
      column: plain,
      counts,
      missingTokens: asPlain.missing,
      distinct: asPlain.distinct
    })
    expect(listed(asRead.distinct), name).toEqual(listed(asPlain.distinct))
    // Counted afresh under the decided spellings too (a re-profile does): several missing entries.
    expect(listed(countDistinct(column, counts, asRead.missing)), name).toEqual(listed(countDistinct(plain, counts, asPlain.missing)))
    expect(asRead.placeholders, name).toEqual(asPlain.placeholders)
    expect([...asRead.missing], name).toEqual([...asPlain.missing])
    expect(profiledAsRead, name).toEqual(profiledAsPlain)
  })
  return viewed
}

describe('a column read as byte ranges profiles as its plain dictionary does', () => {
  it('on a generated messy export', () => {
    const crm = generateCrm({ seed: 'span-profiles', accounts: 2000, deals: 21_000, mess: 'heavy' })
    expect(expectSameProfiles(new TextDecoder().decode(writeCsv(crm.deals)))).toBeGreaterThan(0)
  }, 120_000)

  it.each([
    ['with padded cells (no entry list can tell what is missing)', [' padded ']],
    ['with every cell trimmed (each list tells what is missing)', []]
  ])(
    'with blanks, placeholders in any case and sentinels after the switch, %s',
    (_, padded) => {
      // Ids, minutes and amounts all distinct: each column stops de-duplicating at row 20,000.
      const minute = (i: number): string => new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString().slice(0, 16).replace('T', ' ')
      const head = Array.from({ length: 20_001 }, (_, i) => `ID-${100_000 + i},${minute(i)},${1000 + i}`)
      const tail = ['', 'N/A', 'n/a', 'TBD', ...padded, '"quoted ""x"""', 'Zürich', 'unknown', '999', '-', 'ID-7']
      // Each odd cell in one column of an otherwise filled row, so that a blank is a blank cell.
      const rows = tail.flatMap((cell, i) => [
        `${cell},${minute(30_000 + i)},${i}`,
        `ID-a${i},${cell},${i}`,
        `ID-b${i},${minute(40_000 + i)},${cell}`
      ])
      const csv = ['Opportunity ID,Created Date,Amount', ...head, ...rows].join('\n')
      expect(expectSameProfiles(csv)).toBe(3)
      // The consultant's own choices: "unknown" is a value here, "999" is missing.
      expect(
        expectSameProfiles(
          csv,
          new Map([
            ['unknown', false],
            ['999', true]
          ])
        )
      ).toBe(3)
    },
    120_000
  )
})
