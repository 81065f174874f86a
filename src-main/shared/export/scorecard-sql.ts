/**
 * The scorecard as one SQL query, for teams that score accounts in their warehouse. The same
 * rules as the engine (docs/scorecard-format.md): each matched criterion adds its points, capped
 * attributes are clipped to -cap..cap, raw points map to 0-100 on the scale, halves rounded up,
 * any knockout means Disqualified, and a missing value (NULL) matches only is_missing.
 *
 * Column-name assumptions (docs/exports.md): one row per account (or deal) in one table, one
 * column per attribute named exactly as in the workspace; categories as text after hygiene
 * rules, numbers as numbers (dates as Unix epoch milliseconds), booleans as TRUE/FALSE (or 1/0),
 * lists (tech stack) as text with items separated by "; ", NULL for missing.
 */

import type { Condition, Scorecard } from '@shared/engine/scorecard/model'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { scoreScale } from '@shared/engine/scoring/scale'

export const LIST_SEPARATOR = '; '
const LIKE_ESCAPE = '!'

/** A double-quoted identifier: embedded quotes doubled, NUL dropped (no engine accepts it). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/\0/g, '').replace(/"/g, '""')}"`
}

/** A single-quoted string literal: embedded quotes doubled, NUL dropped. */
export function quoteString(text: string): string {
  return `'${text.replace(/\0/g, '').replace(/'/g, "''")}'`
}

/** A number literal; negatives in parentheses so "x - -3" can never become a "--" comment. */
function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as an SQL number`)
  return value < 0 ? `(${value})` : String(value)
}

/**
 * Text safe inside a comment: one line, and neither opening nor closing a block comment.
 * PostgreSQL and DuckDB nest block comments, so an unmatched "/*" in user text would turn the
 * rest of the script into a comment until a "* /" inside a later string literal ended it, and
 * the text after that literal would run as SQL.
 */
function commentText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- line breaks (and NEL, LS, PS) must not end a comment early
      .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
      .replace(/\/\*/g, '/ *')
      .replace(/\*\//g, '* /')
  )
}

/**
 * User text goes only into line comments; nothing inside one (a quote, "/*") is read as SQL or
 * nests. Every place that writes one ends the line right after it (terms are always joined and
 * closed with a line break).
 */
const comment = (text: string): string => `-- ${commentText(text)}`

/** "; a; b; " LIKE '%; item; %' — the item as a whole list entry, with LIKE's wildcards escaped. */
function listHas(column: string, item: string): string {
  const escaped = item.replace(/[!%_]/g, (ch) => LIKE_ESCAPE + ch)
  const pattern = `%${LIST_SEPARATOR}${escaped}${LIST_SEPARATOR}%`
  return `((${quoteString(LIST_SEPARATOR)} || ${column} || ${quoteString(LIST_SEPARATOR)}) LIKE ${quoteString(pattern)} ESCAPE ${quoteString(LIKE_ESCAPE)})`
}

/** The condition as a boolean SQL expression over `base`'s columns. */
export function conditionSql(condition: Condition): string {
  const column = `base.${quoteIdentifier(condition.attribute)}`
  const values = condition.values ?? []
  // Validation never lets a list be empty; an empty list still must not produce "IN ()".
  if (values.length === 0 && ['in', 'not_in', 'contains_any', 'contains_all'].includes(condition.op)) return '(1 = 0)'
  switch (condition.op) {
    case 'in':
      return `${column} IN (${values.map(quoteString).join(', ')})`
    case 'not_in':
      return `(${column} IS NOT NULL AND ${column} NOT IN (${values.map(quoteString).join(', ')}))`
    case 'between': {
      const parts = [`${column} IS NOT NULL`]
      if (condition.min !== null && condition.min !== undefined) parts.push(`${column} >= ${numberLiteral(condition.min)}`)
      if (condition.max !== null && condition.max !== undefined) parts.push(`${column} <= ${numberLiteral(condition.max)}`)
      return `(${parts.join(' AND ')})`
    }
    case 'lt':
      return `${column} < ${numberLiteral(condition.value ?? NaN)}`
    case 'gt':
      return `${column} > ${numberLiteral(condition.value ?? NaN)}`
    case 'is_true':
      return `${column} = TRUE`
    case 'is_false':
      return `${column} = FALSE`
    case 'contains_any':
      return `(${column} IS NOT NULL AND (${values.map((v) => listHas(column, v)).join(' OR ')}))`
    case 'contains_all':
      return `(${column} IS NOT NULL AND ${values.map((v) => listHas(column, v)).join(' AND ')})`
    case 'is_missing':
      return `${column} IS NULL`
  }
}

export interface ScorecardSqlOptions {
  /** The table (or view) holding one row per account; default "accounts". */
  table?: string
}

/**
 * A SELECT that returns every column of the table plus icp_points (raw, after caps),
 * icp_score (0-100), icp_knockout (the first knockout that hits, or NULL) and icp_tier.
 */
export function scorecardSql(scorecard: Scorecard, options: ScorecardSqlOptions = {}): string {
  const table = options.table ?? 'accounts'
  const caps = new Map<string, number>()
  for (const { attribute, cap } of scorecard.attributeCaps ?? []) if (!caps.has(attribute)) caps.set(attribute, cap)

  const term = (index: number): string => {
    const criterion = scorecard.criteria[index]!
    return `CASE WHEN ${conditionSql(criterion)} THEN ${numberLiteral(criterion.points)} ELSE 0 END ${comment(`${index + 1}. ${criterion.label ?? describeCondition(criterion)}`)}`
  }
  const terms: string[] = []
  const capped = new Map<string, number[]>()
  scorecard.criteria.forEach((criterion, i) => {
    if (caps.has(criterion.attribute)) capped.set(criterion.attribute, [...(capped.get(criterion.attribute) ?? []), i])
    else terms.push(term(i))
  })
  for (const [attribute, indexes] of capped) {
    const cap = caps.get(attribute)!
    const sum = `(\n          ${indexes.map(term).join('\n        + ')}\n        )`
    terms.push(
      `CASE ${comment(`${attribute}: capped at ±${cap}`)}\n        WHEN ${sum} > ${cap} THEN ${cap}\n        WHEN ${sum} < ${-cap} THEN ${-cap}\n        ELSE ${sum}\n      END`
    )
  }
  const points = terms.length === 0 ? '0' : `(\n        ${terms.join('\n      + ')}\n      )`

  const knockout =
    scorecard.knockouts.length === 0
      ? 'CAST(NULL AS VARCHAR(200))'
      : `CASE\n${scorecard.knockouts.map((k) => `        WHEN ${conditionSql(k)} THEN ${quoteString(k.name.trim() || describeCondition(k))}`).join('\n')}\n      END`

  const scale = scoreScale(scorecard.criteria, scorecard.attributeCaps ?? [])
  const range = scale.max - scale.min
  const score =
    range <= 0
      ? '0'
      : [
          'CASE',
          `      WHEN pointed.icp_points <= ${numberLiteral(scale.min)} THEN 0`,
          `      WHEN pointed.icp_points >= ${numberLiteral(scale.max)} THEN 100`,
          // round(100 * (points - min) / range), halves up, as whole-number arithmetic allows.
          `      ELSE FLOOR((200 * (pointed.icp_points - ${numberLiteral(scale.min)}) + ${range}) / (2.0 * ${range}))`,
          '    END'
        ].join('\n')

  const tiers = scorecard.tiers
  const tier = [
    'CASE',
    `    WHEN scored.icp_knockout IS NOT NULL THEN ${quoteString(DISQUALIFIED)}`,
    ...tiers.slice(0, -1).map((t) => `    WHEN scored.icp_score >= ${t.min} THEN ${quoteString(t.name)}`),
    `    ELSE ${tiers.length ? quoteString(tiers[tiers.length - 1]!.name) : 'NULL'}`,
    '  END'
  ].join('\n')

  return [
    `-- ICP Workbench: the scorecard "${commentText(scorecard.name)}" as SQL (see docs/exports.md).`,
    `-- One row per account in ${commentText(quoteIdentifier(table))}; one column per attribute, named as in the workspace.`,
    `-- Raw points ${scale.min} .. ${scale.max} map to scores 0 .. 100. Regenerate after changing the scorecard.`,
    'SELECT',
    '  scored.*,',
    `  ${tier} AS icp_tier`,
    'FROM (',
    '  SELECT',
    '    pointed.*,',
    `    ${score} AS icp_score`,
    '  FROM (',
    '    SELECT',
    '      base.*,',
    `      ${points} AS icp_points,`,
    `      ${knockout} AS icp_knockout`,
    `    FROM ${quoteIdentifier(table)} AS base`,
    '  ) AS pointed',
    ') AS scored',
    ''
  ].join('\n')
}
