/**
 * What a careful analyst would set for each column of a generated export: the assertions of
 * the conformance tests for the app's import inference. docs/generator.md explains the choice
 * for every ambiguous column.
 *
 * Roles and types are the app's own lists (type-only import: nothing of the app is bundled).
 */
import type { ColumnRole, ColumnType } from '../../src-main/shared/domain/dataset.js'
import type { Outcome } from './vocab.js'

export type { ColumnRole, ColumnType }

/**
 * 'account': a trait of the account, the same on every row of that account (the generator
 * renders it identically on each of the account's deals, except the standard flat export's
 * messy spellings); 'deal': a fact about the individual deal.
 */
export type ColumnLevel = 'account' | 'deal'

export interface ColumnExpectation {
  header: string
  role: ColumnRole
  type: ColumnType
  level: ColumnLevel
  /**
   * Set when the column is only known from, or after, the outcome (stage, probability, won
   * time, days to close, lifecycle stage, success metrics filled only for customers): whatever
   * its role, it must never be used as an attribute. A short reason.
   */
  leak?: string
  /** Other roles a careful analyst could defend (documented); the tests accept them. */
  alsoRoles?: readonly ColumnRole[]
  /** Other types that read the column's values equally well. */
  alsoTypes?: readonly ColumnType[]
}

/** The expectation of a column, without its header (column lists carry the header themselves). */
export type Expect = Omit<ColumnExpectation, 'header'>

/** Shorthand for column lists: ex('attribute', 'category', 'account'). */
export function ex(role: ColumnRole, type: ColumnType, level: ColumnLevel, more: Omit<Expect, 'role' | 'type' | 'level'> = {}): Expect {
  return { role, type, level, ...more }
}

/** Deal-level fields that leak the outcome and are not account traits: ignore, with the reason. */
export function leaky(type: ColumnType, leak: string, more: Omit<Expect, 'role' | 'type' | 'level' | 'leak'> = {}): Expect {
  return { role: 'ignore', type, level: 'deal', leak, ...more }
}

/** An account's name on each of its deals: not unique in the table, so it may read as a category. */
export const REPEATED_NAME: Expect = ex('account-name', 'id', 'account', { alsoTypes: ['category', 'text'] })
/** "Acme - New Business": free text to the analyst, though short, repeated titles read as categories. */
export const DEAL_TITLE: Expect = ex('ignore', 'text', 'deal', { alsoTypes: ['category', 'id'] })

/** Notes typed on open deals only; the generator's few stock notes repeat, so they may read as categories. */
export const NEXT_STEP: Expect = leaky('text', 'filled only on open deals', { alsoTypes: ['category'] })

export type OutcomeMapping = Readonly<Record<string, Outcome>>
