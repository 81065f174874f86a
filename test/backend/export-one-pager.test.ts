import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultScorecard, type Scorecard } from '@shared/engine/scorecard/model'
import type { OnePagerContent } from '@shared/domain/one-pager'
import { buildOnePagerContent } from '../../src-main/backend/export/one-pager-content'
import { pdfPageCount } from '../../src-main/backend/export/pdf-pages'
import { runCli } from '../../src-main/cli/run-cli'
import { testBackend, type TestBackend } from '../support/backend'
import { openSampleData } from '../support/sample-data'
import { readPdf } from '../support/pdf'
import { tempDir } from '../support/temp-dir'

function icpScorecard(name = 'Core ICP'): Scorecard {
  return {
    ...defaultScorecard(name),
    criteria: [
      { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['SaaS', 'FinTech'], points: 30 },
      { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between', min: 51, max: 500, points: 20 },
      { id: 'c3', category: 'Technographic', attribute: 'Tech Stack', op: 'contains_any', values: ['Salesforce'], points: 25 },
      { id: 'c4', category: 'Triggers', attribute: 'Recently Raised', op: 'is_true', points: 15 },
      { id: 'c5', category: 'Buying process', attribute: 'Lead Source', op: 'in', values: ['Outbound'], points: -5 }
    ],
    knockouts: [{ name: 'Education', attribute: 'Industry', op: 'in', values: ['Education'] }]
  }
}

async function sample(dir: string): Promise<{ backend: TestBackend; id: number; adjacentId: number }> {
  const backend = testBackend(dir, 'native')
  await openSampleData(backend)
  const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
  await backend.call('scorecard-save', { id, scorecard: icpScorecard() })
  await backend.call('scorecard-version-save', { id, note: 'Q3 review' })
  const adjacent = await backend.call('scorecard-create', { name: 'Adjacent ICP' })
  await backend.call('scorecard-save', {
    id: adjacent.id,
    scorecard: {
      ...icpScorecard('Adjacent ICP'),
      criteria: [{ id: 'a1', category: 'Firmographic', attribute: 'Industry', op: 'in', values: ['Retail'], points: 40 }]
    }
  })
  return { backend, id, adjacentId: adjacent.id }
}

describe('the one-pager document', () => {
  it('starts from drafted statements and the adjacent scorecard, and keeps every edit exactly', async () => {
    const { backend, id, adjacentId } = await sample(tempDir())
    const first = await backend.call('export-document-get', { scorecardId: id })
    expect(first.document.statements).toEqual(first.draftedStatements)
    // Drafted from what the planted data supports, strongest first, each with its evidence.
    expect(first.document.statements.slice(0, 3)).toEqual([
      'Accounts with 51–500 employees win more often than the rest.',
      'Accounts that run Salesforce win more often than the rest.',
      'SaaS or FinTech companies win more often than other accounts.'
    ])
    expect(first.statementEvidence[0]).toMatch(
      /^617 accounts: 76% won \[73–80%\] vs 46% of the other 710; on the newest deals \d+% vs \d+%\.$/
    )
    // The accounts the evidence counts are the accounts the page says it was built on (an account
    // with a deal still open and none won is counted by neither).
    expect(first.analysis.builtOn).toContain(`from ${(617 + 710).toLocaleString('en-US')} accounts`)
    expect(first.analysis.supportedCriteria).toBe(6)
    expect(first.document.clientName).toBe((await backend.call('workspace-current', {}))!.name)
    expect(first.document.adjacentScorecardId).toBe(adjacentId)
    expect(first.adjacent?.name).toBe('Adjacent ICP')
    expect(first.scorecard.version).toBe('Q3 review')
    expect(first.scorecard.disqualifiers).toEqual(['Education: Industry is Education'])
    expect(
      first.scorecard.categories[0]!.criteria.map(({ attribute, qualifies, points, supported }) => ({
        attribute,
        qualifies,
        points,
        supported
      }))
    ).toEqual([
      { attribute: 'Industry', qualifies: 'is SaaS, FinTech', points: 30, supported: true },
      { attribute: 'Employees', qualifies: '51–500', points: 20, supported: true }
    ])

    const logo = `data:image/png;base64,${Buffer.from('not really a png').toString('base64')}`
    const edited = {
      ...first.document,
      clientName: 'Northwind Analytics',
      preparedBy: 'Dana Reyes',
      date: '2026-02-01',
      brandColor: '#7b2cbf',
      logoDataUrl: logo,
      paper: 'a4' as const,
      statements: ['Edited one.', 'Edited two.', 'Edited three.'],
      economicBuyer: 'CRO',
      champion: 'RevOps lead',
      triggers: 'New funding',
      channels: { outbound: 'Strong', content: 'Good', partners: 'Salesforce SIs', marketplaces: 'AppExchange' },
      messaging: { target: 'T', context: 'C', cost: '$', change: 'Δ' },
      blocks: [...first.document.blocks].reverse().map((b, i) => ({ ...b, visible: i % 2 === 0 })),
      adjacentScorecardId: null
    }
    const saved = await backend.call('export-document-save', { scorecardId: id, document: edited })
    expect(saved.document).toEqual(edited)
    expect(saved.adjacent).toBeNull()

    // Edited statements are kept when the scorecard changes; the fresh draft is offered beside them.
    await backend.call('scorecard-save', { id, scorecard: { ...icpScorecard(), criteria: icpScorecard().criteria.slice(2) } })
    const again = await backend.call('export-document-get', { scorecardId: id })
    expect(again.document).toEqual(edited)
    expect(again.draftedStatements[0]).toMatch(/^Accounts that run Salesforce/)
  })

  it('refuses an adjacent ICP that is not another scorecard, and a malformed document', async () => {
    const { backend, id } = await sample(tempDir())
    const { document } = await backend.call('export-document-get', { scorecardId: id })
    const self = await backend.dispatch('export-document-save', { scorecardId: id, document: { ...document, adjacentScorecardId: id } })
    expect(self.ok || self.error.code).toBe('BAD_INPUT')
    const colour = await backend.dispatch('export-document-save', { scorecardId: id, document: { ...document, brandColor: 'blue' } })
    expect(colour.ok || colour.error.code).toBe('BAD_INPUT')
    const missing = await backend.dispatch('export-document-get', { scorecardId: 999 })
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND')
  })

  it('states the evidence exactly as the simulation computes it', async () => {
    const { backend, id } = await sample(tempDir())
    const content = await backend.call('export-document-get', { scorecardId: id })
    const report = await backend.call('simulate-run', { scorecardId: id, threshold: 80 })
    const e = content.evidence
    expect(e.deals).toBe(report.n)
    expect(e.wins).toBe(report.wins)
    expect(e.auc).toBe(report.auc)
    expect(e.topTier).toEqual({ name: 'A', lift: report.lift, winRate: report.tiers[0]!.winRate })
    expect(e.tiers.map((t) => t.name)).toEqual(['A', 'B', 'C'])
    for (const tier of e.tiers) {
      const row = report.tiers.find((t) => t.name === tier.name)!
      expect([tier.deals, tier.wins, tier.winRate, tier.medianCycleDays, tier.small]).toEqual([
        row.n,
        row.wins,
        row.winRate,
        row.medianCycleDays,
        row.tooSmall
      ])
    }
    // The top tier's lift is its win rate over the base rate.
    expect(e.topTier!.lift!).toBeCloseTo(e.tiers[0]!.winRate! / (e.wins / e.deals), 10)
    expect(e.firstClosed! < e.lastClosed!).toBe(true)
    expect(e.firstClosed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const disqualified = report.tiers.find((t) => t.name === 'Disqualified')!
    expect(e.notes).toContain(
      `${disqualified.n} deals were disqualified by the knockouts and are left out of the tiers (win rate ${Math.round(disqualified.winRate! * 100)}%).`
    )
  })

  it('says there is no evidence yet in a workspace without deals', async () => {
    const backend = testBackend(tempDir(), 'native')
    await backend.call('workspace-create', { name: 'Empty', path: 'empty.icpw' })
    const { id } = await backend.call('scorecard-create', { name: 'Core ICP' })
    const content = await backend.call('export-document-get', { scorecardId: id })
    expect(content.evidence.deals).toBe(0)
    expect(content.evidence.notes[0]).toMatch(/No closed deals/)
    // The same builder the workbook uses answers the same content.
    const db = backend.context.session.require().db
    expect(buildOnePagerContent(db, id).evidence).toEqual(content.evidence)
  })
})

describe('the PDF one-pager', () => {
  beforeAll(() => {
    // The PDF is the built renderer's print route; rebuild it when the source is newer.
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-if-stale.mjs'), '--quiet'], { stdio: 'inherit' })
  }, 300_000)

  const pct = (rate: number | null) => `${Math.round((rate ?? 0) * 100)}%`

  async function check(bytes: Uint8Array, content: OnePagerContent): Promise<string> {
    const pdf = await readPdf(bytes, { render: true })
    expect(pdf.pages).toBe(1)
    expect(pdfPageCount(bytes)).toBe(1)
    // Non-blank: a fair share of inked pixels. (The text itself is checked by the callers: a
    // Chromium without any font once printed the bars and no text at all.)
    expect(pdf.inkedShare).toBeGreaterThan(0.02)
    // The text is set in the app's own Inter, embedded; symbols outside its bundled subsets
    // (≤, ≥) come from a fallback font, embedded as well, so the page prints the same anywhere.
    expect(pdf.fonts.some((font) => /\+Inter-/.test(font.name))).toBe(true)
    expect(pdf.fonts.filter((font) => !font.embedded)).toEqual([])
    expect(content.evidence.deals).toBeGreaterThan(0)
    return pdf.text
  }

  it('prints one page with the client, every criterion, the tiers and the engine figures', async () => {
    const dir = tempDir()
    const { backend, id } = await sample(dir)
    const { document } = await backend.call('export-document-get', { scorecardId: id })
    await backend.call('export-document-save', {
      scorecardId: id,
      document: { ...document, clientName: 'Northwind Analytics', preparedBy: 'Dana Reyes', triggers: 'New funding round' }
    })
    const started = Date.now()
    const pdf = await backend.call('export-pdf', { scorecardId: id })
    console.log(`PDF one-pager printed in ${Date.now() - started} ms`)
    expect(pdf.pages).toBe(1)
    expect(pdf.fileName).toBe('Northwind Analytics - ICP one-pager.pdf')
    const content = await backend.call('export-document-get', { scorecardId: id })
    const text = await check(pdf.bytes, content)
    const flat = text.replace(/\s+/g, ' ')
    // Every glyph maps back to its letter or digit: font alternates (Inter's single-storey a,
    // tabular or contextual figures) map to private-use code points that search and copy lose.
    expect(flat.match(/[\uE000-\uF8FF]/gu) ?? []).toEqual([])
    expect(flat).toContain('Northwind Analytics')
    expect(flat).toContain('Dana Reyes')
    expect(flat).toContain('Q3 review')
    for (const category of content.scorecard.categories) {
      for (const c of category.criteria) {
        expect(flat).toContain(c.attribute)
        expect(flat).toContain(c.qualifies)
      }
    }
    for (const points of ['+30', '+20', '+25', '+15', '−5']) expect(flat).toContain(points)
    for (const tier of content.scorecard.tiers) expect(flat).toMatch(new RegExp(`\\b${tier.name}\\b`))
    expect(flat).toContain('Education: Industry is Education')
    const e = content.evidence
    expect(flat).toContain(e.deals.toLocaleString('en-US'))
    expect(flat).toContain(`${e.topTier!.lift!.toFixed(1)}×`)
    expect(flat).toContain(e.auc!.toFixed(2))
    for (const tier of e.tiers) {
      expect(flat).toContain(pct(tier.winRate))
      expect(flat).toContain(`${Math.round(tier.medianCycleDays!)} d`)
    }
    for (const note of e.notes) expect(flat).toContain(note)
  }, 60_000)

  it('prints A4 when asked, and refuses a page that would not fit', async () => {
    const dir = tempDir()
    const { backend, id } = await sample(dir)
    const a4 = await readPdf((await backend.call('export-pdf', { scorecardId: id, paper: 'a4' })).bytes)
    // A4 is 595.28 × 841.89 pt; Chromium rounds to whole points.
    expect([a4.pages, Math.round(a4.width), Math.round(a4.height)]).toEqual([1, 595, 842])

    const { document } = await backend.call('export-document-get', { scorecardId: id })
    const long = 'A sentence long enough to fill a line of the one-pager, written out in full. '.repeat(5).slice(0, 400)
    await backend.call('export-document-save', {
      scorecardId: id,
      document: {
        ...document,
        statements: [long, long, long, long, long],
        economicBuyer: long,
        champion: long,
        triggers: long,
        channels: {
          outbound: long.slice(0, 300),
          content: long.slice(0, 300),
          partners: long.slice(0, 300),
          marketplaces: long.slice(0, 300)
        },
        messaging: { target: long.slice(0, 300), context: long.slice(0, 300), cost: long.slice(0, 300), change: long.slice(0, 300) }
      }
    })
    const refused = await backend.dispatch('export-pdf', { scorecardId: id })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('BAD_INPUT')
      expect(refused.error.message).toMatch(/does not fit on one Letter page: .* past the bottom/)
    }
  }, 60_000)

  it('is written by icp export --pdf, on the paper asked for', async () => {
    const dir = tempDir()
    const { backend } = await sample(dir)
    backend.close()
    const out: string[] = []
    const err: string[] = []
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: dir }
    const code = await runCli(
      ['export', 'Sample workspace.icpw', '--scorecard', 'Core ICP', '--pdf', 'icp.pdf', '--paper', 'a4', '--json'],
      io
    )
    expect(err.join('\n')).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(out.join('\n'))).toEqual({
      scorecard: 'Core ICP',
      outputs: [{ kind: 'pdf', out: join(dir, 'icp.pdf'), bytes: expect.any(Number) }]
    })
    const written = await readPdf(readFileSync(join(dir, 'icp.pdf')))
    expect([written.pages, Math.round(written.width), Math.round(written.height)]).toEqual([1, 595, 842])
    const bad = await runCli(['export', 'Sample workspace.icpw', '--scorecard', 'Core ICP', '--pdf', 'x.pdf', '--paper', 'legal'], io)
    expect(bad).toBe(2)
    expect(err.join('\n')).toMatch(/--paper is letter or a4/)
  }, 60_000)
})
