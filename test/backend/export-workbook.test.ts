import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import { compileScorecard } from '@shared/engine/scoring/compile'
import { scoreCompiled } from '@shared/engine/scoring/score'
import { representativeDeals } from '@shared/export/scored-accounts'
import { accountFormulas, scorecardLayout } from '@shared/export/workbook-formulas'
import { accountSheetColumns } from '../../src-main/backend/export/workbook-accounts-sheet'
import { scoredAccountsOf } from '../../src-main/backend/export/scored-accounts-export'
import { FORMULA_INJECTION_NAMES } from '../../scripts/crm-generator/names'
import { simulationFor } from '../../src-main/backend/simulate/run-simulation'
import { runCli } from '../../src-main/cli/run-cli'
import { testBackend, type TestBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { Workbook, type CellValue } from '../support/formula-eval'
import { skipBecause } from '../support/skip'
import { parseCsv } from '../support/parse-csv'
import { readZip } from '../support/zip-entries'
import { tempDir } from '../support/temp-dir'

/** The planted ICP plus a capped tech stack, a penalty and a knockout: every kind of term. */
function icpScorecard(): Scorecard {
  return {
    ...defaultScorecard('Core ICP'),
    criteria: [
      { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
      { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 500, points: 20 },
      { id: 'c3', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 15 },
      { id: 'c4', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['HubSpot', 'Snowflake'], points: 15 },
      { id: 'c5', category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 25 },
      { id: 'c6', category: 'Firmographic', attribute: 'Employees', op: 'gt', value: 5000, points: -10, label: 'Too big to move fast' }
    ],
    knockouts: [{ name: 'Education', attribute: 'Industry', op: 'in', values: ['Education'] }],
    attributeCaps: [{ attribute: 'Tech Stack', cap: 20 }]
  }
}

async function sample(dir: string): Promise<{ backend: TestBackend; id: number }> {
  const backend = testBackend(dir, 'native')
  await openSampleData(backend)
  const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
  await backend.call('scorecard-save', { id, scorecard: icpScorecard() })
  return { backend, id }
}

/** Per account id: the engine's score, tier and raw points of the deal the account is scored by. */
function engineScores(backend: TestBackend, scorecard: Scorecard) {
  const { db } = backend.context.session.require()
  const { view } = simulationFor(db, scorecard, 'won')
  const dataset = view.dataset
  const compiled = compileScorecard(scorecard, dataset)
  const scored = scoreCompiled(compiled)
  const byAccount = new Map<string, { row: number; score: number; tier: string; raw: number }>()
  representativeDeals(dataset).forEach((row) => {
    if (row < 0) return
    const tier = scored.tiers[row]!
    byAccount.set(dataset.accountIds[row]!, {
      row,
      score: scored.scores[row]!,
      tier: tier < 0 ? 'Disqualified' : scorecard.tiers[tier]!.name,
      raw: scored.raw[row]!
    })
  })
  return { byAccount, compiled, dataset }
}

/** Each account's outcome from its deals (won if any was won, lost if all were lost), read from the dataset. */
function accountOutcomes(backend: TestBackend, scorecard: Scorecard): Map<string, 'won' | 'lost' | 'open'> {
  const { db } = backend.context.session.require()
  const dataset = simulationFor(db, scorecard, 'won').view.dataset
  const won = new Set<number>()
  const open = new Set<number>()
  for (let row = 0; row < dataset.rowCount; row++) {
    const account = dataset.accountIndex[row]!
    if (account < 0) continue
    if (dataset.outcome[row] === 1) won.add(account)
    else if (dataset.outcome[row] === -1) open.add(account)
  }
  const outcomes = new Map<string, 'won' | 'lost' | 'open'>()
  representativeDeals(dataset).forEach((row, account) => {
    if (row >= 0) outcomes.set(dataset.accountIds[row]!, won.has(account) ? 'won' : open.has(account) ? 'open' : 'lost')
  })
  return outcomes
}

/** Accounts, decided, won and win rate per tier (and Disqualified), counted here from the engine's tiers. */
function tierStats(byAccount: Map<string, { tier: string }>, outcomes: Map<string, 'won' | 'lost' | 'open'>) {
  const stats = new Map<string, { accounts: number; decided: number; won: number; winRate: number | null }>()
  for (const [id, { tier }] of byAccount) {
    const entry = stats.get(tier) ?? { accounts: 0, decided: 0, won: 0, winRate: null }
    entry.accounts++
    const outcome = outcomes.get(id)
    if (outcome !== 'open') entry.decided++
    if (outcome === 'won') entry.won++
    entry.winRate = entry.decided > 0 ? entry.won / entry.decided : null
    stats.set(tier, entry)
  }
  return stats
}

const asEvaluatorSheet = (sheet: ExcelJS.Worksheet) => ({
  get(ref: string): { value?: CellValue; formula?: string } | undefined {
    const cell = sheet.getCell(ref)
    if (cell.type === ExcelJS.ValueType.Formula) return { formula: cell.formula }
    const value = cell.value
    return value === null || value === undefined ? undefined : { value: value as CellValue }
  }
})

async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  return book
}

describe('the XLSX workbook', () => {
  it('scores every account with live formulas whose cached values are the engine scores', async () => {
    const { backend, id } = await sample(tempDir())
    const file = await backend.call('export-workbook', { scorecardId: id })
    expect(file.fileName).toBe('Core ICP - ICP workbook.xlsx')
    const book = await readBook(file.bytes)
    expect(book.worksheets.map((s) => s.name)).toEqual(['ICP', 'Scorecard', 'Scored accounts', 'Bands', 'Data dictionary'])
    const sheet = book.getWorksheet('Scored accounts')!
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[]
    expect(headers.slice(0, 8)).toEqual(['Account ID', 'Account', 'Score', 'Tier', 'Points', 'Knocked out by', 'Deals', 'Outcome'])
    const scorecard = icpScorecard()
    const firstCriterion = headers.indexOf('Industry is SaaS, FinTech') + 1
    expect(firstCriterion).toBeGreaterThan(8)
    const { byAccount, compiled } = engineScores(backend, scorecard)
    expect(sheet.actualRowCount - 1).toBe(byAccount.size)
    // Shared formulas read back, row by row, as the formulas written for that row.
    const { db } = backend.context.session.require()
    const layout = scorecardLayout(scorecard)
    const columns = accountSheetColumns(scoredAccountsOf(db, scorecard))
    const seen = new Set<string>()
    for (let r = 2; r <= byAccount.size + 1; r++) {
      const row = sheet.getRow(r)
      const accountId = String(row.getCell(1).value)
      const expected = byAccount.get(accountId)!
      seen.add(accountId)
      const written = accountFormulas(layout, columns, r, scorecard.tiers.length)
      expect([row.getCell(3).formula, row.getCell(4).formula, row.getCell(5).formula], `row ${r}`).toEqual([
        written.score,
        written.tier,
        written.points
      ])
      for (const [col, want] of [
        [3, expected.score],
        [4, expected.tier],
        [5, expected.raw]
      ] as const) {
        const cell = row.getCell(col)
        expect(cell.type, `row ${r} col ${col}`).toBe(ExcelJS.ValueType.Formula)
        expect(cell.result, `row ${r} col ${col}`).toBe(want)
      }
      compiled.criteria.forEach(({ criterion, mask }, i) => {
        const cell = row.getCell(firstCriterion + i)
        expect(cell.type).toBe(ExcelJS.ValueType.Formula)
        expect(cell.formula).toMatch(new RegExp(`^[A-Z]+${r}\\*Scorecard!\\$E\\$${5 + i}$`))
        expect(cell.result).toBe(mask[expected.row] ? criterion.points : 0)
      })
    }
    expect(seen.size).toBe(byAccount.size)
    backend.close()
  })

  it('re-scores every account like the engine when a points cell and the cap change', async () => {
    const { backend, id } = await sample(tempDir())
    const book = await readBook((await backend.call('export-workbook', { scorecardId: id })).bytes)
    const scorecardSheet = book.getWorksheet('Scorecard')!
    const accounts = book.getWorksheet('Scored accounts')!
    scorecardSheet.getCell('E5').value = 4
    const capRow = scorecardSheet.getColumn(2).values.findIndex((v) => v === 'Tech Stack')
    expect(capRow).toBeGreaterThan(10)
    scorecardSheet.getCell(`E${capRow}`).value = 18
    const changed = icpScorecard()
    changed.criteria[0]!.points = 4
    changed.attributeCaps = [{ attribute: 'Tech Stack', cap: 18 }]
    const { byAccount } = engineScores(backend, changed)
    const evaluator = new Workbook({ Scorecard: asEvaluatorSheet(scorecardSheet), 'Scored accounts': asEvaluatorSheet(accounts) })
    let moved = 0
    for (let r = 2; r <= byAccount.size + 1; r++) {
      const expected = byAccount.get(String(accounts.getCell(`A${r}`).value))!
      expect(evaluator.value('Scored accounts', `C${r}`)).toBe(expected.score)
      expect(evaluator.value('Scored accounts', `D${r}`)).toBe(expected.tier)
      if (expected.score !== accounts.getCell(`C${r}`).result) moved++
    }
    expect(moved).toBeGreaterThan(100)
    backend.close()
  })

  it('is styled: header fills, number formats, frozen panes, autofilter, tier colours, inputs', async () => {
    const { backend, id } = await sample(tempDir())
    const book = await readBook((await backend.call('export-workbook', { scorecardId: id })).bytes)
    const accounts = book.getWorksheet('Scored accounts')!
    expect(accounts.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } })
    expect(accounts.getCell('A1').font?.bold).toBe(true)
    expect(accounts.getCell('C2').numFmt).toBe('0')
    expect(accounts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 })
    expect(String(accounts.autoFilter)).toMatch(/^A1:[A-Z]+\d+$/)
    expect(accounts.getColumn(2).width).toBeGreaterThan(20)
    const last = accounts.getRow(1).cellCount
    expect(String(accounts.getCell(1, last).value)).toMatch(/^Meets: /)
    expect(accounts.getColumn(last).hidden).toBe(true)
    const rules = (accounts as unknown as { conditionalFormattings: Array<{ rules: Array<{ formulae: string[] }> }> })
      .conditionalFormattings
    expect(rules.flatMap((cf) => cf.rules.map((rule) => rule.formulae[0]))).toEqual(
      expect.arrayContaining(['$D2="Disqualified"', expect.stringMatching(/^\$D2=Scorecard!\$B\$\d+$/)])
    )
    const scorecardSheet = book.getWorksheet('Scorecard')!
    expect(scorecardSheet.getCell('E5').value).toBe(30)
    expect(scorecardSheet.getCell('E5').fill).toMatchObject({ fgColor: { argb: 'FFFFF4CC' } })
    expect(scorecardSheet.getCell('E5').dataValidation).toMatchObject({ type: 'whole' })
    expect(scorecardSheet.views[0]).toMatchObject({ state: 'frozen' })
    const tierRow = scorecardSheet.getColumn(2).values.findIndex((v) => v === 'A')
    expect(scorecardSheet.getCell(`D${tierRow}`).fill).toMatchObject({ fgColor: { argb: 'FF2F855A' } })
    const bands = book.getWorksheet('Bands')!
    expect(bands.getCell('E6').numFmt).toBe('0.0%')
    const icp = book.getWorksheet('ICP')!
    const icpText = icp
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n')
    expect(icpText).toContain('Definition by category')
    expect(icpText).toContain('Employees 51–500')
    expect(icpText).toContain('Industry is Education')
    const dictionary = book.getWorksheet('Data dictionary')!
    const industry = dictionary.getSheetValues().find((row) => Array.isArray(row) && row[2] === 'Industry') as unknown[]
    expect(industry[6]).toBe('yes')
    backend.close()
  })

  it("states the ICP sheet's points and tier figures as live formulas, the deal evidence marked as exported, and prints every sheet one page wide", async () => {
    const { backend, id } = await sample(tempDir())
    const book = await readBook((await backend.call('export-workbook', { scorecardId: id })).bytes)
    const icp = book.getWorksheet('ICP')!
    const rows: ExcelJS.Row[] = []
    icp.eachRow((row) => rows.push(row))
    const labelled = (text: string) => rows.find((row) => row.getCell(1).value === text)!
    // Every criterion's points read the Scorecard sheet's input cell, cached at the exported points.
    const pointCells = rows
      .filter((row) => /^(Industry|Employees|Tech Stack|Recently Raised) /.test(String(row.getCell(2).value ?? '')))
      .map((row) => row.getCell(3))
    expect(pointCells).toHaveLength(icpScorecard().criteria.length)
    for (const cell of pointCells) {
      expect(cell.type).toBe(ExcelJS.ValueType.Formula)
      expect(cell.formula).toMatch(/^Scorecard!\$E\$\d+$/)
    }
    // Tier rows: live accounts, decided, won and win rate, cached as counted here from the engine's tiers.
    const stats = tierStats(engineScores(backend, icpScorecard()).byAccount, accountOutcomes(backend, icpScorecard()))
    for (const tier of ['A', 'B', 'C', 'Disqualified']) {
      const row = labelled(tier)
      const want = stats.get(tier) ?? { accounts: 0, decided: 0, won: 0, winRate: null }
      for (const [column, value] of [
        [3, want.accounts],
        [4, want.decided],
        [5, want.won],
        [6, want.winRate ?? 'n/a']
      ] as const) {
        const cell = row.getCell(column)
        expect(cell.type, `${tier} ${column}`).toBe(ExcelJS.ValueType.Formula)
        expect(cell.formula, `${tier} ${column}`).toMatch(/'Scored accounts'!\$D\$2:\$D\$\d+/)
        expect(cell.result, `${tier} ${column}`).toEqual(value)
      }
    }
    expect(labelled('A').getCell(2).formula).toMatch(/Scorecard!\$E\$\d+/)
    const header = rows.find((row) => row.getCell(1).value === 'Tier')!
    expect((header.values as unknown[]).slice(7, 10)).toEqual([
      'Decided deals (as exported)',
      'Win rate (deals, as exported)',
      'Median cycle, days (as exported)'
    ])
    expect(labelled('AUC (as exported)')).toBeDefined()
    expect(labelled('Lift of A (accounts, live)').getCell(2).type).toBe(ExcelJS.ValueType.Formula)
    // Fit to one page wide, switched on, on every sheet.
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 })
    }
    expect(book.getWorksheet('Scored accounts')!.pageSetup.printTitlesRow).toBe('1:1')
    backend.close()
  })

  it('scores a table without an account key row by row', async () => {
    const dir = tempDir()
    const rows = ['Industry,Employees,Stage,Close Date']
    const industries = ['SaaS', 'FinTech', 'Retail', 'Education']
    for (let i = 0; i < 120; i++)
      rows.push(
        `${industries[i % 4]},${20 + ((i * 37) % 900)},${i % 3 === 0 ? 'Closed Won' : 'Closed Lost'},2025-${String(1 + (i % 12)).padStart(2, '0')}-15`
      )
    writeFileSync(join(dir, 'leads.csv'), rows.join('\n'))
    const backend = testBackend(dir, 'native')
    await backend.call('workspace-create', { name: 'Leads', path: 'leads.icpw' })
    const preview = await backend.call('import-inspect', { source: { kind: 'path', path: join(dir, 'leads.csv') } })
    await backend.call('import-commit', {
      stagingId: preview.stagingId,
      kind: preview.suggestedKind,
      columns: preview.columns.map((c) => ({ index: c.index, type: c.type, role: c.role, category: c.category })),
      outcomeMapping: preview.outcomeMapping.map((m) => ({ value: m.value, outcome: m.outcome })),
      mode: 'replace'
    })
    const { id } = await backend.call('scorecard-create', { name: 'Leads ICP' })
    const scorecard: Scorecard = {
      ...defaultScorecard('Leads ICP'),
      criteria: [
        { id: 'l1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
        { id: 'l2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 500, points: 20 }
      ]
    }
    await backend.call('scorecard-save', { id, scorecard })
    const book = await readBook((await backend.call('export-workbook', { scorecardId: id })).bytes)
    const sheet = book.getWorksheet('Scored accounts')!
    // One account per row of the table, each scored as the engine scores that row.
    expect(sheet.actualRowCount - 1).toBe(120)
    const { byAccount } = engineScores(backend, scorecard)
    expect(byAccount.size).toBe(120)
    for (let r = 2; r <= 121; r++) {
      const expected = byAccount.get(String(sheet.getCell(`A${r}`).value))!
      expect(sheet.getCell(`C${r}`).result).toBe(expected.score)
      expect(sheet.getCell(`G${r}`).value).toBe(1)
    }
    backend.close()
  })

  it('writes formula-like names from the data as text in XLSX and CSV', async () => {
    const { backend, id } = await sample(tempDir())
    const { dataset } = engineScores(backend, icpScorecard())
    const present = [...FORMULA_INJECTION_NAMES.values()].filter((name) => dataset.accountNames.includes(name))
    expect(present.length).toBeGreaterThanOrEqual(3)
    const book = await readBook((await backend.call('export-workbook', { scorecardId: id })).bytes)
    const accounts = book.getWorksheet('Scored accounts')!
    const cells = new Map<string, ExcelJS.Cell>()
    accounts.getColumn(2).eachCell((cell) => void cells.set(String(cell.value), cell))
    for (const name of present) {
      const cell = cells.get(name)
      expect(cell, name).toBeDefined()
      expect(cell!.type, name).toBe(ExcelJS.ValueType.String)
      expect(cell!.numFmt, name).toBe('@')
    }
    const csv = new TextDecoder().decode((await backend.call('export-scored-csv', { scorecardId: id })).bytes)
    for (const name of present) {
      expect(csv).toContain(`'${name.startsWith('=HYPERLINK') ? name.slice(0, 10) : name}`)
      expect(csv).not.toMatch(new RegExp(`(^|,)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'))
    }
    backend.close()
  })

  it('writes the same accounts in the CSV, with values instead of formulas', async () => {
    const { backend, id } = await sample(tempDir())
    const book = await readBook((await backend.call('export-workbook', { scorecardId: id })).bytes)
    const file = await backend.call('export-scored-csv', { scorecardId: id })
    expect(file.fileName).toBe('Core ICP - scored accounts.csv')
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trimEnd().split('\r\n')
    const accounts = book.getWorksheet('Scored accounts')!
    expect(lines).toHaveLength(accounts.actualRowCount)
    // Attribute columns keep the data's names; criteria read in the client's words, as on the one-pager.
    expect(lines[0]).toBe(
      'Account ID,Account,Score,Tier,Points,Knocked out by,Deals,Outcome,Industry,Employees,Tech Stack,Recently Raised,"Industry is SaaS, FinTech",Employees 51–500,Tech Stack includes any of Salesforce,"Tech Stack includes any of HubSpot, Snowflake",Recently Raised: yes,Too big to move fast,Reasons'
    )
    // Reason codes: the same text in the sheet (after the criteria, before the folded "Meets" flags) and the CSV.
    const headers = (accounts.getRow(1).values as unknown[]).slice(1).map(String)
    const reasonsAt = headers.indexOf('Reasons (as exported)') + 1
    expect(headers[reasonsAt]).toMatch(/^Meets: /)
    const rows = parseCsv(text.slice(1))
    let explained = 0
    for (let r = 2; r <= lines.length; r += 97) {
      const reasons = rows[r - 1]![rows[0]!.length - 1]!
      expect(String(accounts.getCell(r, reasonsAt).value)).toBe(reasons)
      if (/\([+-]\d+\)/.test(reasons)) explained++
    }
    expect(explained).toBeGreaterThan(0)
    for (let r = 2; r <= lines.length; r += 97) {
      const [accountId] = lines[r - 1]!.split(',')
      expect(accountId).toBe(String(accounts.getCell(`A${r}`).value))
      expect(lines[r - 1]).toContain(`,${accounts.getCell(`C${r}`).result},${accounts.getCell(`D${r}`).result},`)
    }
    backend.close()
  })
})

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0)

/** The workbook recalculated by LibreOffice headless, every sheet as CSV rows of raw values. */
function recalculate(dir: string, file: string): Map<string, string[][]> {
  // A profile that recalculates OOXML files on load; by default LibreOffice trusts cached results.
  const profile = join(dir, 'lo-profile')
  mkdirSync(join(profile, 'user'), { recursive: true })
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>'
  )
  const out = join(dir, 'csv')
  // Token 8 "false": raw values, not as formatted (a win rate as 0.4523…, not "45.2%"); -1: every sheet.
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1',
      '--outdir',
      out,
      file
    ],
    {
      stdio: 'pipe',
      timeout: 180_000
    }
  )
  const sheets = new Map<string, string[][]>()
  for (const name of readdirSync(out)) {
    const sheet = /-([^-]+)\.csv$/.exec(name)?.[1]
    if (!sheet) continue
    const rows = readFileSync(join(out, name), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')))
    sheets.set(sheet, rows)
  }
  return sheets
}

// Optional: LibreOffice is a large install, and the in-process evaluator above already
// recalculates the same formulas. Where it is installed it is a second, independent opinion.
describe('the workbook in LibreOffice', () => {
  it("recalculates every score, tier and the ICP sheet's points, tier counts and win rates after a points cell changes, as the engine rescores", async (ctx) => {
    if (!soffice)
      skipBecause(
        ctx,
        'LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui runs this second check of the formulas'
      )
    const dir = tempDir()
    const { backend, id } = await sample(dir)
    const book = await readBook((await backend.call('export-workbook', { scorecardId: id })).bytes)
    // "Employees 51-500" from 20 to 45 points, on the Scorecard sheet only.
    book.getWorksheet('Scorecard')!.getCell('E6').value = 45
    const changed = icpScorecard()
    changed.criteria[1]!.points = 45
    const edited = join(dir, 'edited.xlsx')
    await book.xlsx.writeFile(edited)
    const sheets = recalculate(dir, edited)

    const lines = sheets.get('Scored accounts')!
    const { byAccount } = engineScores(backend, changed)
    const before = engineScores(backend, icpScorecard()).byAccount
    expect(lines.length - 1).toBe(byAccount.size)
    let moved = 0
    for (const cells of lines.slice(1)) {
      const expected = byAccount.get(cells[0]!)!
      expect(Number(cells[2]), cells.join(',')).toBe(expected.score)
      expect(cells[3], cells.join(',')).toBe(expected.tier)
      expect(Number(cells[4]), cells.join(',')).toBe(expected.raw)
      if (expected.tier !== before.get(cells[0]!)!.tier) moved++
    }
    // The edit re-tiers accounts, so the figures below can only match if they follow it.
    expect(moved).toBeGreaterThan(20)

    const icp = sheets.get('ICP')!
    const rowOf = (label: string, column = 0) => icp.find((cells) => cells[column] === label)
    // LibreOffice writes a percent-formatted cell with its sign even as a raw value, at full precision.
    const percent = (text: string) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text))
    // Definition by category: every criterion's points, the edited one included, as the Scorecard sheet has them.
    const definition = icp.filter((cells) => /^(Industry|Employees|Tech Stack|Recently Raised) /.test(cells[1] ?? ''))
    const inPageOrder = changed.categories.flatMap((category) => changed.criteria.filter((c) => c.category === category.name))
    expect(definition.map((cells) => Number(cells[2]))).toEqual(inPageOrder.map((c) => c.points))
    expect(definition.map((cells) => Number(cells[2]))).toContain(45)
    // Tiers: live scores, accounts, decided, won and win rate equal a count of the engine's tiers.
    const stats = tierStats(byAccount, accountOutcomes(backend, changed))
    const changedStats = [...changed.tiers.map((t) => t.name), 'Disqualified']
    for (const tier of changedStats) {
      const cells = rowOf(tier)
      expect(cells, tier).toBeDefined()
      const want = stats.get(tier) ?? { accounts: 0, decided: 0, won: 0, winRate: null }
      expect(cells!.slice(2, 5).map(Number), tier).toEqual([want.accounts, want.decided, want.won])
      if (want.winRate === null) expect(cells![5], tier).toBe('n/a')
      else expect(percent(cells![5]!), `${tier}: ${cells!.join('|')}`).toBeCloseTo(want.winRate, 9)
    }
    expect(rowOf('A')![1]).toBe('80-100')
    expect(rowOf('C')![1]).toBe('0-59')
    // The lift of the top tier over every decided account, live.
    let won = 0
    let decided = 0
    for (const entry of stats.values()) {
      won += entry.won
      decided += entry.decided
    }
    const lift = rowOf('Lift of A (accounts, live)')
    expect(Number(lift![1])).toBeCloseTo(stats.get('A')!.winRate! / (won / decided), 9)
    // The deal-level evidence is marked as what it is: the history at the exported points.
    expect(icp.flat().join('\n')).toContain('Decided deals (as exported)')
    backend.close()
  }, 300_000)
})

describe('icp export', () => {
  async function icp(args: string[], cwd: string) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd })
    return { code, stdout: out.join('\n'), stderr: err.join('\n') }
  }

  it('writes the workbook, CSV, SQL and scorecard file, and refuses bad input without writing', async () => {
    const dir = tempDir()
    const { backend } = await sample(dir)
    backend.close()
    const ws = 'Sample workspace.icpw'
    const ok = await icp(
      [
        'export',
        ws,
        '--scorecard',
        'core icp',
        '--xlsx',
        'book.xlsx',
        '--csv',
        'acc.csv',
        '--sql',
        'score.sql',
        '--scorecard-file',
        'core.json',
        '--json'
      ],
      dir
    )
    expect(ok.stderr).toBe('')
    expect(ok.code).toBe(0)
    const json = JSON.parse(ok.stdout)
    expect(json.outputs.map((o: { kind: string }) => o.kind)).toEqual(['xlsx', 'csv', 'sql', 'scorecard-file'])
    expect(readFileSync(join(dir, 'book.xlsx')).subarray(0, 2).toString()).toBe('PK')
    expect(readFileSync(join(dir, 'score.sql'), 'utf8')).toContain('AS icp_score')
    expect(JSON.parse(readFileSync(join(dir, 'core.json'), 'utf8')).format).toBe('icp-scorecard/1')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])

    const none = await icp(['export', ws, '--scorecard', 'Core ICP'], dir)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Name at least one file')
    const unknown = await icp(['export', ws, '--scorecard', 'Nope', '--csv', 'x.csv'], dir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('scorecards: Core ICP')
    const folder = await icp(['export', ws, '--scorecard', 'Core ICP', '--csv', 'missing/x.csv', '--sql', 'y.sql'], dir)
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('does not exist')
    expect(existsSync(join(dir, 'x.csv')) || existsSync(join(dir, 'y.sql'))).toBe(false)
    const outcome = await icp(['export', ws, '--scorecard', 'Core ICP', '--xlsx', 'z.xlsx', '--outcome', 'maybe'], dir)
    expect(outcome.code).toBe(2)
    expect(existsSync(join(dir, 'z.xlsx'))).toBe(false)
  }, 60_000)

  it('writes the CRM hand-over pack for the CRM asked for, with what to check printed under it', async () => {
    const dir = tempDir()
    const { backend } = await sample(dir)
    backend.close()
    const ws = 'Sample workspace.icpw'
    const hubspot = await icp(['export', ws, '--scorecard', 'Core ICP', '--crm', 'hubspot', '--crm-pack', 'hs.zip'], dir)
    expect(hubspot.stderr).toBe('')
    expect(hubspot.code).toBe(0)
    expect(hubspot.stdout).toMatch(
      /Wrote the CRM hand-over pack to .*hs\.zip\n {2}! \d+ of \d+ field names are proposals nobody has confirmed yet/
    )
    const names = readZip(readFileSync(join(dir, 'hs.zip'))).map((e) => e.name)
    expect(names).toEqual(['HubSpot setup sheet.txt', 'ICP scores - HubSpot import.csv', 'hubspot-scoring.json'])
    const json = JSON.parse((await icp(['export', ws, '--scorecard', 'Core ICP', '--crm-pack', 'any.zip', '--json'], dir)).stdout)
    expect(json.outputs[0]).toMatchObject({ kind: 'crm-pack', notes: expect.any(Array) })
    expect(readZip(readFileSync(join(dir, 'any.zip'))).map((e) => e.name)).toContain('ICP scores.csv')

    const alone = await icp(['export', ws, '--scorecard', 'Core ICP', '--crm', 'salesforce'], dir)
    expect(alone.code).toBe(2)
    expect(alone.stderr).toContain('--crm-pack FILE.zip')
    const wrong = await icp(['export', ws, '--scorecard', 'Core ICP', '--crm', 'pipedrive', '--crm-pack', 'p.zip'], dir)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--crm is hubspot, salesforce or generic')
    expect(existsSync(join(dir, 'p.zip'))).toBe(false)
  }, 60_000)
})
