/**
 * Exports shaped like real CRMs (Salesforce, HubSpot, Pipedrive, a leads table) rendered from
 * the same latent model as the standard export, each table with its column expectations.
 */
import type { Flavor, MessLevel } from '../mess.js'
import type { ModelOptions } from '../model.js'
import { collect, type CrmTable, type TableStream } from '../tables.js'
import { buildModel, truthOf, type CrmModel, type CrmTruth, type StreamTruth } from '../truth.js'
import type { RenderOptions } from './build.js'
import { hubspotShape } from './hubspot.js'
import { leadsShape } from './leads.js'
import { pipedriveShape } from './pipedrive.js'
import { salesforceShape } from './salesforce.js'
import { standardShape } from './standard.js'
import { SHAPES, type ShapeName, type ShapeParts } from './types.js'

export interface ShapeOptions extends ModelOptions {
  shape: ShapeName
  /** As for generateCrm; default 'typical'. */
  mess?: MessLevel
  /** 'workbook': numbers, real booleans and date cells, for XLSX. Default 'csv'. */
  flavor?: Flavor
  /** 'standard' only: the one flat table (a row per deal, account fields inline) instead of accounts + deals. */
  flat?: boolean
}

export interface CrmShape extends ShapeParts<CrmTable> {
  shape: ShapeName
  truth: CrmTruth
}

export interface CrmShapeStream extends ShapeParts<TableStream> {
  shape: ShapeName
  truth: StreamTruth
}

function partsOf(model: CrmModel, options: ShapeOptions): ShapeParts<TableStream> {
  const render: RenderOptions = { mess: options.mess ?? 'typical', flavor: options.flavor ?? 'csv' }
  switch (options.shape) {
    case 'standard':
      return standardShape(model, render, options.flat === true)
    case 'salesforce':
      return salesforceShape(model, render)
    case 'hubspot':
      return hubspotShape(model, render)
    case 'pipedrive':
      return pipedriveShape(model, render)
    case 'leads':
      return leadsShape(model, render)
    default:
      throw new Error(`shape must be one of ${SHAPES.join(', ')} (got "${String(options.shape)}")`)
  }
}

/** Accounts in memory, rows generated lazily on every pass: for exports of any size. */
export function streamCrmShape(options: ShapeOptions): CrmShapeStream {
  const model = buildModel(options, false)
  return { shape: options.shape, ...partsOf(model, options), truth: truthOf(model) }
}

/** Everything in memory, as generateCrm. */
export function generateCrmShape(options: ShapeOptions): CrmShape {
  const model = buildModel(options, true)
  const parts = partsOf(model, options)
  return {
    shape: options.shape,
    ...parts,
    tables: parts.tables.map((t) => ({ ...t, table: collect(t.table) })),
    truth: { ...truthOf(model), deals: model.deals ?? [] }
  }
}

export { SHAPES, type ShapeJoin, type ShapeName, type ShapeParts, type ShapeTable } from './types.js'
