import type { ColumnRole, ColumnType, DateOrder, Outcome, TableKind } from '@shared/domain/dataset'
import type { FileFormat } from '@shared/domain/import'
import type { OutcomeWords } from '@shared/domain/one-pager'

/** The words consultants use, not the enum values the backend stores. */
export const TYPE_LABELS: Record<ColumnType, string> = {
  number: 'Number',
  range: 'Range (e.g. 51-200)',
  date: 'Date',
  boolean: 'Yes/No',
  category: 'Category',
  multi: 'List (several values)',
  text: 'Text',
  id: 'Identifier'
}

export const ROLE_LABELS: Record<ColumnRole, string> = {
  attribute: 'Attribute',
  ignore: 'Ignore',
  'account-id': 'Account ID',
  'account-name': 'Account name',
  domain: 'Web domain',
  'deal-id': 'Deal ID',
  outcome: 'Outcome (won/lost)',
  'deal-amount': 'Deal amount',
  'created-date': 'Created date',
  'closed-date': 'Closed date',
  churned: 'Churned',
  ltv: 'LTV',
  acv: 'ACV',
  nrr: 'NRR',
  tenure: 'Tenure',
  nps: 'NPS',
  'time-to-value': 'Time to value',
  'support-tickets': 'Support tickets',
  'sales-cycle-days': 'Sales-cycle days'
}

/** Roles grouped in the select so the long list reads as three short ones. */
export const ROLE_GROUPS: ReadonlyArray<{ label: string; roles: readonly ColumnRole[] }> = [
  { label: 'Analysis', roles: ['attribute', 'ignore'] },
  {
    label: 'Keys and deal facts',
    roles: ['account-id', 'account-name', 'domain', 'deal-id', 'outcome', 'deal-amount', 'created-date', 'closed-date']
  },
  {
    label: 'Success metrics',
    roles: ['churned', 'ltv', 'acv', 'nrr', 'tenure', 'nps', 'time-to-value', 'support-tickets', 'sales-cycle-days']
  }
]

export const KIND_LABELS: Record<TableKind, string> = {
  accounts: 'Accounts',
  deals: 'Deals',
  flat: 'Deals with account columns'
}

/** A stored table's name: a churn study's one table is its customers, not deals. */
export function tableKindLabel(kind: TableKind, outcome: Pick<OutcomeWords, 'kind'>): string {
  return kind === 'flat' && outcome.kind === 'retained' ? 'Customers' : KIND_LABELS[kind]
}

export const KIND_CHOICES: ReadonlyArray<{ kind: TableKind; label: string; hint: string }> = [
  { kind: 'accounts', label: 'Accounts', hint: 'One row per account' },
  { kind: 'deals', label: 'Deals', hint: 'One row per deal or opportunity' },
  { kind: 'flat', label: 'One table of deals with account columns', hint: 'Deals with the account’s traits inline' }
]

/** The import's kind choices in the words the file will be read in: a churn study's one table is its customers. */
export function kindChoices(outcome: Pick<OutcomeWords, 'kind'>): ReadonlyArray<{ kind: TableKind; label: string; hint: string }> {
  if (outcome.kind !== 'retained') return KIND_CHOICES
  return KIND_CHOICES.map((choice) =>
    choice.kind === 'flat'
      ? { kind: 'flat', label: 'One table of customers', hint: 'A row per customer: their traits, and whether they stayed or churned' }
      : choice
  )
}

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  mdy: 'MM/DD/YYYY (US)',
  dmy: 'DD/MM/YYYY',
  ymd: 'YYYY-MM-DD'
}

export const OUTCOME_LABELS: Record<Outcome, string> = { won: 'Won', lost: 'Lost', open: 'Open' }

export const FORMAT_LABELS: Record<FileFormat, string> = {
  csv: 'CSV / text',
  xlsx: 'Excel workbook (XLSX)',
  xlsm: 'Excel macro workbook (XLSM)',
  xlsb: 'Excel binary workbook (XLSB)',
  xls: 'Excel 97-2003 (XLS)',
  ods: 'OpenDocument spreadsheet (ODS)'
}

export function delimiterLabel(delimiter: string | null): string {
  if (delimiter === null) return '—'
  if (delimiter === ',') return 'Comma'
  if (delimiter === ';') return 'Semicolon'
  if (delimiter === '\t') return 'Tab'
  if (delimiter === '|') return 'Pipe'
  return `“${delimiter}”`
}

/** Types whose values can be cut into bands (a hygiene rule on anything else has no numbers to cut). */
export function isNumericType(type: ColumnType): boolean {
  return type === 'number' || type === 'range'
}
