// @vitest-environment happy-dom
/**
 * A churn study on screen: its outcome is a churn flag whose yes is lost, so the workspace's
 * "won" are customers who stayed. The figures the consultant reads aloud say customers and
 * retention, as the one-pager does; a sales workspace keeps deals and win rate.
 */
import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import type { DatasetSummary } from '@shared/domain/import'
import type { SimulationBand, SimulationReport } from '@shared/domain/simulation'
import { RETAINED_WORDS, WON_WORDS } from '@shared/export/outcome-words'
import { SummaryStrip } from '../../src-renderer/features/data/overview/SummaryStrip'
import { TableCard } from '../../src-renderer/features/data/overview/TableCard'
import { TablePicker } from '../../src-renderer/features/data/overview/TablePicker'
import { OutcomesPanel } from '../../src-renderer/features/data/overview/OutcomesPanel'
import { HeadlineCards } from '../../src-renderer/features/simulate/HeadlineCards'
import { OutcomeSwitch } from '../../src-renderer/features/simulate/OutcomeSwitch'
import { KnockoutPanel } from '../../src-renderer/features/simulate/KnockoutPanel'
import { OutOfTimePanel } from '../../src-renderer/features/simulate/OutOfTimePanel'
import { useSuccessWords } from '../../src-renderer/features/simulate/use-success-words'
import { AntiIcpPanel } from '../../src-renderer/features/discover/AntiIcpPanel'
import { AttributeTable } from '../../src-renderer/features/discover/AttributeTable'
import { SuggestPanel } from '../../src-renderer/features/discover/SuggestPanel'
import type { DiscoverReport } from '@shared/domain/discover'
import { BandAccountsDialog } from '../../src-renderer/features/simulate/BandAccountsDialog'
import { ReviewPanel } from '../../src-renderer/features/simulate/review/ReviewPanel'
import { ReviewPage } from '../../src-renderer/features/simulate/review/ReviewPage'
import type { ReviewReport, ReviewTierFigures } from '@shared/domain/review'
import { CUSTOMER_REVIEW_WORDS, DEAL_REVIEW_WORDS } from '@shared/engine/simulation/review-words'
import { useSimulateStore } from '../../src-renderer/stores/simulate-store'
import { useDiscoverStore } from '../../src-renderer/stores/discover-store'
import { createQueryClient } from '../../src-renderer/queries/query-client'
import { useWorkspaceStore } from '../../src-renderer/stores/workspace-store'
import { fakeBackend } from './fake-backend'

function summaryWith(outcomeWords: DatasetSummary['outcomeWords']): DatasetSummary {
  return {
    tables: [],
    join: null,
    accountCount: 7043,
    dealCount: 7043,
    outcomes: { won: 5174, lost: 1869, open: 0, unmapped: 0 },
    outcomeMapping: [],
    outcomeWords,
    missingTokens: []
  }
}

const report = {
  outcome: 'won',
  n: 7043,
  passCount: 1787,
  passRate: 0.254,
  excludedOpen: 0,
  winRateAbove: 0.975,
  ciAbove: [0.967, 0.982],
  winRateBelow: 0.653,
  ciBelow: [0.64, 0.666],
  lift: 1.33,
  recall: 0.337,
  wins: 5174,
  revenueKept: 0.252,
  medianCycleAbove: null,
  medianCycleBelow: null,
  auc: 0.81,
  gini: 0.62,
  ks: 0.474,
  knockouts: [{ name: 'Contract is Month-to-month', wonDealsRemoved: 2220, wonRevenueRemoved: 0, lostDealsRemoved: 1655 }],
  outOfTime: null,
  bands: [{ name: '80–100', medianCycleDays: null }]
} as unknown as SimulationReport

/** The sales report: its deals have close and created dates. */
const withCycle = (r: SimulationReport): SimulationReport => ({ ...r, bands: [{ ...r.bands[0]!, medianCycleDays: 41 }] })

/** Simulate's tables below the charts, in the report's words. */
function Panels({ report }: { report: SimulationReport }) {
  const words = useSuccessWords(report.outcome)
  return (
    <>
      <KnockoutPanel report={report} words={words} />
      <OutOfTimePanel report={report} words={words} />
    </>
  )
}

/** One anti-ICP entry as the backend sends it (figures like telco's month-to-month contracts). */
const MONTH_TO_MONTH = {
  attribute: 'Contract',
  label: 'Month-to-month',
  n: 3875,
  positives: 2220,
  rate: 0.573,
  ci: [0.557, 0.588],
  lift: 0.78,
  condition: { attribute: 'Contract', op: 'equals', value: 'Month-to-month' },
  wonDealsRemoved: 2220,
  wonRevenueRemoved: 0,
  lostDealsRemoved: 1655
}

/** An open workspace whose backend answers `summary`; resolves when it has been asked for it. */
function serveSummary(summary: DatasetSummary, antiIcp: unknown[] = [MONTH_TO_MONTH]): Promise<void> {
  let answered!: () => void
  const arrived = new Promise<void>((resolve) => (answered = resolve))
  fakeBackend({
    'dataset-summary': () => {
      answered()
      return summary
    },
    'discover-anti-icp': () => antiIcp,
    // A churn table's rows have no deal id.
    'simulate-band-accounts': () => ({
      total: 2,
      positives: 1,
      offset: 0,
      criteria: [{ id: 'c1', label: 'Contract is Two year', category: 'Firmographics', points: 10 }],
      rows: [
        {
          dealId: '',
          accountId: '7590-VHVEG',
          accountName: '',
          positive: true,
          score: 100,
          tier: 'A',
          points: [10],
          knockouts: [],
          reasons: 'Contract is Two year (+10)'
        },
        {
          dealId: '',
          accountId: '5575-GNVDE',
          accountName: '',
          positive: false,
          score: 90,
          tier: 'A',
          points: [10],
          knockouts: [],
          reasons: 'Contract is Two year (+10)'
        }
      ]
    })
  })
  useWorkspaceStore.setState({ workspace: { path: '/w/telco.icpw' } as never })
  return arrived
}

/** useSuccessWords, its outcome a prop, once the workspace's summary has arrived and settled. */
async function renderWords(summary: DatasetSummary) {
  const arrived = serveSummary(summary)
  const client = createQueryClient()
  const hook = renderHook(({ outcome }: { outcome: SimulationReport['outcome'] }) => useSuccessWords(outcome), {
    initialProps: { outcome: 'won' as SimulationReport['outcome'] },
    wrapper: ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
  })
  await arrived
  await waitFor(() => expect(client.isFetching()).toBe(0), { timeout: 10_000 })
  return hook
}

/** The summary strip, the outcome switch and the headline cards of a report under `outcome`, once the summary has arrived. */
async function show(summary: DatasetSummary, outcome: SimulationReport['outcome'] = 'won', shown: SimulationReport = report) {
  const arrived = serveSummary(summary)
  render(
    <QueryClientProvider client={createQueryClient()}>
      <SummaryStrip summary={summary} />
      <OutcomeSwitch value={outcome} onChange={() => undefined} />
      <HeadlineCards report={{ ...shown, outcome }} />
      <Panels report={{ ...shown, outcome }} />
    </QueryClientProvider>
  )
  await arrived
  // The switch names the won choice from the summary: once it does, every word has arrived.
  await screen.findByRole('radio', { name: summary.outcomeWords.kind === 'retained' ? 'Stayed vs left' : 'Won vs lost' })
}

describe('the screens say the outcome in the workspace’s words', () => {
  afterEach(cleanup)

  it('a churn study: customers, retention rate, retained and churned', async () => {
    await show(summaryWith(RETAINED_WORDS))
    expect(screen.getByRole('group', { name: 'Customers passing' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Retention rate above threshold' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Retained customers kept' })).toBeTruthy()
    // The outcome's won-vs-lost choice, beside the choice that reads an account's churned column.
    expect(screen.getByRole('radio', { name: 'Stayed vs left' })).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Retained vs churned' })).toBeTruthy()
    const strip = screen.getByRole('region', { name: 'Dataset summary' }).textContent ?? ''
    expect(strip).toMatch(/Customers/)
    expect(strip).toMatch(/Retention rate/)
    expect(strip).toMatch(/Retained/)
    expect(strip).toMatch(/Churned/)
    expect(screen.getByRole('columnheader', { name: 'Retained customers removed' })).toBeTruthy()
    // Customers have no sales cycle: no card of dashes for one.
    expect(screen.queryByRole('group', { name: 'Median cycle' })).toBeNull()
    expect(screen.getByText('Pick a split date to see whether the scorecard holds up on newer customers.')).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/\bwins?\b|\bwon\b|win rate|\bdeals?\b|\blost\b/i)
  })

  it('the 90-day review asks for customers who renewed or left in a churn study, for deals closed in a sales one', async () => {
    for (const [words, label] of [
      [RETAINED_WORDS, 'Customers who renewed or left since'],
      [WON_WORDS, 'New deals closed since']
    ] as const) {
      const arrived = serveSummary(summaryWith(words))
      useSimulateStore.setState({ scorecardId: 1 })
      render(
        <QueryClientProvider client={createQueryClient()}>
          <ReviewPanel scorecards={[]} desktop={false} />
        </QueryClientProvider>
      )
      await arrived
      // The label follows the summary's words, which arrive through the query layer.
      expect(await screen.findByLabelText(label, undefined, { timeout: 10_000 })).toBeTruthy()
      cleanup()
    }
  })

  it("the 90-day review's page counts a churn study's customers, its tenure only where there is one", () => {
    const figures = (deals: number, wins: number, medianCycleDays: number | null): ReviewTierFigures => ({
      deals,
      wins,
      winRate: wins / deals,
      ci: [wins / deals - 0.04, wins / deals + 0.04],
      medianCycleDays,
      meanWonAmount: 1200,
      tooSmall: false
    })
    const review = (words: ReviewReport['words'], cycle: number | null): ReviewReport => ({
      scorecard: { id: 1, name: 'Retention ICP' },
      words,
      since: '2025-10-01',
      sinceSource: 'chosen',
      built: { from: '2024-01-01', through: '2025-09-30', deals: 1704, wins: 1300 },
      review: { from: '2025-10-01', through: '2026-06-18', deals: 696, wins: 540 },
      undated: 12,
      tiers: [
        { tier: 'A', built: figures(377, 340, cycle), review: figures(163, 148, cycle) },
        { tier: 'C', built: figures(582, 337, cycle), review: figures(239, 136, cycle) }
      ],
      auc: { built: 0.74, review: 0.76 },
      scoreDrift: { psi: 0.02, reading: 'stable' },
      attributeDrift: [],
      missedWins: [],
      missedWinsTotal: 0,
      falseAlarms: [],
      falseAlarmsTotal: 0,
      verdict: { decision: 'keep', sentence: 'Kept.', findings: [] },
      caveat: null
    })
    const headings = () => screen.getAllByRole('columnheader').map((h) => h.textContent)

    render(<ReviewPage review={review(CUSTOMER_REVIEW_WORDS, null)} clientName="Acme" brandColor="#1f3a5f" paper="letter" />)
    expect(headings()).toEqual(expect.arrayContaining(['Customers', 'Retention rate', 'Retained size']))
    expect(headings().join(' ')).not.toMatch(/Tenure|Cycle/)
    expect(screen.getByText('Retained customers it placed in the lowest tier', { exact: false })).toBeTruthy()
    expect(screen.getByText('None: no recent churned customer scored in the top tier.')).toBeTruthy()
    expect(document.body.textContent).toMatch(/12 customers without a date are in neither period/)
    expect(document.body.textContent).not.toMatch(/\bwins?\b|\bwon\b|win rate|\bdeals?\b|\blost\b|close/i)
    cleanup()

    render(<ReviewPage review={review(CUSTOMER_REVIEW_WORDS, 500)} clientName="Acme" brandColor="#1f3a5f" paper="letter" />)
    expect(headings()).toContain('Tenure')
    cleanup()

    render(<ReviewPage review={review(DEAL_REVIEW_WORDS, 41)} clientName="Acme" brandColor="#1f3a5f" paper="letter" />)
    expect(headings()).toEqual(expect.arrayContaining(['Deals', 'Win rate', 'Cycle', 'Won size']))
    expect(screen.getByText('Wins it placed in the lowest tier', { exact: false })).toBeTruthy()
    expect(document.body.textContent).toMatch(/12 deals without a close date are in neither period/)
  })

  it("Discover's attribute table and suggestion say a churn study's row facts are customer facts", async () => {
    const attribute = (name: string, unit: 'account' | 'deal') => ({
      name,
      category: 'Firmographic',
      iv: 0.5,
      strength: 'strong' as const,
      significant: true,
      pValue: 0.001,
      unit,
      auc: 0.7,
      leakageSuspected: false,
      leakageReasons: [],
      leakageOverruled: false,
      excluded: null,
      values: []
    })
    const discovered = {
      target: 'won',
      attributes: [attribute('Contract', 'account'), attribute('Plan', 'deal')]
    } as unknown as DiscoverReport
    for (const [words, fact, rows] of [
      [RETAINED_WORDS, 'customer fact', 'customers'],
      [WON_WORDS, 'deal fact', 'deals']
    ] as const) {
      const arrived = serveSummary(summaryWith(words))
      useDiscoverStore.setState({ target: 'won' })
      render(
        <QueryClientProvider client={createQueryClient()}>
          <AttributeTable report={discovered} selected={null} onSelect={() => undefined} />
          <SuggestPanel />
        </QueryClientProvider>
      )
      await arrived
      expect(await screen.findByText(fact, undefined, { timeout: 10_000 })).toBeTruthy()
      expect(screen.getByText('account fact')).toBeTruthy()
      expect(screen.getByText(new RegExp(`^Fitted on the older ${rows} and measured on the newest`))).toBeTruthy()
      cleanup()
    }
  })

  it("a churn study's one table is its customers, a sales export's flat table its deals with account columns", async () => {
    const table = {
      kind: 'flat' as const,
      fileName: 'telco.csv',
      format: 'csv' as const,
      sheetName: null,
      rowCount: 7043,
      importedAt: '2026-12-01T10:00:00Z',
      columns: []
    }
    for (const [words, label] of [
      [RETAINED_WORDS, 'Customers'],
      [WON_WORDS, 'Deals with account columns']
    ] as const) {
      const arrived = serveSummary(summaryWith(words))
      render(
        <QueryClientProvider client={createQueryClient()}>
          <TablePicker tables={[table]} selected="flat" onSelect={() => undefined} />
          <TableCard table={table} />
        </QueryClientProvider>
      )
      await arrived
      expect(await screen.findByRole('heading', { name: label }, { timeout: 10_000 })).toBeTruthy()
      expect(screen.getByRole('radio', { name: `${label} 7,043` })).toBeTruthy()
      cleanup()
    }
  })

  it("the outcome mapping counts a churn study's customers, a sales export's deals", async () => {
    for (const [words, records] of [
      [RETAINED_WORDS, 'Customers'],
      [WON_WORDS, 'Deals']
    ] as const) {
      const summary = {
        ...summaryWith(words),
        outcomeMapping: [
          { value: 'No', count: 5174, outcome: 'won' as const },
          { value: 'Yes', count: 1869, outcome: 'lost' as const }
        ]
      }
      const arrived = serveSummary(summary)
      render(
        <QueryClientProvider client={createQueryClient()}>
          <OutcomesPanel summary={summary} />
        </QueryClientProvider>
      )
      await arrived
      expect(await screen.findByRole('complementary', { name: `${records} by outcome` }, { timeout: 10_000 })).toBeTruthy()
      expect(screen.getByRole('columnheader', { name: records })).toBeTruthy()
      cleanup()
    }
  })

  it('a sales workspace keeps deals, win rate, won and lost', async () => {
    await show(summaryWith(WON_WORDS), 'won', withCycle(report))
    expect(screen.getByRole('group', { name: 'Deals passing' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Win rate above threshold' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Wins kept' })).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Won vs lost' })).toBeTruthy()
    const strip = screen.getByRole('region', { name: 'Dataset summary' }).textContent ?? ''
    expect(strip).toMatch(/Deals/)
    expect(strip).toMatch(/Win rate/)
    expect(screen.getByRole('columnheader', { name: 'Won deals removed' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Median cycle' })).toBeTruthy()
    expect(screen.getByText('Won deals each knockout would have disqualified, had it been in place.')).toBeTruthy()
  })

  it('best customers are judged on their deals: the rows stay deals, the rate is the best rate', async () => {
    // In a churn study too: the best outcome's rows are the deals of best accounts.
    await show(summaryWith(RETAINED_WORDS), 'best')
    expect(screen.getByRole('group', { name: 'Deals passing' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Best rate above threshold' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Best customers kept' })).toBeTruthy()
  })

  it('gives the charts the same words object while the outcome stays, so a threshold drag does not re-draw them', async () => {
    const { result, rerender } = await renderWords(summaryWith(WON_WORDS))
    const first = result.current
    expect(first.better).toBe('convert better')
    rerender({ outcome: 'won' })
    expect(result.current).toBe(first)
    rerender({ outcome: 'best' })
    expect(result.current).not.toBe(first)
    expect(result.current.lost).toBe('other')
    expect(result.current.better).toBe('hold more best customers')
  })

  it("asks whether a churn study's higher scores stay more often, not whether they convert", async () => {
    const { result } = await renderWords(summaryWith(RETAINED_WORDS))
    expect(result.current.better).toBe('stay more often')
    expect(result.current.lost).toBe('churned')
  })

  it("Discover's anti-ICP says what a knockout costs in a churn study's words", async () => {
    useDiscoverStore.setState({ target: 'won' })
    const arrived = serveSummary(summaryWith(RETAINED_WORDS))
    render(
      <QueryClientProvider client={createQueryClient()}>
        <AntiIcpPanel />
      </QueryClientProvider>
    )
    await arrived
    expect(await screen.findByText(/2,220 retained customers/, undefined, { timeout: 10_000 })).toBeTruthy()
    await screen.findByText(/1,655 churned avoided/, undefined, { timeout: 10_000 })
    expect(document.body.textContent).not.toMatch(/\bwon\b|\blost\b|\bdeals?\b|win rate/i)
  })

  it("a band's customers: retained or churned, and no empty deal column", async () => {
    useSimulateStore.setState({ scorecardId: 1, outcome: 'won' })
    const arrived = serveSummary(summaryWith(RETAINED_WORDS))
    const band = {
      name: 'A',
      from: 84,
      to: 100,
      n: 2,
      wins: 1,
      winRate: 0.5,
      ci: [0.1, 0.9],
      medianCycleDays: null,
      meanWonAmount: null,
      tooSmall: true
    }
    render(
      <QueryClientProvider client={createQueryClient()}>
        <BandAccountsDialog band={band as SimulationBand} onClose={() => undefined} />
      </QueryClientProvider>
    )
    await arrived
    const table = await screen.findByRole('table', { name: 'Customers in A' }, { timeout: 10_000 })
    await screen.findByText('Retained', undefined, { timeout: 10_000 })
    expect(screen.getByText('Churned')).toBeTruthy()
    const headers = [...table.querySelectorAll('th[scope="col"]')].map((th) => th.textContent)
    expect(headers.slice(0, 4)).toEqual(['Account', 'Outcome', 'Score', 'Tier'])
    expect(table.textContent).not.toMatch(/\bwon\b|\blost\b|\bdeals?\b/i)
  })

  it("Discover's anti-ICP, finding no knockout, states its rule rather than a verdict on the data", async () => {
    useDiscoverStore.setState({ target: 'won' })
    const arrived = serveSummary(summaryWith(RETAINED_WORDS), [])
    render(
      <QueryClientProvider client={createQueryClient()}>
        <AntiIcpPanel />
      </QueryClientProvider>
    )
    await arrived
    await screen.findByText(/No value keeps customers at half the overall retention rate or less/, undefined, { timeout: 10_000 })
  })
})
