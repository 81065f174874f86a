/**
 * The keyed CSV a CRM's import reads to update existing records: the client's own record key
 * (id, else domain, else name), then ICP Score, ICP Tier and ICP Reasons. Headers are the ones
 * each CRM's importer maps without help (HubSpot: "Record ID", "Company Domain Name"; Salesforce's
 * Data Import Wizard: "Account ID", "Website").
 */

import type { CrmKind } from '@shared/domain/crm'
import { toCsv } from '@shared/export/spreadsheet-text'

export interface KeyedAccount {
  id: string
  domain: string
  name: string
  score: number
  tier: string
  reasons: string
}

export interface KeyColumns {
  /** The workspace column the ids came from, or null when the data has no account id. */
  idColumn: string | null
  domainColumn: string | null
}

const KEY_HEADERS: Readonly<Record<CrmKind, { id: string; domain: string; name: string }>> = {
  hubspot: { id: 'Record ID', domain: 'Company Domain Name', name: 'Company name' },
  salesforce: { id: 'Account ID', domain: 'Website', name: 'Account Name' },
  generic: { id: 'Account ID', domain: 'Domain', name: 'Account' }
}

export const SCORE_HEADERS = ['ICP Score', 'ICP Tier', 'ICP Reasons'] as const

export function keyedScoresHeaders(crm: CrmKind, keys: KeyColumns): string[] {
  const h = KEY_HEADERS[crm]
  return [...(keys.idColumn ? [h.id] : []), ...(keys.domainColumn ? [h.domain] : []), h.name, ...SCORE_HEADERS]
}

/** How the import will find each record, in words, for the setup sheet. */
export function keyWords(crm: CrmKind, keys: KeyColumns): string {
  const h = KEY_HEADERS[crm]
  if (keys.idColumn) return `"${h.id}" (your column "${keys.idColumn}")`
  if (keys.domainColumn) return `"${h.domain}" (your column "${keys.domainColumn}")`
  return `"${h.name}" — the data has no account id or domain, and matching by name is unreliable`
}

export function keyedScoresCsv(crm: CrmKind, keys: KeyColumns, accounts: readonly KeyedAccount[]): string {
  const rows = accounts.map((a) => [
    ...(keys.idColumn ? [a.id] : []),
    ...(keys.domainColumn ? [a.domain] : []),
    a.name,
    a.score,
    a.tier,
    a.reasons
  ])
  return `\ufeff${toCsv(keyedScoresHeaders(crm, keys), rows)}`
}
