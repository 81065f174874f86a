import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultScorecard, type Criterion, type Scorecard } from '@shared/engine/scorecard/model'
import type { PaperSize } from '@shared/domain/one-pager'
import { chromiumPrinter } from '../../src-main/backend/export/chromium-printer'
import { pdfPageCount } from '../../src-main/backend/export/pdf-pages'
import { testBackend, type TestBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { readPdf } from '../support/pdf'
import { isType3, pdfFontDictionaries, pdffonts } from '../support/pdf-fonts'

/**
 * The printed one-pager at every size it must handle: 3, 12 and 35 criteria on Letter and A4,
 * each one page with no block past the bottom margin, every font embedded as TrueType/OpenType
 * (no Type 3), and a right-to-left override in the client's values unable to reorder the text
 * after it. Set ICP_ONE_PAGER_PNG_DIR to keep a PNG of every variant to look at.
 */

const RLO = '\u202e'

/** 35 criteria over the sample workspace's attributes, varied enough that any prefix is a real scorecard. */
function criteriaPool(): Criterion[] {
  const pool: Array<Omit<Criterion, 'id'>> = [
    { category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 20 },
    { category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 1000, points: 10 },
    { category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 10 },
    { category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 8 },
    { category: 'Firmographic', attribute: 'Annual Revenue', op: 'between', min: 10_000_000, max: 50_000_000, points: 6 },
    {
      category: 'Firmographic',
      attribute: 'Industry',
      op: 'in',
      values: ['SaaS', 'FinTech', 'Professional Services', 'Logistics', 'Real Estate', 'Healthcare', 'Manufacturing', 'Media'],
      points: 3
    },
    { category: 'Triggers', attribute: 'Funding Stage', op: 'in', values: ['Series A', 'Series B'], points: 6 },
    { category: 'Buying process', attribute: 'Lead Source', op: 'in', values: ['Inbound'], points: 3 },
    { category: 'Firmographic', attribute: 'Employees', op: 'between', min: 1, max: 10, points: -10 },
    { category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['HubSpot', 'Marketo'], points: 4 },
    { category: 'Triggers', attribute: 'Hiring SDRs', op: 'is_true', points: 5 },
    {
      category: 'Firmographic',
      attribute: 'Billing State/Province',
      op: 'in',
      values: ['CA', 'NY', 'TX', 'FL', 'MA', 'WA', 'IL', 'GA', 'OH', 'CO'],
      points: 2
    },
    { category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Education'], points: -8 },
    { category: 'Firmographic', attribute: 'Employees', op: 'between', min: 11, max: 50, points: -5 },
    { category: 'Firmographic', attribute: 'Employees', op: 'between', min: 1001, max: 5000, points: 4 },
    { category: 'Firmographic', attribute: 'Employees', op: 'gt', value: 5000, points: -3 },
    { category: 'Firmographic', attribute: 'Annual Revenue', op: 'lt', value: 1_000_000, points: -8 },
    { category: 'Firmographic', attribute: 'Annual Revenue', op: 'between', min: 1_000_000, max: 9_999_999, points: 2 },
    { category: 'Firmographic', attribute: 'Annual Revenue', op: 'gt', value: 50_000_000, points: 3 },
    { category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Snowflake', 'Segment'], points: 6 },
    { category: 'Technographic', attribute: 'Tech Stack', op: 'contains_all', values: ['Slack', 'Jira'], points: 2 },
    { category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Gong', 'Outreach'], points: 5 },
    { category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Zendesk', 'Intercom'], points: 1 },
    { category: 'Triggers', attribute: 'Funding Stage', op: 'in', values: ['Series C', 'Series D+'], points: 4 },
    { category: 'Triggers', attribute: 'Funding Stage', op: 'in', values: ['Bootstrapped'], points: -4 },
    { category: 'Triggers', attribute: 'Uses Competitor', op: 'is_true', points: -3 },
    { category: 'Buying process', attribute: 'Lead Source', op: 'in', values: ['Outbound'], points: -2 },
    { category: 'Buying process', attribute: 'Lead Source', op: 'in', values: ['Partner', 'Marketplace'], points: 4 },
    { category: 'Buying process', attribute: 'Lead Source', op: 'in', values: ['Event'], points: 1 },
    { category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Retail'], points: -2 },
    { category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Media'], points: -3 },
    { category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Healthcare'], points: -2 },
    { category: 'Firmographic', attribute: 'Sales Region', op: 'in', values: ['EMEA'], points: 1 },
    { category: 'Firmographic', attribute: 'Sales Region', op: 'in', values: ['AMER-West'], points: 2 },
    { category: 'Firmographic', attribute: 'Billing Country', op: 'in', values: ['US'], points: 1 }
  ]
  return pool.map((c, i) => ({ ...c, id: `p${i + 1}` }))
}

/** The PDF's text as pdf.js reads it (npm), whitespace folded: these checks run on any machine. */
async function pdfText(file: string): Promise<string> {
  return (await readPdf(new Uint8Array(readFileSync(file)))).text.replace(/\s+/g, ' ')
}

describe('the printed one-pager', () => {
  const dir = mkdtempSync(join(tmpdir(), 'icp-print-'))
  const pngDir = process.env['ICP_ONE_PAGER_PNG_DIR']
  let backend: TestBackend
  const printed = new Map<string, string>()

  async function scorecardWith(name: string, criteria: Criterion[], tiers?: Scorecard['tiers']): Promise<number> {
    // A retried test finds the scorecard its first try made (names are unique in a workspace).
    const made = (await backend.call('scorecard-list', {})).find((s) => s.name === name)
    const { id } = made ?? (await backend.call('scorecard-create', { name }))
    const scorecard = {
      ...defaultScorecard(name),
      criteria,
      knockouts: [{ name: 'Education', attribute: 'Industry', op: 'in' as const, values: ['Education'] }]
    }
    await backend.call('scorecard-save', { id, scorecard: tiers ? { ...scorecard, tiers } : scorecard })
    return id
  }

  async function print(label: string, scorecardId: number, paper: PaperSize): Promise<string> {
    const pdf = await backend.call('export-pdf', { scorecardId, paper })
    expect(pdf.pages, label).toBe(1)
    const file = join(dir, `${label}.pdf`)
    writeFileSync(file, pdf.bytes)
    if (pngDir) {
      // Optional, to look at the pages: poppler's pdftoppm where it is installed.
      mkdirSync(pngDir, { recursive: true })
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, join(pngDir, label)])
    }
    printed.set(label, file)
    return file
  }

  beforeAll(async () => {
    execFileSync(process.execPath, ['-e', "import('./scripts/build-if-stale.mjs').then((m) => m.buildIfStale({ quiet: true }))"], {
      cwd: join(__dirname, '..', '..'),
      stdio: 'inherit'
    })
    backend = testBackend(dir, 'native')
    await openSampleData(backend)
  }, 300_000)

  afterAll(() => {
    backend?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints the market line (a prospect list scored) on one page, beside 35 criteria on Letter and A4', async () => {
    const { generateProspects, writeCsv } = await import('../../scripts/crm-generator/index')
    const list = generateProspects({ shape: 'zoominfo', count: 2000, seed: 3 })
    const path = join(dir, 'zoominfo.csv')
    writeFileSync(path, writeCsv({ headers: list.headers, rows: list.rows }, {}))
    await backend.call('prospects-import', { source: { kind: 'path', path } })
    const id = await scorecardWith('ICP market', criteriaPool())
    const content = await backend.call('export-document-get', { scorecardId: id })
    const saved = await backend.call('export-document-save', { scorecardId: id, document: { ...content.document, showMarket: true } })
    expect(saved.market).toMatch(/^Market: 2,000 prospects in zoominfo\.csv \(ZoomInfo, /)
    for (const paper of ['letter', 'a4'] as const) {
      const text = await pdfText(await print(`market-${paper}`, id, paper))
      expect(text, paper).toContain('Market: 2,000 prospects in zoominfo.csv (ZoomInfo,')
      expect(text, paper).toContain('Not in the list, so not judged:')
    }
  }, 180_000)

  for (const size of [3, 12, 35]) {
    it(`fits ${size} criteria on one Letter and one A4 page, every criterion named`, async () => {
      const criteria = criteriaPool().slice(0, size)
      const id = await scorecardWith(`ICP ${size}`, criteria)
      for (const paper of ['letter', 'a4'] as const) {
        // export-pdf refuses a page with a block past the bottom or a second page; it printed.
        const file = await print(`${size}-criteria-${paper}`, id, paper)
        expect(pdfPageCount(new Uint8Array(readFileSync(file)))).toBe(1)
        const text = await pdfText(file)
        // Every value of every criterion is printed: no list cut to "+3 more".
        expect(text).not.toMatch(/\+\d+ more/)
        for (const c of criteria) for (const value of c.values ?? []) expect(text, `${size} ${paper}: ${value}`).toContain(value)
      }
    }, 120_000)
  }

  it('embeds every font as TrueType/OpenType, never Type 3', () => {
    // Every page printed above: three sizes and the market line, each on Letter and A4.
    expect([...printed.keys()].sort()).toEqual([
      '12-criteria-a4',
      '12-criteria-letter',
      '3-criteria-a4',
      '3-criteria-letter',
      '35-criteria-a4',
      '35-criteria-letter',
      'market-a4',
      'market-letter'
    ])
    for (const [label, file] of printed) {
      const fonts = pdffonts(file)
      if (fonts) {
        expect(fonts.length, label).toBeGreaterThan(0)
        expect(fonts.filter(isType3), label).toEqual([])
        expect(fonts.map((f) => f.name).join(' '), label).toMatch(/Inter-Regular/)
      }
      // The same answer from the PDF's own font dictionaries (what runs where pdffonts does not).
      const dictionaries = pdfFontDictionaries(new Uint8Array(readFileSync(file)))
      expect(dictionaries.length, label).toBeGreaterThan(0)
      expect(dictionaries.filter(isType3), label).toEqual([])
    }
  })

  it('prints each document afresh on a Chromium kept warm between exports', async () => {
    const id = await scorecardWith('Warm ICP', criteriaPool().slice(0, 5))
    const content = await backend.call('export-document-get', { scorecardId: id })
    const printer = chromiumPrinter(undefined, { keepWarmMs: 60_000 })
    try {
      const names = ['Northwind Analytics', 'Contoso Robotics', 'Fabrikam Foods']
      const papers: PaperSize[] = ['letter', 'a4', 'letter']
      for (const [i, name] of names.entries()) {
        const started = performance.now()
        const result = await printer({ ...content, document: { ...content.document, clientName: name } }, papers[i]!)
        if (i > 0) console.log(`Warm PDF printed in ${Math.round(performance.now() - started)} ms`)
        const file = join(dir, `warm-${i}.pdf`)
        writeFileSync(file, result.bytes)
        expect(result.overflow).toEqual([])
        const pdf = await readPdf(result.bytes)
        // The page shows this document, not the one the warm page printed before.
        expect(pdf.text).toContain(name)
        for (const other of names.filter((n) => n !== name)) expect(pdf.text).not.toContain(other)
        // A4 is 595 x 842 points, Letter 612 x 792.
        expect(Math.round(pdf.width)).toBe(papers[i] === 'a4' ? 595 : 612)
      }
    } finally {
      await printer.close()
    }
  }, 120_000)

  it('keeps the text after a right-to-left override in its order', async () => {
    const id = await scorecardWith(`Bidi ${RLO}ICP`, criteriaPool().slice(0, 4), [
      { name: `Top${RLO}`, min: 80, color: '#2f855a' },
      { name: 'Middle', min: 60, color: '#d69e2e' },
      { name: 'Low', min: 0, color: '#a0aec0' }
    ])
    const { document } = await backend.call('export-document-get', { scorecardId: id })
    await backend.call('export-document-save', {
      scorecardId: id,
      document: { ...document, clientName: `Northwind ${RLO}Analytics`, preparedBy: `Dana ${RLO}Reyes` }
    })
    const file = await print('bidi-letter', id, 'letter')
    const pdf = new Uint8Array(readFileSync(file))
    expect(pdfPageCount(pdf)).toBe(1)
    const text = await pdfText(file)
    // The footer: the client's name, then the words after it, left to right.
    expect(text).toContain('· Ideal Customer Profile')
    expect(text).not.toContain('eliforP remotsuC laedI')
    // A tier pill: the tier's name, then its score range, "80-100" and never "001-08".
    expect(text).toMatch(/80-100/)
    expect(text).not.toMatch(/001-08/)
    // The evidence KPI after the tier's name still reads left to right.
    expect(text).toContain('0.5 = chance')
    // Sentences the app writes around the tier's name (the verdict, the model card, the notes)
    // end the override with the name: "wins", "tier" and "accounts" never print reversed.
    expect(text).not.toMatch(/sniw|reit|stnuocca/)
  }, 120_000)
})
