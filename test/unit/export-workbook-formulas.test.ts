import { describe, expect, it } from 'vitest'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import type { Scorecard } from '@shared/engine/scorecard/model'
import { representativeDeals, scoredAccountsTable, type ScoredAccountsTable } from '@shared/export/scored-accounts'
import {
  ACCOUNTS_SHEET,
  accountFormulas,
  columnLetter,
  scaleFormulas,
  SCORECARD_SHEET,
  scorecardLayout,
  type AccountColumns
} from '@shared/export/workbook-formulas'
import { Workbook, type CellValue } from '../support/formula-eval'
import { mulberry32, randomDataset, randomInt, randomScorecard } from './engine-fixtures'

type Cells = Map<string, { value?: CellValue; formula?: string }>

/** The two sheets as the workbook writer lays them out, built from the same layout functions. */
function sheetsOf(scorecard: Scorecard, table: ScoredAccountsTable) {
  const layout = scorecardLayout(scorecard)
  const scorecardCells: Cells = new Map()
  scorecard.criteria.forEach((c, i) => scorecardCells.set(`E${layout.criterionRows[i]}`, { value: c.points }))
  for (const cap of layout.caps) scorecardCells.set(`E${cap.row}`, { value: cap.cap })
  const scale = scaleFormulas(layout)
  scorecardCells.set(`E${layout.minRow}`, { formula: scale.min })
  scorecardCells.set(`E${layout.maxRow}`, { formula: scale.max })
  scorecardCells.set(`E${layout.rangeRow}`, { formula: scale.range })
  scorecard.tiers.forEach((t, i) => {
    scorecardCells.set(`B${layout.tierRows[i]}`, { value: t.name })
    scorecardCells.set(`E${layout.tierRows[i]}`, { value: t.min })
  })
  const n = scorecard.criteria.length
  const columns: AccountColumns = {
    score: 'C',
    tier: 'D',
    points: 'E',
    knockout: 'F',
    criteria: scorecard.criteria.map((_, i) => columnLetter(10 + i)),
    matches: scorecard.criteria.map((_, i) => columnLetter(10 + n + i))
  }
  const accountCells: Cells = new Map()
  table.accounts.forEach((account, index) => {
    const r = index + 2
    const f = accountFormulas(layout, columns, r, scorecard.tiers.length)
    accountCells.set(`C${r}`, { formula: f.score })
    accountCells.set(`D${r}`, { formula: f.tier })
    accountCells.set(`E${r}`, { formula: f.points })
    if (account.knockout !== null) accountCells.set(`F${r}`, { value: account.knockout })
    scorecard.criteria.forEach((_, i) => {
      accountCells.set(`${columns.criteria[i]}${r}`, { formula: f.criterion(i) })
      accountCells.set(`${columns.matches[i]}${r}`, { value: account.matches[i]! })
    })
  })
  const book = new Workbook({
    [SCORECARD_SHEET]: { get: (ref) => scorecardCells.get(ref) },
    [ACCOUNTS_SHEET]: { get: (ref) => accountCells.get(ref) }
  })
  return { book, layout, scorecardCells }
}

describe('the workbook formulas re-score like the engine', () => {
  it('every account, for random scorecards, after changing points, caps and tier minimums', () => {
    const random = mulberry32(11)
    for (let trial = 0; trial < 120; trial++) {
      const data = randomDataset(random, randomInt(random, 1, 80))
      const scorecard = randomScorecard(random)
      const compiled = compileScorecard(scorecard, data)
      const table = scoredAccountsTable(compiled, scoreCompiled(compiled), data)
      const { book, layout, scorecardCells } = sheetsOf(scorecard, table)
      const check = (expected: Scorecard) => {
        const engine = compileScorecard(expected, data)
        const scored = scoreCompiled(engine)
        const tierNames = expected.tiers.map((t) => t.name)
        book.reset()
        table.accounts.forEach((account, index) => {
          const r = index + 2
          const tier = scored.tiers[account.row]!
          expect(book.value(ACCOUNTS_SHEET, `E${r}`), `points, trial ${trial}`).toBe(scored.raw[account.row])
          expect(book.value(ACCOUNTS_SHEET, `C${r}`), `score, trial ${trial}`).toBe(scored.scores[account.row])
          expect(book.value(ACCOUNTS_SHEET, `D${r}`)).toBe(tier < 0 ? 'Disqualified' : tierNames[tier])
        })
      }
      check(scorecard)
      if (scorecard.criteria.length > 0) {
        const i = randomInt(random, 0, scorecard.criteria.length - 1)
        const points = randomInt(random, -30, 40)
        scorecardCells.set(`E${layout.criterionRows[i]}`, { value: points })
        const changed = { ...scorecard, criteria: scorecard.criteria.map((c, j) => (j === i ? { ...c, points } : c)) }
        check(changed)
        const cap = layout.caps[0]
        if (cap) {
          scorecardCells.set(`E${cap.row}`, { value: 3 })
          check({ ...changed, attributeCaps: changed.attributeCaps!.map((c) => (c.attribute === cap.attribute ? { ...c, cap: 3 } : c)) })
        }
      }
    }
  })

  it('an account is scored by its most recent deal (close date, else the later deal in the data)', () => {
    const random = mulberry32(5)
    const data = randomDataset(random, 200)
    const chosen = representativeDeals(data)
    for (let row = 0; row < data.rowCount; row++) {
      const account = data.accountIndex[row]!
      if (account < 0) continue
      const pick = chosen[account]!
      const at = (r: number) => (Number.isNaN(data.closedAt[r]!) ? -Infinity : data.closedAt[r]!)
      expect(at(pick) > at(row) || (at(pick) === at(row) && pick >= row)).toBe(true)
    }
  })

  it('lays out inputs in column E and writes the scale from the points', () => {
    const scorecard = randomScorecard(mulberry32(3))
    const layout = scorecardLayout(scorecard)
    expect(layout.criterionRows[0]).toBe(5)
    expect(columnLetter(0)).toBe('A')
    expect(columnLetter(25)).toBe('Z')
    expect(columnLetter(26)).toBe('AA')
    expect(columnLetter(701)).toBe('ZZ')
    expect(columnLetter(702)).toBe('AAA')
    expect(scaleFormulas(scorecardLayout({ ...scorecard, criteria: [] })).max).toBe('0')
  })
})
