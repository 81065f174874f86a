/**
 * Pipedrive: the deals export with the organization's fields alongside ("Deal - …",
 * "Organization - …"), small integer ids, timestamps as "2025-03-04 13:22:10", Status
 * open/won/lost, and custom fields people type into (industry, source, funding stage).
 * A closed deal keeps the stage it was closed in, so the stage column leaks: lost deals die early.
 */
import { FX_FROM_USD } from '../model.js'
import { DEAL_TITLE, REPEATED_NAME, ex, leaky } from '../expect.js'
import type { CrmModel } from '../truth.js'
import type { TableStream } from '../tables.js'
import {
  accountFacts,
  dealViews,
  leakageColumns,
  openStage,
  shapeTable,
  typedColumn,
  type DealView,
  type RenderOptions,
  type ShapeColumn
} from './build.js'
import { CITY, COUNTRY_NAME, PD_LOST_REASONS, PD_STAGES, STREETS, employeeBand } from './crm-vocab.js'
import { pipedriveDealId, pipedriveOrgId } from './ids.js'
import type { ShapeParts } from './types.js'

interface PdRow extends DealView {
  stage: string
  lostReason: string | null
  createdMinutes: number
  createdSeconds: number
  closeMinutes: number
  closeSeconds: number
  expectedCloseDay: number
  updateDay: number
}

export function pipedriveShape(model: CrmModel, opts: RenderOptions): ShapeParts<TableStream> {
  const exportDay = model.frame.exportDay
  const addressOf = accountFacts(model, 'pipedrive', (rng, a) => {
    const street = `${rng.int(1, 2400)} ${rng.pick(STREETS)}`
    if (a.country !== 'US') return `${street}, ${CITY[a.country]}, ${COUNTRY_NAME[a.country].value}`
    const zip = String(rng.int(10000, 99950))
    return a.hqState === null ? `${street}, ${zip}, USA` : `${street}, ${a.hqState} ${zip}, USA`
  })
  function* rows(): Generator<PdRow> {
    for (const view of dealViews(model, 'pipedrive')) {
      const { deal, rng } = view
      // The stage a closed deal was closed in: won deals at the end, lost ones mostly early.
      const stage =
        deal.outcome === 'open'
          ? openStage(PD_STAGES, view.progress)
          : deal.outcome === 'won'
            ? rng.chance(0.7)
              ? 'Negotiations Started'
              : 'Proposal Made'
            : (PD_STAGES[
                rng.weighted([
                  [0, 35],
                  [1, 25],
                  [2, 20],
                  [3, 12],
                  [4, 8]
                ])
              ] ?? 'Qualified')
      const lostReason = deal.outcome === 'lost' && rng.chance(0.85) ? rng.pick(PD_LOST_REASONS) : null
      const expectedCloseDay = deal.outcome === 'open' ? view.closeDay : Math.max(view.createdDay + 14, view.closeDay + rng.int(-25, 35))
      const last = deal.outcome === 'open' ? exportDay - 1 : view.closeDay
      yield {
        ...view,
        stage,
        lostReason,
        expectedCloseDay,
        createdMinutes: rng.int(8 * 60, 18 * 60),
        createdSeconds: rng.int(0, 59),
        closeMinutes: rng.int(8 * 60, 18 * 60),
        closeSeconds: rng.int(0, 59),
        updateDay: Math.min(exportDay - 1, last + rng.int(0, 10))
      }
    }
  }
  const closedOn = (r: PdRow, when: 'won' | 'lost' | 'any'): number | null =>
    r.deal.outcome !== 'open' && (when === 'any' || r.deal.outcome === when) ? r.closeDay : null
  const columns: ShapeColumn<PdRow>[] = [
    { header: 'Deal - ID', expect: ex('deal-id', 'id', 'deal'), render: (_, r) => pipedriveDealId(r.no) },
    { header: 'Deal - Title', expect: DEAL_TITLE, render: (c, r) => c.typed(`${r.account.name} deal`) },
    {
      header: 'Deal - Value',
      expect: ex('deal-amount', 'number', 'deal'),
      render: (c, r) => c.num(Math.round((r.deal.amount * FX_FROM_USD[r.account.revenueCurrency]) / 100) * 100)
    },
    {
      header: 'Deal - Currency',
      expect: ex('ignore', 'category', 'account', { alsoRoles: ['attribute'] }),
      render: (_, r) => r.account.revenueCurrency
    },
    { header: 'Deal - Status', expect: ex('outcome', 'category', 'deal'), render: (_, r) => r.deal.outcome },
    {
      header: 'Deal - Stage',
      expect: leaky('category', 'a closed deal keeps the stage it closed in: lost deals died early'),
      render: (_, r) => r.stage
    },
    {
      header: 'Deal - Deal created',
      expect: ex('created-date', 'date', 'deal'),
      render: (c, r) => c.date(r.createdDay, 'second', r.createdMinutes, r.createdSeconds)
    },
    {
      header: 'Deal - Deal closed on',
      expect: ex('closed-date', 'date', 'deal'),
      render: (c, r) => c.date(closedOn(r, 'any'), 'second', r.closeMinutes, r.closeSeconds)
    },
    {
      header: 'Deal - Won time',
      expect: leaky('date', 'filled only for won deals'),
      render: (c, r) => c.date(closedOn(r, 'won'), 'second', r.closeMinutes, r.closeSeconds)
    },
    {
      header: 'Deal - Lost time',
      expect: leaky('date', 'filled only for lost deals'),
      render: (c, r) => c.date(closedOn(r, 'lost'), 'second', r.closeMinutes, r.closeSeconds)
    },
    { header: 'Deal - Lost reason', expect: leaky('category', 'filled only for lost deals'), render: (c, r) => r.lostReason ?? c.blank() },
    {
      header: 'Deal - Expected close date',
      expect: ex('ignore', 'date', 'deal', { alsoRoles: ['closed-date'] }),
      render: (c, r) => c.date(r.expectedCloseDay, 'iso')
    },
    { header: 'Deal - Owner', expect: ex('attribute', 'category', 'deal', { alsoRoles: ['ignore'] }), render: (_, r) => r.deal.owner },
    { header: 'Organization - Name', expect: REPEATED_NAME, render: (_, r) => r.account.name },
    { header: 'Organization - ID', expect: ex('account-id', 'id', 'account'), render: (_, r) => pipedriveOrgId(r.account.index) },
    {
      header: 'Organization - Address',
      expect: ex('ignore', 'text', 'account', { alsoTypes: ['category'] }),
      render: (_, r) => addressOf(r.account)
    },
    typedColumn<PdRow>('Deal - Source', 'leadSource', (r) => r.account),
    typedColumn<PdRow>('Deal - Industry', 'industry', (r) => r.account),
    {
      header: 'Organization - Company size',
      expect: ex('attribute', 'range', 'account'),
      render: (c, r) => (r.account.employees === null ? c.blank() : employeeBand(r.account.employees))
    },
    typedColumn<PdRow>('Organization - Funding stage', 'fundingStage', (r) => r.account),
    {
      header: 'Organization - Tech stack',
      expect: ex('attribute', 'multi', 'account'),
      render: (c, r) => (r.account.techStack.length === 0 ? c.blank() : r.account.techStack.join(', '))
    },
    {
      header: 'Deal - Update time',
      expect: ex('ignore', 'date', 'deal'),
      render: (c, r) => c.date(r.updateDay, 'second', r.closeMinutes, r.createdSeconds)
    },
    ...leakageColumns<PdRow>(model)
  ]
  return {
    tables: [
      shapeTable(
        model,
        'pipedrive',
        {
          name: 'deals',
          kind: 'flat',
          columns,
          rows,
          accountOf: (r) => r.account,
          key: 'Deal - ID',
          dateFormat: 'yyyy-mm-dd hh:mm:ss'
        },
        opts
      )
    ],
    outcomeColumn: { table: 'deals', header: 'Deal - Status' },
    outcomeMapping: { open: 'open', won: 'won', lost: 'lost' },
    joins: [],
    ids: { account: (a) => String(pipedriveOrgId(a.index)), deal: (d) => String(pipedriveDealId(Number(d.id.slice(4)))) }
  }
}
