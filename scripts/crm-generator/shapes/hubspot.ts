/**
 * HubSpot: the deals export and the companies export, joined by "Associated Company IDs" ->
 * "Record ID". Long numeric record ids, timestamps as "2025-03-04 13:22", internal enumeration
 * values (COMPUTER_SOFTWARE, ORGANIC_SEARCH, newbusiness), booleans as true/false, and the
 * company's Lifecycle Stage, which says "customer" exactly when the account has won.
 */
import { isoToDay } from '../dates.js'
import { FX_FROM_USD, type TrueAccount } from '../model.js'
import { DEAL_TITLE, REPEATED_NAME, ex, leaky } from '../expect.js'
import { iterateDeals, type CrmModel } from '../truth.js'
import type { TableStream } from '../tables.js'
import {
  accountFacts,
  dealViews,
  leakageColumns,
  openStage,
  shapeTable,
  type DealView,
  type RenderOptions,
  type ShapeColumn
} from './build.js'
import { COUNTRY_NAME, entryOf, HS_FORECAST_OPEN, HS_INDUSTRY, HS_OPEN_STAGES, HS_SOURCE, HS_TECH, stateVocab } from './crm-vocab.js'
import { hubspotCompanyId, hubspotDealId } from './ids.js'
import type { ShapeParts } from './types.js'

interface HsDealRow extends DealView {
  stageIndex: number
  activities: number
  lastActivityDay: number
  createMinutes: number
  closeMinutes: number
}

const BOOL = ['true', 'false'] as const
const TIMESTAMP = 'yyyy-mm-dd hh:mm'
const WON = 'Closed won'
const LOST = 'Closed lost'

/** What the companies export needs from the deals: won revenue and the day each became a customer. */
function wonByAccount(model: CrmModel): { revenue: Float64Array; firstWonDay: Float64Array } {
  const n = model.accounts.length
  const revenue = new Float64Array(n)
  const firstWonDay = new Float64Array(n).fill(Infinity)
  for (const d of iterateDeals(model)) {
    if (d.outcome !== 'won' || d.closedDate === null) continue
    revenue[d.accountIndex] = (revenue[d.accountIndex] ?? 0) + d.amount
    firstWonDay[d.accountIndex] = Math.min(firstWonDay[d.accountIndex] ?? Infinity, isoToDay(d.closedDate))
  }
  return { revenue, firstWonDay }
}

export function hubspotShape(model: CrmModel, opts: RenderOptions): ShapeParts<TableStream> {
  const exportDay = model.frame.exportDay
  const facts = accountFacts(model, 'hubspot', (rng, a) => ({
    source: a.leadSource === null ? null : rng.pick(HS_SOURCE[a.leadSource]),
    // HubSpot never moves a company back: one that only lost deals stays an opportunity or SQL.
    lifecycle: a.customer
      ? 'customer'
      : a.dealCount > 0
        ? rng.weighted([
            ['opportunity', 7],
            ['salesqualifiedlead', 3]
          ])
        : rng.weighted([
            ['lead', 5],
            ['marketingqualifiedlead', 3],
            ['subscriber', 2]
          ]),
    createMinutes: rng.int(8 * 60, 18 * 60),
    customerMinutes: rng.int(8 * 60, 18 * 60)
  }))

  function* dealRows(): Generator<HsDealRow> {
    for (const view of dealViews(model, 'hubspot')) {
      const { deal, rng } = view
      const stageIndex = deal.outcome === 'open' ? HS_OPEN_STAGES.indexOf(openStage(HS_OPEN_STAGES, view.progress)) : -1
      const elapsed = (deal.outcome === 'open' ? exportDay : view.closeDay) - view.createdDay
      // Reps log more on deals that go somewhere; lost deals go quiet well before someone closes them.
      const pace = deal.outcome === 'won' ? 1.6 : deal.outcome === 'lost' ? 0.6 : 1
      const activities = Math.max(0, Math.round(rng.logNormal(Math.max(1, elapsed / 7) * pace, 0.4)))
      const quiet =
        deal.outcome === 'won' ? rng.int(0, 3) : deal.outcome === 'lost' ? rng.int(5, Math.max(6, Math.min(60, elapsed))) : rng.int(0, 20)
      const lastActivityDay = Math.max(view.createdDay, (deal.outcome === 'open' ? exportDay - 1 : view.closeDay) - quiet)
      yield {
        ...view,
        stageIndex,
        activities,
        lastActivityDay,
        createMinutes: rng.int(8 * 60, 18 * 60),
        closeMinutes: rng.int(8 * 60, 18 * 60)
      }
    }
  }
  const stageOf = (r: HsDealRow): string =>
    r.deal.outcome === 'won' ? WON : r.deal.outcome === 'lost' ? LOST : (HS_OPEN_STAGES[r.stageIndex] ?? '')
  const dealColumns: ShapeColumn<HsDealRow>[] = [
    { header: 'Record ID', expect: ex('deal-id', 'id', 'deal'), render: (_, r) => hubspotDealId(r.no) },
    {
      header: 'Deal Name',
      expect: DEAL_TITLE,
      render: (c, r) => c.typed(`${r.account.name} – ${r.existingBusiness ? 'Upsell' : 'New Deal'}`)
    },
    { header: 'Deal Stage', expect: ex('outcome', 'category', 'deal'), render: (_, r) => stageOf(r) },
    { header: 'Pipeline', expect: ex('ignore', 'category', 'deal', { alsoRoles: ['attribute'] }), render: () => 'Sales Pipeline' },
    {
      header: 'Amount',
      expect: ex('ignore', 'number', 'deal', { alsoRoles: ['deal-amount'] }),
      render: (c, r) => c.num(Math.round((r.deal.amount * FX_FROM_USD[r.account.revenueCurrency]) / 100) * 100)
    },
    { header: 'Amount in company currency', expect: ex('deal-amount', 'number', 'deal'), render: (c, r) => c.num(r.deal.amount) },
    {
      header: 'Currency',
      expect: ex('ignore', 'category', 'account', { alsoRoles: ['attribute'] }),
      render: (_, r) => r.account.revenueCurrency
    },
    { header: 'Close Date', expect: ex('closed-date', 'date', 'deal'), render: (c, r) => c.date(r.closeDay, 'minute', r.closeMinutes) },
    {
      header: 'Create Date',
      expect: ex('created-date', 'date', 'deal'),
      render: (c, r) => c.date(r.createdDay, 'minute', r.createMinutes)
    },
    { header: 'Deal owner', expect: ex('attribute', 'category', 'deal', { alsoRoles: ['ignore'] }), render: (_, r) => r.deal.owner },
    {
      header: 'Deal Type',
      expect: ex('attribute', 'category', 'deal'),
      render: (_, r) => (r.existingBusiness ? 'existingbusiness' : 'newbusiness')
    },
    { header: 'Associated Company', expect: REPEATED_NAME, render: (_, r) => r.account.name },
    {
      header: 'Associated Company IDs',
      expect: ex('account-id', 'id', 'account'),
      render: (_, r) => String(hubspotCompanyId(r.account.index))
    },
    {
      header: 'Original Source Type',
      expect: ex('attribute', 'category', 'account'),
      render: (c, r) => facts(r.account).source ?? c.blank()
    },
    {
      header: 'Days to close',
      expect: ex('sales-cycle-days', 'number', 'deal', { leak: 'computed when the deal closes; blank while open' }),
      render: (c, r) => c.num(r.deal.salesCycleDays)
    },
    {
      header: 'Is Closed Won',
      expect: leaky('boolean', 'the outcome itself, as a flag'),
      render: (c, r) => c.bool(r.deal.outcome === 'won', BOOL)
    },
    {
      header: 'Last Activity Date',
      expect: leaky('date', 'activity stops early on deals that are lost'),
      render: (c, r) => c.date(r.lastActivityDay, 'minute', r.closeMinutes)
    },
    {
      header: 'Number of Sales Activities',
      expect: leaky('number', 'won deals get far more calls, meetings and e-mails logged'),
      render: (c, r) => c.num(r.activities)
    },
    {
      header: 'Forecast category',
      expect: leaky('category', 'set by the stage: Closed won when won, Not forecasted when lost'),
      render: (_, r) =>
        r.deal.outcome === 'won'
          ? 'Closed won'
          : r.deal.outcome === 'lost'
            ? 'Not forecasted'
            : (HS_FORECAST_OPEN[r.stageIndex] ?? 'Pipeline')
    },
    ...leakageColumns<HsDealRow>(model)
  ]

  let won: ReturnType<typeof wonByAccount> | null = null
  function* companyRows(): Generator<TrueAccount> {
    won ??= wonByAccount(model)
    yield* model.accounts
  }
  const firstWon = (a: TrueAccount): number | null => {
    const day = won?.firstWonDay[a.index] ?? Infinity
    return Number.isFinite(day) ? day : null
  }
  const companyColumns: ShapeColumn<TrueAccount>[] = [
    { header: 'Record ID', expect: ex('account-id', 'id', 'account'), render: (_, a) => hubspotCompanyId(a.index) },
    { header: 'Company name', expect: ex('account-name', 'id', 'account'), render: (_, a) => a.name },
    { header: 'Company Domain Name', expect: ex('domain', 'id', 'account'), render: (_, a) => a.domain },
    { header: 'Industry', expect: ex('attribute', 'category', 'account'), render: (c, a) => c.picklist(entryOf(HS_INDUSTRY, a.industry)) },
    { header: 'Number of Employees', expect: ex('attribute', 'number', 'account'), render: (c, a) => c.num(a.employees) },
    {
      header: 'Annual Revenue',
      expect: ex('attribute', 'number', 'account'),
      render: (c, a) => c.num(a.annualRevenue === null ? null : Math.round(a.annualRevenue / FX_FROM_USD[a.revenueCurrency]))
    },
    { header: 'Country/Region', expect: ex('attribute', 'category', 'account'), render: (c, a) => c.picklist(COUNTRY_NAME[a.country]) },
    {
      header: 'State/Region',
      expect: ex('attribute', 'category', 'account'),
      render: (c, a) => c.picklist(stateVocab(a.hqState, 'name'))
    },
    {
      header: 'Web Technologies',
      expect: ex('attribute', 'multi', 'account'),
      render: (c, a) => (a.techStack.length === 0 ? c.blank() : a.techStack.map((t) => HS_TECH[t]).join(';'))
    },
    {
      header: 'Lifecycle Stage',
      expect: { ...leaky('category', '"customer" exactly when the company has won a deal'), level: 'account' },
      render: (_, a) => facts(a).lifecycle
    },
    {
      header: 'Create Date',
      expect: ex('ignore', 'date', 'account', { alsoRoles: ['attribute'] }),
      render: (c, a) => c.date(isoToDay(a.createdDate), 'minute', facts(a).createMinutes)
    },
    {
      header: 'Became a Customer Date',
      expect: { ...leaky('date', 'filled only once the company has won a deal'), level: 'account' },
      render: (c, a) => c.date(firstWon(a), 'minute', facts(a).customerMinutes)
    },
    {
      header: 'Total Revenue',
      expect: ex('ltv', 'number', 'account', { leak: 'sum of the won deals: empty unless the company has won', alsoRoles: ['ignore'] }),
      render: (c, a) => c.num(won?.revenue[a.index] ? (won.revenue[a.index] ?? null) : null)
    }
  ]
  return {
    tables: [
      shapeTable(
        model,
        'hubspot',
        {
          name: 'deals',
          kind: 'deals',
          columns: dealColumns,
          rows: dealRows,
          accountOf: (r) => r.account,
          key: 'Record ID',
          dateFormat: TIMESTAMP
        },
        opts
      ),
      shapeTable(
        model,
        'hubspot',
        { name: 'companies', kind: 'accounts', columns: companyColumns, rows: companyRows, key: 'Record ID', dateFormat: TIMESTAMP },
        opts
      )
    ],
    outcomeColumn: { table: 'deals', header: 'Deal Stage' },
    outcomeMapping: { ...Object.fromEntries(HS_OPEN_STAGES.map((s) => [s, 'open'] as const)), [WON]: 'won', [LOST]: 'lost' },
    joins: [{ from: { table: 'deals', header: 'Associated Company IDs' }, to: { table: 'companies', header: 'Record ID' } }],
    ids: { account: (a) => String(hubspotCompanyId(a.index)), deal: (d) => String(hubspotDealId(Number(d.id.slice(4)))) }
  }
}
