/**
 * A churn study (one row per customer, a Churn Yes/No flag, as telco exports look): the import
 * maps the flag's Yes to lost, so the "won" customers are the ones who stayed. The deliverable
 * must say so: "stay more often", "retention rate", "retained", never "win" or "won". The same
 * file with its flag named as a sales result keeps the sales words.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { OnePagerContent } from '@shared/domain/one-pager'
import { mulberry32 } from '@shared/engine/benchmark/seeded-random'
import { buildOnePagerContent } from '../../src-main/backend/export/one-pager-content'
import { runCli } from '../../src-main/cli/run-cli'
import { testBackend, type TestBackend } from '../support/backend'
import { importAsSuggested } from '../support/import-shape'
import { readPdf } from '../support/pdf'
import { tempDir } from '../support/temp-dir'

const DAY_MS = 86_400_000
const FIRST_DECISION = Date.UTC(2024, 6, 1)

/**
 * 1,500 customers whose contract length drives whether they leave; the flag column is `flag`.
 * `dated` adds the day each customer renewed or left, spread evenly over two years from July 2024,
 * and the day they became a customer, one to thirty months before.
 */
function churnCsv(flag: string, yes: string, no: string, dated = false): string {
  const random = mulberry32(42)
  const lines = [`customerID,Contract,PaperlessBilling,MonthlyCharges,${flag}${dated ? ',Decision Date,Customer Since' : ''}`]
  for (let i = 0; i < 1500; i++) {
    const contract = ['Month-to-month', 'One year', 'Two year'][Math.floor(random() * 3)]!
    const leaves = random() < (contract === 'Month-to-month' ? 0.45 : contract === 'One year' ? 0.12 : 0.04)
    const paperless = random() < 0.5 ? 'Yes' : 'No'
    const decidedOn = FIRST_DECISION + Math.floor((i * 730) / 1500) * DAY_MS
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
    const decided = dated ? `,${day(decidedOn)},${day(decidedOn - (30 + ((i * 37) % 900)) * DAY_MS)}` : ''
    lines.push(`C${String(i).padStart(5, '0')},${contract},${paperless},${(20 + random() * 90).toFixed(2)},${leaves ? yes : no}${decided}`)
  }
  return `${lines.join('\n')}\n`
}

async function suggested(
  flag: string,
  yes: string,
  no: string,
  dated = false
): Promise<{ backend: TestBackend; dir: string; id: number; suggested: string; content: OnePagerContent }> {
  const dir = tempDir()
  const backend = testBackend(dir, 'native')
  await backend.call('workspace-create', { name: 'Churn study', path: 'w.icpw' })
  const path = join(dir, 'customers.csv')
  writeFileSync(path, churnCsv(flag, yes, no, dated))
  await importAsSuggested(backend, path)
  if (dated) {
    // The consultant names the day each customer renewed or left as the date the outcome was
    // decided, and the day they became a customer as its start.
    const table = (await backend.call('dataset-summary', {})).tables[0]!
    for (const [name, role] of [
      ['Decision Date', 'closed-date'],
      ['Customer Since', 'created-date']
    ] as const) {
      const column = table.columns.find((c) => c.name === name)!
      await backend.call('dataset-set-column', { kind: table.kind, index: column.index, role })
    }
  }
  const { id, validation } = await backend.call('scorecard-suggest', { name: 'Retention ICP' })
  return {
    backend,
    dir,
    id,
    suggested: `${validation.description} ${validation.verdict.sentence}`,
    content: buildOnePagerContent(backend.context.session.require().db, id)
  }
}

/** Every sentence the page prints from the analysis and the evidence. */
function printed(content: OnePagerContent): string {
  return [
    ...content.draftedStatements,
    ...content.statementEvidence.filter((e): e is string => e !== null),
    ...content.scorecard.categories.flatMap((c) => c.criteria.map((x) => x.evidence ?? '')),
    content.analysis.headline,
    content.analysis.builtOn,
    content.analysis.validatedOn,
    ...content.analysis.limits,
    ...content.analysis.dataNeeded,
    ...content.evidence.notes
  ].join('\n')
}

const SALES_WORDS = /\bwins?\b|\bwon\b|\bwinning\b|win rate/i
/** A churn study's rows are customers: it has no deals, open or closed, and no sales cycle. */
const DEAL_WORDS = /\bdeals?\b|\bclosed\b|close dates?|sales cycle/i

describe('a churn study is said in retention words', { timeout: 180_000 }, () => {
  it('the one-pager, its PDF and the workbook say retained and churned, never won or win rate', async () => {
    const { backend, id, suggested: suggestedVerdict, content } = await suggested('Churn', 'Yes', 'No')
    try {
      expect(content.outcomeWords.kind).toBe('retained')
      const text = printed(content)
      expect(text).not.toMatch(SALES_WORDS)
      expect(text).not.toMatch(DEAL_WORDS)
      expect(content.analysis.strength).not.toBe('none')
      expect(content.draftedStatements.join(' ')).toMatch(/stay more often than the rest/)
      // No dates to tell new customers from old: the quarterly review is a fresh export.
      expect(content.draftedStatements).toContain('We re-test this profile every quarter on a fresh export of customers.')
      expect(content.analysis.builtOn).toMatch(/^1,500 customers \([\d,]+ retained\), without dates\./)

      const pdf = (await readPdf((await backend.call('export-pdf', { scorecardId: id })).bytes)).text.replace(/\s+/g, ' ')
      expect(pdf).toMatch(/who stays with us/i)
      expect(pdf).toMatch(/retention rate/i)
      expect(pdf).not.toMatch(SALES_WORDS)
      expect(pdf).toMatch(/evidence from retained and churned customers/i)
      expect(pdf).toMatch(/figures from 1,500 customers/i)
      expect(pdf).not.toMatch(DEAL_WORDS)

      // The screens read the same words (dataset summary), and Discover's and Simulate's check of the
      // saved scorecard on held-out customers says them too.
      expect((await backend.call('dataset-summary', {})).outcomeWords).toEqual(content.outcomeWords)
      const validation = await backend.call('scorecard-validate', { scorecardId: id, target: 'won' })
      expect(`${validation.description} ${validation.verdict.sentence}`).not.toMatch(SALES_WORDS)
      expect(validation.description).not.toMatch(DEAL_WORDS)
      expect(validation.verdict.sentence).toMatch(/retained accounts/)
      // Discover's suggestion says its verdict on the held-out customers the same way.
      expect(suggestedVerdict).toMatch(/on the held-out customers/)
      expect(suggestedVerdict).not.toMatch(SALES_WORDS)
      expect(suggestedVerdict).not.toMatch(DEAL_WORDS)

      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from((await backend.call('export-workbook', { scorecardId: id })).bytes) as unknown as ExcelJS.Buffer)
      const cells: string[] = []
      book.getWorksheet('ICP')!.eachRow((row) => cells.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')))
      expect(cells).toContain('Retention rate (accounts)')
      expect(cells.join('\n')).not.toMatch(SALES_WORDS)
      expect(cells).toContain('Customers')
    } finally {
      backend.close()
    }
  })

  it('the 90-day review of customers without dates says so in customer words', async () => {
    const churn = await suggested('Churn', 'Yes', 'No')
    const review = await churn.backend.dispatch('simulate-review', { scorecardId: churn.id })
    expect(review.ok).toBe(false)
    if (!review.ok) {
      expect(review.error.message).toMatch(/^The customers have no dates, so there is no period to review/)
      expect(review.error.message).not.toMatch(/deal|close/i)
    }
    churn.backend.close()
    const sales = await suggested('Converted', 'No', 'Yes')
    const salesReview = await sales.backend.dispatch('simulate-review', { scorecardId: sales.id })
    expect(salesReview.ok).toBe(false)
    if (!salesReview.ok) expect(salesReview.error.message).toMatch(/^The deals have no close dates/)
    sales.backend.close()
  })

  it('the same customers with a sales result as the flag keep won and win rate', async () => {
    const { backend, content } = await suggested('Converted', 'No', 'Yes')
    try {
      expect(content.outcomeWords.kind).toBe('won')
      expect((await backend.call('dataset-summary', {})).outcomeWords.kind).toBe('won')
      expect(printed(content)).toMatch(/\bwon\b/)
      expect(printed(content)).not.toMatch(/retained|churned|\bstay/)
      expect(content.analysis.builtOn).toMatch(
        /^1,500 decided deals \([\d,]+ won\) from 1,500 accounts, without close dates\. Open deals are not counted/
      )
      expect(content.outcomeWords.evidenceTitle).toBe('Evidence from closed deals')
      expect(content.draftedStatements).toContain('We re-test this profile every quarter on a fresh export of closed deals.')
    } finally {
      backend.close()
    }
  })

  it('icp discover counts customers, and scorecard suggest says on which customers its AUC was measured', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'customers.csv'), churnCsv('Churn', 'Yes', 'No'))
    const icp = async (...args: string[]): Promise<string> => {
      const out: string[] = []
      const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd: dir })
      expect(code, out.join('\n')).toBe(0)
      return out.join('\n')
    }
    await icp('workspace', 'create', 'w.icpw')
    expect(await icp('import', 'w.icpw', join(dir, 'customers.csv'))).toMatch(/^Outcomes +\d+ retained, \d+ churned, 0 open/m)
    const discovered = await icp('discover', 'w.icpw')
    expect(discovered).toMatch(/^Signal found: 1,500 customers \([\d,]+ retained, [\d.]+%\)\./)
    expect(discovered).not.toMatch(/\bdeals?\b|\bpositive\b/)
    const printed = await icp('scorecard', 'suggest', 'w.icpw', '--name', 'Retention ICP')
    expect(printed).toMatch(/AUC on the (held-out customers|customers it was fitted on): [\d.]+ .*on the fitting customers/)
    expect(printed).not.toMatch(/\bdeals?\b/)
    const simulated = await icp('simulate', 'w.icpw', '--scorecard', 'Retention ICP')
    expect(simulated).toMatch(/^Customers +1500 \(\d+ retained, \d+ churned\)/m)
    expect(simulated).toMatch(/^Retention rate above /m)
    expect(simulated).not.toMatch(SALES_WORDS)
    expect(simulated).not.toMatch(DEAL_WORDS)
    await icp('score', 'w.icpw', '--scorecard', 'Retention ICP', '--out', 'scored.csv')
    const [header, ...rows] = readFileSync(join(dir, 'scored.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n')
    // Customers are known by their ids: no deal id column, and outcomes say who stayed.
    expect(header).toMatch(/^Account ID,Account,Outcome,Score,Tier,/)
    expect(header).not.toMatch(SALES_WORDS)
    expect(header).not.toMatch(DEAL_WORDS)
    expect(new Set(rows.map((row) => row.split(',')[2]))).toEqual(new Set(['retained', 'churned']))
  })
})

describe('the 90-day review of a churn study with dates', { timeout: 180_000 }, () => {
  it('counts customers who renewed or left, on screen, on paper and in the CLI, never deals', async () => {
    const { backend, dir, id } = await suggested('Churn', 'Yes', 'No', true)
    let pdf: string
    try {
      const review = await backend.call('simulate-review', { scorecardId: id, since: '2026-01-01' })
      expect(review.words.kind).toBe('retained')
      // Six months of the two years: about 370 customers, enough of each kind for a verdict.
      expect(review.review.deals).toBeGreaterThan(300)
      expect(review.verdict.decision).not.toBe('too-early')
      const said = [review.verdict.sentence, ...review.verdict.findings, review.caveat ?? ''].join('\n')
      expect(said).toMatch(/customers who renewed or left since January 1, 2026/)
      expect(said).not.toMatch(SALES_WORDS)
      expect(said).not.toMatch(DEAL_WORDS)
      // The suggestion was fitted on customers up to the last date, so this review overlaps it and says so.
      expect(review.caveat).toMatch(/^The scorecard was built on customers who renewed or left up to /)

      pdf = (await readPdf((await backend.call('export-review-pdf', { scorecardId: id, since: '2026-01-01' })).bytes)).text.replace(
        /\s+/g,
        ' '
      )
      expect(pdf).toMatch(/Tiers: the recent customers against the earlier ones/i)
      expect(pdf).toMatch(/Retention rate/)
      expect(pdf).toMatch(/Retained customers it placed in the lowest tier/i)
      expect(pdf).toMatch(/Churned customers it placed in the top tier/i)
      expect(pdf).not.toMatch(SALES_WORDS)
      expect(pdf).not.toMatch(DEAL_WORDS)
      // From the day they became customers to the day they renewed or left: their tenure.
      expect(pdf).toMatch(/Tenure/i)
    } finally {
      backend.close()
    }
    const out: string[] = []
    const code = await runCli(['review', 'w.icpw', '--scorecard', 'Retention ICP', '--since', '2026-01-01'], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      cwd: dir
    })
    expect(code, out.join('\n')).toBe(0)
    const printed = out.join('\n')
    expect(printed).toMatch(/^Recent customers: +\d+/m)
    expect(printed).toMatch(/earlier retention rate +recent retention rate/)
    expect(printed).toMatch(/Retained customers placed in the lowest tier: \d+; churned customers placed in the top tier: \d+/)
    expect(printed).not.toMatch(SALES_WORDS)
    expect(printed).not.toMatch(DEAL_WORDS)
  })

  it('its one-pager and workbook say customers who renewed or left, newest customers and tenure', async () => {
    const { backend, id, content } = await suggested('Churn', 'Yes', 'No', true)
    try {
      const text = printed(content)
      expect(text).not.toMatch(SALES_WORDS)
      expect(text).not.toMatch(DEAL_WORDS)
      expect(content.analysis.builtOn).toMatch(/^1,500 customers \([\d,]+ retained\), who renewed or left 2024-07-01 to 2026-06-\d\d\./)
      expect(content.analysis.validatedOn).toMatch(/^Measured on the newest [\d,]+ customers who renewed or left on or after /)

      const pdf = (await readPdf((await backend.call('export-pdf', { scorecardId: id })).bytes)).text.replace(/\s+/g, ' ')
      expect(pdf).toMatch(/Median tenure/i)
      expect(pdf).not.toMatch(SALES_WORDS)
      expect(pdf).not.toMatch(DEAL_WORDS)

      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from((await backend.call('export-workbook', { scorecardId: id })).bytes) as unknown as ExcelJS.Buffer)
      for (const name of ['ICP', 'Bands']) {
        const cells: string[] = []
        book
          .getWorksheet(name)!
          .eachRow((row) => cells.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')))
        expect(cells.join('\n'), name).not.toMatch(SALES_WORDS)
        expect(cells.join('\n'), name).not.toMatch(DEAL_WORDS)
        expect(cells.join('\n'), name).toMatch(/tenure/i)
      }
      // The scored customers say retained and churned, and the ICP sheet's live counts count those words.
      const scored = book.getWorksheet('Scored accounts')!
      expect(scored.getRow(1).getCell(7).value).toBe('Customers')
      expect(scored.getRow(1).getCell(8).value).toBe('Outcome')
      const outcomes = new Map<string, { retained: number; churned: number }>()
      for (let r = 2; r <= scored.rowCount; r++) {
        const tier = String(scored.getCell(`D${r}`).result ?? scored.getCell(`D${r}`).value)
        const outcome = String(scored.getCell(`H${r}`).value)
        expect(['retained', 'churned', 'unknown']).toContain(outcome)
        const count = outcomes.get(tier) ?? { retained: 0, churned: 0 }
        if (outcome === 'retained' || outcome === 'churned') count[outcome]++
        outcomes.set(tier, count)
      }
      const icp = book.getWorksheet('ICP')!
      let checked = 0
      icp.eachRow((row) => {
        const want = outcomes.get(String(row.getCell(1).value))
        const won = row.getCell(5)
        if (!want || won.type !== ExcelJS.ValueType.Formula) return
        expect(won.formula).toContain('"retained"')
        expect(row.getCell(4).formula).toContain('"churned"')
        expect(won.result).toBe(want.retained)
        expect(row.getCell(4).result).toBe(want.retained + want.churned)
        checked++
      })
      expect(checked).toBeGreaterThan(1)
    } finally {
      backend.close()
    }
  })

  it('the same file as a sales result keeps deals closed since and win rate', async () => {
    const { backend, id } = await suggested('Converted', 'No', 'Yes', true)
    try {
      const review = await backend.call('simulate-review', { scorecardId: id, since: '2026-01-01' })
      expect(review.words.kind).toBe('won')
      expect(review.verdict.sentence).toMatch(/deals closed since January 1, 2026/)
      const pdf = (await readPdf((await backend.call('export-review-pdf', { scorecardId: id, since: '2026-01-01' })).bytes)).text
      expect(pdf.replace(/\s+/g, ' ')).toMatch(/Tiers: the new deals against the earlier ones .*Win rate/i)
    } finally {
      backend.close()
    }
  })
})
