/**
 * Salesforce: an "Opportunities with Accounts" report exported as details only, one flat table,
 * with report-style headers ("Account: Industry"), 18-character ids, US dates, checkboxes as 1/0
 * (real booleans in a workbook), and the Competitor picklist whose "None" is a real value.
 */
import { dayParts } from '../dates.js'
import { FX_FROM_USD } from '../model.js'
import { DEAL_TITLE, NEXT_STEP, REPEATED_NAME, ex, leaky } from '../expect.js'
import type { TableStream } from '../tables.js'
import type { CrmModel } from '../truth.js'
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
import {
  COUNTRY_NAME,
  SF_COMPETITORS,
  SF_FORECAST,
  SF_INDUSTRY,
  SF_LEAD_SOURCE,
  SF_OPEN_STAGES,
  SF_PROBABILITY,
  entryOf,
  fundingVocab,
  stateVocab,
  type SfStage
} from './crm-vocab.js'
import { salesforceId } from './ids.js'
import type { ShapeParts } from './types.js'

interface SfRow extends DealView {
  stage: SfStage
  /** Days in the current stage as of the export (closed deals: since they closed). */
  stageDuration: number
  lastModifiedDay: number
  competitor: string | null
}

const CHECKBOX = ['1', '0'] as const

export function salesforceShape(model: CrmModel, opts: RenderOptions): ShapeParts<TableStream> {
  const exportDay = model.frame.exportDay
  // "None" is what the rep picks when no competitor is in the deal; a few leave the picklist empty.
  const competitorOf = accountFacts(model, 'salesforce', (rng, a) =>
    rng.chance(0.05) ? null : a.usesCompetitor ? rng.pick(SF_COMPETITORS) : 'None'
  )
  function* rows(): Generator<SfRow> {
    for (const view of dealViews(model, 'salesforce')) {
      const { deal, rng } = view
      const stage: SfStage =
        deal.outcome === 'won' ? 'Closed Won' : deal.outcome === 'lost' ? 'Closed Lost' : openStage(SF_OPEN_STAGES, view.progress)
      const stageDuration = deal.outcome === 'open' ? rng.int(0, exportDay - view.createdDay) : exportDay - view.closeDay
      const changed = exportDay - stageDuration
      const lastModifiedDay =
        deal.outcome === 'open' ? exportDay - rng.int(0, stageDuration) : Math.min(exportDay - 1, changed + rng.int(0, 20))
      yield { ...view, stage, stageDuration, lastModifiedDay, competitor: competitorOf(view.account) }
    }
  }
  const columns: ShapeColumn<SfRow>[] = [
    { header: 'Opportunity ID', expect: ex('deal-id', 'id', 'deal'), render: (_, r) => salesforceId('006', r.no) },
    {
      header: 'Opportunity Name',
      expect: DEAL_TITLE,
      render: (c, r) => c.typed(`${r.account.name} - ${r.existingBusiness ? 'Expansion' : 'New Business'}`)
    },
    { header: 'Account ID', expect: ex('account-id', 'id', 'account'), render: (_, r) => salesforceId('001', r.account.index) },
    { header: 'Account Name', expect: REPEATED_NAME, render: (_, r) => r.account.name },
    {
      header: 'Type',
      expect: ex('attribute', 'category', 'deal'),
      render: (_, r) => (r.existingBusiness ? 'Existing Business' : 'New Business')
    },
    { header: 'Stage', expect: ex('outcome', 'category', 'deal'), render: (_, r) => r.stage },
    {
      header: 'Amount Currency',
      expect: ex('ignore', 'category', 'account', { alsoRoles: ['attribute'] }),
      render: (_, r) => r.account.revenueCurrency
    },
    {
      header: 'Amount',
      expect: ex('ignore', 'number', 'deal', { alsoRoles: ['deal-amount'] }),
      render: (c, r) => c.num(Math.round((r.deal.amount * FX_FROM_USD[r.account.revenueCurrency]) / 100) * 100)
    },
    { header: 'Amount (converted)', expect: ex('deal-amount', 'number', 'deal'), render: (c, r) => c.num(r.deal.amount) },
    {
      header: 'Probability (%)',
      expect: leaky('number', 'set by the stage: 100 when won, 0 when lost'),
      render: (c, r) => c.num(SF_PROBABILITY[r.stage])
    },
    {
      header: 'Forecast Category',
      expect: leaky('category', 'set by the stage: Closed when won, Omitted when lost'),
      render: (_, r) => SF_FORECAST[r.stage]
    },
    {
      header: 'IsWon',
      expect: leaky('boolean', 'the outcome itself (won or not), not the chosen outcome column'),
      render: (c, r) => c.bool(r.deal.outcome === 'won', CHECKBOX)
    },
    {
      header: 'IsClosed',
      expect: leaky('boolean', 'whether the outcome is known (closed or open)'),
      render: (c, r) => c.bool(r.deal.outcome !== 'open', CHECKBOX)
    },
    { header: 'Created Date', expect: ex('created-date', 'date', 'deal'), render: (c, r) => c.date(r.createdDay, 'us') },
    { header: 'Close Date', expect: ex('closed-date', 'date', 'deal'), render: (c, r) => c.date(r.closeDay, 'us') },
    {
      header: 'Fiscal Period',
      expect: ex('ignore', 'category', 'deal'),
      render: (_, r) => {
        const { y, m } = dayParts(r.closeDay)
        return `Q${Math.floor((m - 1) / 3) + 1}-${y}`
      }
    },
    {
      header: 'Lead Source',
      expect: ex('attribute', 'category', 'account'),
      render: (c, r) => c.picklist(entryOf(SF_LEAD_SOURCE, r.account.leadSource))
    },
    { header: 'Opportunity Owner', expect: ex('attribute', 'category', 'deal', { alsoRoles: ['ignore'] }), render: (_, r) => r.deal.owner },
    { header: 'Competitor', expect: ex('attribute', 'category', 'account'), render: (c, r) => r.competitor ?? c.blank() },
    {
      header: 'Account: Industry',
      expect: ex('attribute', 'category', 'account'),
      render: (c, r) => c.picklist(entryOf(SF_INDUSTRY, r.account.industry))
    },
    { header: 'Account: Employees', expect: ex('attribute', 'number', 'account'), render: (c, r) => c.num(r.account.employees) },
    { header: 'Account: Annual Revenue', expect: ex('attribute', 'number', 'account'), render: (c, r) => c.num(r.account.annualRevenue) },
    {
      header: 'Account: Billing Country',
      expect: ex('attribute', 'category', 'account'),
      render: (c, r) => c.picklist(COUNTRY_NAME[r.account.country])
    },
    {
      header: 'Account: Billing State/Province',
      expect: ex('attribute', 'category', 'account'),
      render: (c, r) => c.picklist(stateVocab(r.account.hqState, 'code'))
    },
    {
      header: 'Account: Tech Stack',
      expect: ex('attribute', 'multi', 'account'),
      render: (c, r) => (r.account.techStack.length === 0 ? c.blank() : r.account.techStack.join(';'))
    },
    {
      header: 'Account: Funding Stage',
      expect: ex('attribute', 'category', 'account'),
      render: (c, r) => c.picklist(fundingVocab(r.account.fundingStage))
    },
    {
      header: 'Account: Recently Raised',
      expect: ex('attribute', 'boolean', 'account'),
      render: (c, r) => c.bool(r.account.recentlyRaised, CHECKBOX)
    },
    {
      header: 'Account: Hiring SDRs',
      expect: ex('attribute', 'boolean', 'account'),
      render: (c, r) => c.bool(r.account.hiringSdrs, CHECKBOX)
    },
    {
      header: 'Next Step',
      expect: NEXT_STEP,
      render: (c, r) => (r.deal.nextStep === null ? c.blank() : c.typed(r.deal.nextStep))
    },
    {
      header: 'Age',
      expect: ex('sales-cycle-days', 'number', 'deal', { leak: 'days from created to closed: known only once closed' }),
      render: (c, r) => c.num((r.deal.outcome === 'open' ? exportDay : r.closeDay) - r.createdDay)
    },
    {
      header: 'Stage Duration',
      expect: leaky('number', 'days in the current stage: counts from the close once closed'),
      render: (c, r) => c.num(r.stageDuration)
    },
    {
      header: 'Last Stage Change Date',
      expect: leaky('date', 'the close date once closed'),
      render: (c, r) => c.date(exportDay - r.stageDuration, 'us')
    },
    { header: 'Last Modified Date', expect: ex('ignore', 'date', 'deal'), render: (c, r) => c.date(r.lastModifiedDay, 'us') },
    ...leakageColumns<SfRow>(model)
  ]
  // A formatted report (heavy mess) keeps Salesforce's title lines and its confidentiality footer.
  const formatted = opts.mess === 'heavy'
  const table = shapeTable(
    model,
    'salesforce',
    {
      name: 'opportunities',
      kind: 'flat',
      columns,
      rows,
      accountOf: (r) => r.account,
      key: 'Opportunity ID',
      dateFormat: 'm/d/yyyy',
      title: formatted ? [`${model.frame.clientName} — Opportunities with Accounts`, `As of ${model.frame.exportDate}`] : null,
      footer: formatted
        ? ['Confidential Information - Do Not Distribute', 'Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.']
        : []
    },
    opts
  )
  return {
    tables: [table],
    outcomeColumn: { table: 'opportunities', header: 'Stage' },
    outcomeMapping: {
      ...Object.fromEntries(SF_OPEN_STAGES.map((s) => [s, 'open'] as const)),
      'Closed Won': 'won',
      'Closed Lost': 'lost'
    },
    joins: [],
    ids: { account: (a) => salesforceId('001', a.index), deal: (d) => salesforceId('006', Number(d.id.slice(4))) }
  }
}
