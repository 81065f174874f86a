/**
 * The scored accounts as CSV: the same rows and columns as the workbook's "Scored accounts"
 * sheet (without its hidden "Meets" flags), values instead of formulas, every cell neutralised
 * against formula injection. UTF-8 with a byte-order mark, so Excel reads accents right.
 */

import { reasonsLine } from '@shared/engine/scoring/reason-codes'
import { fixedHeaders, REASONS_HEADER, type ScoredAccountsTable } from './scored-accounts'
import { toCsv } from './spreadsheet-text'

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

export function scoredAccountsCsv(table: ScoredAccountsTable, dateAttributes: ReadonlySet<string>): string {
  const headers = [...fixedHeaders(table.labels), ...table.attributes.map((a) => a.name), ...table.criterionHeaders, REASONS_HEADER]
  const isDate = table.attributes.map((a) => a.kind === 'number' && dateAttributes.has(a.name))
  const rows = table.accounts.map((account) => [
    account.accountId,
    account.accountName,
    account.score,
    account.tier,
    account.raw,
    account.knockout ?? '',
    account.deals,
    table.labels[account.outcome],
    ...account.values.map((value, a) =>
      value === null
        ? ''
        : typeof value === 'number'
          ? isDate[a]
            ? isoDate(value)
            : value
          : typeof value === 'boolean'
            ? value
              ? 'true'
              : 'false'
            : value
    ),
    ...table.criteria.map((criterion, i) => (account.matches[i] ? criterion.points : 0)),
    reasonsLine(account.reasons, account.knockout)
  ])
  return `\ufeff${toCsv(headers, rows)}`
}
