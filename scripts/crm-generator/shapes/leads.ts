/**
 * A leads / marketing table: one row per company (no account key beyond the row's own id),
 * firmographics as marketing tools hold them (typed, "51-200" size bands), a 0/1 "Converted"
 * outcome, and two columns that give it away: "Converted Date" and a "Lead Score" that jumps
 * once a lead converts. A lead is an account with at least one closed deal; it converted when
 * the account won one (accounts whose deals are all open are not in the table yet).
 */
import { isoToDay } from '../dates.js'
import { SIGNAL_STRENGTHS, type TrueAccount } from '../model.js'
import type { TrueDeal } from '../deals.js'
import { ex, leaky } from '../expect.js'
import type { CrmModel } from '../truth.js'
import type { TableStream } from '../tables.js'
import { accountFacts, dealViews, leakageColumns, shapeTable, typedColumn, type RenderOptions, type ShapeColumn } from './build.js'
import { COUNTRY_NAME, employeeBand, stateVocab } from './crm-vocab.js'
import { leadId } from './ids.js'
import type { ShapeParts } from './types.js'

interface LeadRow {
  account: TrueAccount
  /** The deal that decided the lead: its first won deal, else its first closed one. */
  deal: TrueDeal
  converted: boolean
  convertedDay: number | null
  score: number
}

export function leadsShape(model: CrmModel, opts: RenderOptions): ShapeParts<TableStream> {
  const base = SIGNAL_STRENGTHS[model.frame.signal].baseLogOdds
  const noise = accountFacts(model, 'leads', (rng) => rng.normal())
  const leadOf = (account: TrueAccount, firstClosed: TrueDeal, firstWon: TrueDeal | null): LeadRow => {
    // A fit score from firmographics plus the engagement points a converted lead piles up.
    const raw = 45 + 10 * (account.fit - base) + 10 * noise(account) + (firstWon ? 18 : 0)
    return {
      account,
      deal: firstWon ?? firstClosed,
      converted: firstWon !== null,
      convertedDay: firstWon?.closedDate ? isoToDay(firstWon.closedDate) : null,
      score: Math.min(100, Math.max(0, Math.round(raw)))
    }
  }
  function* rows(): Generator<LeadRow> {
    let account: TrueAccount | null = null
    let firstClosed: TrueDeal | null = null
    let firstWon: TrueDeal | null = null
    for (const view of dealViews(model, 'leads')) {
      if (view.account !== account) {
        if (account && firstClosed) yield leadOf(account, firstClosed, firstWon)
        account = view.account
        firstClosed = null
        firstWon = null
      }
      const { deal } = view
      if (deal.outcome === 'open') continue
      firstClosed ??= deal
      // Deals are in created order; the first to close as won is the conversion.
      if (deal.outcome === 'won' && (firstWon === null || (deal.closedDate ?? '') < (firstWon.closedDate ?? ''))) firstWon = deal
    }
    if (account && firstClosed) yield leadOf(account, firstClosed, firstWon)
  }
  const columns: ShapeColumn<LeadRow>[] = [
    { header: 'Lead ID', expect: ex('deal-id', 'id', 'account', { alsoRoles: ['account-id'] }), render: (_, r) => leadId(r.account.index) },
    { header: 'Company', expect: ex('account-name', 'id', 'account'), render: (c, r) => c.typed(r.account.name) },
    { header: 'Website', expect: ex('domain', 'id', 'account'), render: (_, r) => `www.${r.account.domain}` },
    typedColumn<LeadRow>('Industry', 'industry', (r) => r.account),
    {
      header: 'Company Size',
      expect: ex('attribute', 'range', 'account'),
      render: (c, r) => (r.account.employees === null ? c.missing() : employeeBand(r.account.employees))
    },
    { header: 'Country', expect: ex('attribute', 'category', 'account'), render: (c, r) => c.picklist(COUNTRY_NAME[r.account.country]) },
    {
      header: 'State',
      expect: ex('attribute', 'category', 'account'),
      render: (c, r) => c.picklist(stateVocab(r.account.hqState, 'code'))
    },
    typedColumn<LeadRow>('Lead Source', 'leadSource', (r) => r.account),
    typedColumn<LeadRow>('Funding Round', 'fundingStage', (r) => r.account),
    {
      header: 'Created Date',
      expect: ex('created-date', 'date', 'deal'),
      render: (c, r) => c.date(isoToDay(r.account.createdDate), 'iso')
    },
    // 0/1 as numbers, also in a workbook: marketing tables hold a flag column, not checkboxes.
    { header: 'Converted', expect: ex('outcome', 'boolean', 'deal', { alsoTypes: ['category'] }), render: (_, r) => (r.converted ? 1 : 0) },
    {
      header: 'Converted Date',
      expect: leaky('date', 'filled only for converted leads', { alsoRoles: ['closed-date'] }),
      render: (c, r) => c.date(r.convertedDay, 'iso')
    },
    {
      header: 'Lead Score',
      expect: leaky('number', 'engagement points pile up once a lead converts'),
      render: (c, r) => c.num(r.score)
    },
    ...leakageColumns<LeadRow>(model)
  ]
  return {
    tables: [shapeTable(model, 'leads', { name: 'leads', kind: 'flat', columns, rows, key: 'Lead ID', dateFormat: 'yyyy-mm-dd' }, opts)],
    outcomeColumn: { table: 'leads', header: 'Converted' },
    outcomeMapping: { 1: 'won', 0: 'lost' },
    joins: [],
    ids: { account: (a) => String(leadId(a.index)), deal: null }
  }
}
