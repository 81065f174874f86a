/**
 * The generator's own export (accounts + deals, or the flat table) in the shape API, so tests
 * can treat it like the CRM shapes. Rows are exactly those of generateCrm / streamCrm.
 */
import { tableExpectations, tableStream, type TableName, type TableStream } from '../tables.js'
import { OUTCOME_VALUES } from '../vocab.js'
import type { CrmModel } from '../truth.js'
import type { RenderOptions } from './build.js'
import type { ShapeParts, ShapeTable } from './types.js'

const KEYS: Record<TableName, ShapeTable['key']> = {
  accounts: { header: 'Account ID', level: 'account' },
  deals: { header: 'Opportunity ID', level: 'deal' },
  flat: { header: 'Opportunity ID', level: 'deal' }
}

export function standardShape(model: CrmModel, opts: RenderOptions, flat: boolean): ShapeParts<TableStream> {
  const names: TableName[] = flat ? ['flat'] : ['accounts', 'deals']
  const dealTable = flat ? 'flat' : 'deals'
  return {
    tables: names.map((name) => ({
      name,
      kind: name,
      table: tableStream(model, name, opts),
      key: KEYS[name],
      dateFormat: 'm/d/yyyy',
      expect: tableExpectations(name, { mess: opts.mess, leakage: model.frame.leakage })
    })),
    outcomeColumn: { table: dealTable, header: 'Stage' },
    outcomeMapping: OUTCOME_VALUES,
    joins: flat ? [] : [{ from: { table: 'deals', header: 'Account ID' }, to: { table: 'accounts', header: 'Account ID' } }],
    ids: { account: (a) => a.id, deal: (d) => d.id }
  }
}
