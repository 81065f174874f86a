/**
 * The step-by-step setup sheet inside each CRM pack: plain text a CRM admin follows, with every
 * property name, value, point and formula exactly as it must be entered, the field mapping to
 * check first, and three accounts to spot-check the result against the app.
 */

import { CRM_FIELD_TYPE_NAMES, CRM_NAMES, type CrmKind, type CrmMappingRow, type CrmPicklistValues } from '@shared/domain/crm'
import { DISQUALIFIED, type Scorecard } from '@shared/engine/scorecard/model'
import type { HubSpotFilter, HubSpotScoring } from './hubspot-scoring'
import type { KeyColumns } from './keyed-scores-csv'
import { keyWords } from './keyed-scores-csv'
import type { SalesforceFormulas } from './salesforce-formula'
import { REASONS_FIELD } from './salesforce-formula'

export interface SpotCheck {
  key: string
  name: string
  points: number
  score: number
  tier: string
}

export interface SetupSheetInput {
  crm: CrmKind
  scorecard: Scorecard
  madeOn: string
  accounts: number
  csvName: string
  mapping: readonly CrmMappingRow[]
  picklistValues: readonly CrmPicklistValues[]
  keys: KeyColumns
  spotChecks: readonly SpotCheck[]
  warnings: readonly string[]
}

const pad = (text: string, width: number): string => (text.length >= width ? `${text}  ` : text.padEnd(width))
const points = (n: number): string => `${n > 0 ? '+' : ''}${n} point${Math.abs(n) === 1 ? '' : 's'}`

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.min(Math.max(...rows.map((r) => r[c]!.length)) + 2, 44))
  return rows.map((r) => `    ${r.map((cell, c) => (c === r.length - 1 ? cell : pad(cell, widths[c]!))).join('')}`.trimEnd())
}

function header(input: SetupSheetInput, title: string, files: string[]): string[] {
  return [
    title,
    `Scorecard "${input.scorecard.name}" — made by ICP Workbench on ${input.madeOn} from ${input.accounts.toLocaleString('en-US')} scored accounts.`,
    '',
    'IN THIS PACK',
    ...files.map((f, i) => `  ${i + 1}. ${f}`),
    ''
  ]
}

function mappingSection(input: SetupSheetInput): string[] {
  const lines = [
    'CHECK FIRST: THE FIELD MAPPING',
    `  Each attribute the scorecard reads, and the ${CRM_NAMES[input.crm]} field it is read from. Change it in ICP Workbench`,
    '  (Export > CRM hand-over) if your field is named differently, and make the pack again.',
    ...table([
      ['Attribute', 'Field', 'Type', ''],
      ...input.mapping.map((m) => [m.label, m.field, CRM_FIELD_TYPE_NAMES[m.type], m.proposed ? '(proposed, not yet confirmed)' : ''])
    ]),
    ''
  ]
  if (input.picklistValues.length > 0) {
    lines.push('  These values must exist in the field exactly as spelled here (map them if your options differ):')
    for (const p of input.picklistValues) lines.push(`    ${p.field}: ${p.values.map((v) => `"${v}"`).join(', ')}`)
    lines.push('')
  }
  if (input.warnings.length > 0) {
    lines.push('BEFORE YOU HAND THIS OVER', ...input.warnings.map((w) => `  ! ${w}`), '')
  }
  return lines
}

function spotCheckSection(input: SetupSheetInput, pointsToo: boolean): string[] {
  if (input.spotChecks.length === 0) return []
  return [
    'SPOT-CHECK',
    `  After setup, these records should read exactly so in ${CRM_NAMES[input.crm]}:`,
    ...table([
      ['Record', 'Name', ...(pointsToo ? ['Points'] : []), 'ICP Score', 'ICP Tier'],
      ...input.spotChecks.map((s) => [s.key, s.name, ...(pointsToo ? [String(s.points)] : []), String(s.score), s.tier])
    ]),
    ''
  ]
}

function tierNames(scorecard: Scorecard): string {
  return [...scorecard.tiers.map((t) => t.name), ...(scorecard.knockouts.length > 0 ? [DISQUALIFIED] : [])].join(', ')
}

function filterWords(filter: HubSpotFilter): string {
  const value =
    filter.values !== undefined
      ? filter.values.map((v) => `"${v}"`).join(', ')
      : filter.value === undefined
        ? ''
        : typeof filter.value === 'string'
          ? filter.value
          : String(filter.value)
  return `${filter.property} ${filter.operator}${value ? ` ${value}` : ''}`
}

export function hubspotSetupSheet(input: SetupSheetInput, scoring: HubSpotScoring, jsonName: string): string {
  const s = input.scorecard
  const lines = [
    ...header(input, 'ICP HAND-OVER FOR HUBSPOT', [
      'This setup sheet.',
      `${input.csvName}: every account's ICP Score (0-100), ICP Tier and ICP Reasons, for HubSpot's import.`,
      `${jsonName}: the same scoring rules, machine-readable.`
    ]),
    ...mappingSection(input),
    'STEP 1. Create three company properties (Settings > Properties > Company properties):',
    '    ICP Score     Number',
    `    ICP Tier      Dropdown select with the options ${tierNames(s)}`,
    '    ICP Reasons   Multi-line text',
    '',
    `STEP 2. Import ${input.csvName} as Companies, updating existing records.`,
    `    Records are matched on ${keyWords('hubspot', input.keys)}.`,
    '    Map ICP Score, ICP Tier and ICP Reasons to the properties of step 1.',
    "    This sets today's scores. Step 3 keeps new and changed companies scored.",
    '',
    `STEP 3. Build the score in HubSpot's lead scoring tool: object Companies, score type ${scoring.scoreType},`,
    `    named "${scoring.scoreName}". Set its score limit to at least ${scoring.scoreLimit} points (the best account's points).`,
    '    Add these groups and rules. All filters in one rule must hold.',
    ''
  ]
  for (const group of scoring.groups) {
    lines.push(
      `    Group "${group.name}" — group limit ${group.limit}${group.capped ? ' (a cap the app applies too)' : ' (its best total: it never clips)'}`
    )
    for (const rule of group.rules) {
      lines.push(`      ${pad(points(rule.points), 12)}${rule.words}`)
      for (const filter of rule.filters) lines.push(`                  ${filterWords(filter)}`)
    }
    lines.push('')
  }
  lines.push(
    `STEP 4. Tiers. HubSpot adds up points; the app maps points ${scoring.scale.min} to ${scoring.scale.max} onto 0-100. The tiers in points:`,
    ...table([
      ['Tier', 'ICP Score', 'Points'],
      ...scoring.thresholds.map((t, i) => [
        t.tier,
        i === scoring.thresholds.length - 1 ? 'below the tier above' : `${s.tiers[i]!.min} and up`,
        t.minPoints === null ? 'below the tier above' : t.reachable ? `${t.minPoints} and up` : 'cannot be reached'
      ])
    ]),
    "    Set the score's thresholds at these points, or a workflow that sets ICP Tier from the score.",
    ''
  )
  if (scoring.disqualifiers.length > 0) {
    lines.push(
      'STEP 5. Knockouts. A HubSpot score cannot disqualify; a workflow on companies sets ICP Tier to "Disqualified" when any of these holds:'
    )
    for (const d of scoring.disqualifiers) lines.push(`      ${d.name}: ${d.filters.map(filterWords).join(' AND ')}`)
    lines.push('')
  }
  lines.push(...spotCheckSection(input, true))
  return lines.join('\r\n')
}

export function salesforceSetupSheet(input: SetupSheetInput, formulas: SalesforceFormulas, formulaFiles: readonly string[]): string {
  const s = input.scorecard
  const lines = [
    ...header(input, 'ICP HAND-OVER FOR SALESFORCE', [
      'This setup sheet.',
      `${input.csvName}: every account's ICP Score (0-100), ICP Tier and ICP Reasons, for the Data Import Wizard.`,
      ...formulaFiles.map((f) => `${f}: a formula to paste, as printed below.`)
    ]),
    ...mappingSection(input),
    'STEP 1. Create the formula fields on Account (Setup > Object Manager > Account > Fields & Relationships > New > Formula),',
    '    in this order. For each: Blank Field Handling = "Treat blank fields as blanks" (the rules rely on it), then Check Syntax.',
    ''
  ]
  for (const field of formulas.fields) {
    lines.push(
      `    ${field.label} — API name ${field.field}, return type ${field.returnType}${field.returnType === 'Number' ? ', 0 decimal places' : ''}`,
      ''
    )
    lines.push(...field.formula.split('\n').map((l) => `        ${l}`), '')
  }
  lines.push(
    `    Salesforce limits a formula to 3,900 characters (each above is within it) and its compiled size to 5,000 bytes,`,
    "    which only Check Syntax can measure. If it reports the compiled size, use step 2's import for score and tier instead.",
    '',
    `STEP 2. Create ICP Reasons (API name ${REASONS_FIELD}, Long Text Area) and import ${input.csvName}`,
    '    with the Data Import Wizard (Accounts and Contacts > Update existing records).',
    `    Records are matched on ${keyWords('salesforce', input.keys)}. Map ICP Reasons; leave ICP Score and ICP Tier unmapped`,
    '    when you created them as formulas in step 1, or create them as Number(3, 0) and Text fields and map them to keep a snapshot.',
    '',
    `    Tiers: ${s.tiers.map((t, i) => (i === s.tiers.length - 1 ? `${t.name} below that` : `${t.name} from ${t.min}`)).join(', ')}${s.knockouts.length > 0 ? `; ${DISQUALIFIED} when a knockout holds` : ''}.`,
    ...(input.mapping.some((m) => m.type === 'checkbox')
      ? ['    A checkbox in Salesforce is never blank: an account with no value on record counts as unchecked there.']
      : []),
    '',
    ...spotCheckSection(input, false)
  )
  return lines.join('\r\n')
}

export function genericReadme(input: SetupSheetInput, files: { csv: string; sql: string; json: string }): string {
  return [
    ...header(input, 'ICP HAND-OVER', [
      'This read-me.',
      `${files.csv}: every account's ICP Score (0-100), ICP Tier and ICP Reasons, keyed by ${keyWords('generic', input.keys)}.`,
      `${files.sql}: the scorecard as one SQL query, for scoring in a warehouse (docs/exports.md describes the columns it expects).`,
      `${files.json}: the scorecard file, which ICP Workbench imports again.`
    ]),
    ...mappingSection(input),
    ...spotCheckSection(input, true)
  ].join('\r\n')
}
