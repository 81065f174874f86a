/**
 * The CRM hand-over pack: one ZIP per CRM with the setup sheet, the keyed scores CSV and the
 * CRM's own rules (HubSpot's scoring structure as JSON, Salesforce's formulas as text, or the SQL
 * and scorecard file for any other system). Scores, tiers and reasons come from the same scored
 * accounts table as the workbook and CSV, so the pack can never disagree with them.
 */

import type { Database } from 'better-sqlite3'
import { CRM_NAMES, type CrmField, type CrmKind, type CrmPack } from '@shared/domain/crm'
import { reasonsLine } from '@shared/engine/scoring/reason-codes'
import { conditionWords } from '@shared/export/readable-condition'
import {
  genericReadme,
  hubspotSetupSheet,
  salesforceSetupSheet,
  type SetupSheetInput,
  type SpotCheck
} from '@shared/export/crm/crm-setup-sheet'
import { hubspotScoring } from '@shared/export/crm/hubspot-scoring'
import { keyedScoresCsv, type KeyColumns, type KeyedAccount } from '@shared/export/crm/keyed-scores-csv'
import { salesforceFormulas } from '@shared/export/crm/salesforce-formula'
import type { ScoredAccount } from '@shared/export/scored-accounts'
import { scorecardSql } from '@shared/export/scorecard-sql'
import { safeFileName } from '@shared/format'
import { attributeWordsOf } from '../dataset/attribute-words'
import { scorecardFile } from '../scorecards/portable-file'
import { crmMapping } from './crm-mapping'
import { dateAttributes } from './data-dictionary'
import { exportedScorecard, scoredAccountsWithData } from './scored-accounts-export'
import { deflateChunks, writeZip, type ZipEntry } from './workbook-zip'

/** MS-DOS date and time of `at` (local time, as ZIP tools show it). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate()
  }
}

async function zipOf(files: ReadonlyArray<{ name: string; text: string | Uint8Array }>, at: Date): Promise<Uint8Array> {
  const stamp = dosTime(at)
  const entries: ZipEntry[] = []
  for (const file of files) {
    const bytes = typeof file.text === 'string' ? Buffer.from(file.text, 'utf8') : Buffer.from(file.text)
    entries.push({ name: file.name, ...(await deflateChunks([bytes], 6)), ...stamp })
  }
  return new Uint8Array(writeZip(entries))
}

/** Three accounts to check the CRM against: the best, the middle one and the lowest that is not knocked out. */
function spotChecks(accounts: readonly ScoredAccount[], keyOf: (a: ScoredAccount) => string): SpotCheck[] {
  const scored = accounts.filter((a) => a.knockout === null)
  const picks = [scored[0], scored[Math.floor(scored.length / 2)], scored[scored.length - 1]]
  const seen = new Set<number>()
  return picks.flatMap((a) => {
    if (!a || seen.has(a.row)) return []
    seen.add(a.row)
    return [{ key: keyOf(a), name: a.accountName, points: a.raw, score: a.score, tier: a.tier }]
  })
}

export interface CrmPackOptions {
  /** For tests and the CLI's reproducible output; the pack's date otherwise. */
  now?: Date
}

export async function crmPack(db: Database, scorecardId: number, crm: CrmKind, options: CrmPackOptions = {}): Promise<CrmPack> {
  const now = options.now ?? new Date()
  const scorecard = exportedScorecard(db, scorecardId)
  const { table, dataset } = scoredAccountsWithData(db, scorecard)
  const words = attributeWordsOf(db)
  // Rules name the condition; a label may carry the evidence it was suggested with.
  const wordsOf = (c: Parameters<typeof conditionWords>[0]) => conditionWords(c, words(c.attribute))
  const dates = dateAttributes(db)
  const mapping = crmMapping(db, scorecard, crm, dataset, dates)
  const fieldByAttribute = new Map<string, CrmField>(mapping.fields.map((f) => [f.attribute, f]))
  const fieldOf = (attribute: string): CrmField => fieldByAttribute.get(attribute)!

  const keys: KeyColumns = { idColumn: dataset.accountKeys?.idColumn ?? null, domainColumn: dataset.accountKeys?.domainColumn ?? null }
  const domains = dataset.accountKeys?.domains ?? []
  const keyed: KeyedAccount[] = table.accounts.map((a) => ({
    id: a.accountId,
    domain: domains[a.row] ?? '',
    name: a.accountName,
    score: a.score,
    tier: a.tier,
    reasons: reasonsLine(a.reasons, a.knockout)
  }))
  const keyOf = (a: ScoredAccount): string => (keys.idColumn ? a.accountId : keys.domainColumn ? (domains[a.row] ?? '') : a.accountName)

  const warnings: string[] = []
  const proposed = mapping.fields.filter((f) => f.proposed)
  if (proposed.length > 0)
    warnings.push(
      `${proposed.length} of ${mapping.fields.length} field names are proposals nobody has confirmed yet (${proposed.map((f) => f.label).join(', ')}).`
    )
  if (!keys.idColumn && !keys.domainColumn)
    warnings.push(
      `The data has no account id or domain column, so the CSV can only be matched by account name, which ${CRM_NAMES[crm]} may match wrongly or not at all.`
    )
  if (scorecard.criteria.length === 0) warnings.push('The scorecard has no criteria: every account scores the same.')
  // A CRM scores the company record; a trait of the deal may not be on it at all.
  const dealLevel = mapping.fields.filter((f) => dataset.levels?.get(f.attribute) === 'deal')
  if (dealLevel.length > 0) {
    warnings.push(
      `${dealLevel.map((f) => f.label).join(', ')} describe${dealLevel.length === 1 ? 's' : ''} deals, not accounts: ${CRM_NAMES[crm]} scores the company record, so map ${dealLevel.length === 1 ? 'it' : 'them'} to a company field that holds the same fact, or the rule will not fire. The CSV uses each account's most recent deal.`
    )
  }

  const base = safeFileName(scorecard.name, 'scorecard')
  const csvName = crm === 'generic' ? 'ICP scores.csv' : `ICP scores - ${CRM_NAMES[crm]} import.csv`
  const sheet = (extra: string[]): SetupSheetInput => ({
    crm,
    scorecard,
    madeOn: now.toISOString().slice(0, 10),
    accounts: table.accounts.length,
    csvName,
    mapping: mapping.fields,
    picklistValues: mapping.picklistValues,
    keys,
    spotChecks: spotChecks(table.accounts, keyOf),
    warnings: [...warnings, ...extra]
  })
  const csv = keyedScoresCsv(crm, keys, keyed)
  let files: Array<{ name: string; text: string | Uint8Array }>
  let allWarnings: string[]
  if (crm === 'hubspot') {
    const scoring = hubspotScoring(scorecard, fieldOf, wordsOf, `ICP Fit - ${scorecard.name}`)
    const jsonName = 'hubspot-scoring.json'
    const input = sheet(scoring.problems)
    allWarnings = [...input.warnings]
    files = [
      { name: 'HubSpot setup sheet.txt', text: `\ufeff${hubspotSetupSheet(input, scoring, jsonName)}` },
      { name: csvName, text: csv },
      { name: jsonName, text: `${JSON.stringify(scoring, null, 2)}\n` }
    ]
  } else if (crm === 'salesforce') {
    const formulas = salesforceFormulas(scorecard, fieldOf)
    const formulaFiles = formulas.fields.map((f) => `${f.field} formula.txt`)
    const input = sheet(formulas.problems)
    allWarnings = [...input.warnings]
    files = [
      { name: 'Salesforce setup sheet.txt', text: `\ufeff${salesforceSetupSheet(input, formulas, formulaFiles)}` },
      { name: csvName, text: csv },
      ...formulas.fields.map((f, i) => ({ name: formulaFiles[i]!, text: `${f.formula}\n` }))
    ]
  } else {
    const input = sheet([])
    allWarnings = [...input.warnings]
    const file = scorecardFile(scorecard)
    const names = { csv: csvName, sql: `${base}.sql`, json: file.fileName }
    files = [
      { name: 'Read me.txt', text: `\ufeff${genericReadme(input, names)}` },
      { name: names.csv, text: csv },
      { name: names.sql, text: scorecardSql(scorecard) },
      { name: names.json, text: file.bytes }
    ]
  }
  return {
    fileName: `${base} - ${crm === 'generic' ? 'CRM' : CRM_NAMES[crm]} hand-over.zip`,
    bytes: await zipOf(files, now),
    files: files.map((f) => f.name),
    warnings: allWarnings
  }
}
