/**
 * The first draft of the ICP statement: 3-5 one-sentence hypotheses written from the
 * scorecard's strongest criteria per category ("SaaS or FinTech companies with 51-500 employees
 * are the core of the ICP."). Only a starting point: the consultant edits them, and the edited
 * text is what the one-pager keeps.
 */

import type { Criterion, Scorecard } from '@shared/engine/scorecard/model'

const INDUSTRY = /industry|vertical|sector|segment/i
const HEADCOUNT = /employee|headcount|staff|fte/i
const TECH = /tech|stack|tool|software|crm|platform/i
const MONEY = /revenue|arr|amount|acv|ltv|funding|budget/i

function joinWords(values: readonly string[], word: 'or' | 'and'): string {
  if (values.length <= 1) return values[0] ?? ''
  if (values.length > 4) return `${values.slice(0, 3).join(', ')} ${word} ${values.length - 3} more`
  return `${values.slice(0, -1).join(', ')} ${word} ${values[values.length - 1]}`
}

function number(value: number, money: boolean): string {
  const abs = Math.abs(value)
  const short =
    abs >= 1e9 ? `${+(value / 1e9).toFixed(1)}B` : abs >= 1e6 ? `${+(value / 1e6).toFixed(1)}M` : abs >= 1e4 ? `${+(value / 1e3).toFixed(0)}K` : value.toLocaleString('en-US')
  return money ? `$${short}` : short
}

/** A noun for the accounts a criterion describes, when it names what they are ("SaaS or FinTech companies"). */
function subjectOf(criterion: Criterion): string | null {
  if (criterion.op === 'in' && INDUSTRY.test(criterion.attribute) && criterion.values?.length) {
    return `${joinWords(criterion.values, 'or')} companies`
  }
  return null
}

/**
 * A yes/no attribute read as a clause: "Hiring SDRs" -> "that are hiring SDRs", "Recently
 * Raised" -> "that recently raised", "Uses Competitor" -> "that use competitor".
 */
function flagPhrase(attribute: string, yes: boolean): string {
  const [first = '', ...rest] = attribute.trim().split(/\s+/)
  const word = first.toLowerCase()
  // "Recently Raised" -> "raised", but "SDRs" and "CRM" keep their capitals.
  const tail = rest.map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(' ')
  const clause = (head: string) => [head, tail].filter(Boolean).join(' ')
  if (/^(is|are)$/.test(word)) return yes ? `that are ${tail}` : `that are not ${tail}`
  if (/^(uses|has|runs|sells|buys|needs)$/.test(word)) {
    const verb = word === 'has' ? 'have' : word.slice(0, -1)
    return yes ? `that ${clause(verb)}` : `that do not ${clause(verb)}`
  }
  if (/ing$/.test(word)) return yes ? `that are ${clause(word)}` : `that are not ${clause(word)}`
  if (/ly$/.test(word)) return yes ? `that ${clause(word)}` : `that have not ${clause(word)}`
  return yes ? `flagged "${attribute}"` : `not flagged "${attribute}"`
}

/** A phrase that follows "companies" ("with 51-500 employees", "that run Salesforce"). */
export function phraseOf(criterion: Criterion): string {
  const { attribute } = criterion
  const name = attribute.toLowerCase()
  const money = MONEY.test(attribute)
  const values = criterion.values ?? []
  switch (criterion.op) {
    case 'in':
      return `whose ${name} is ${joinWords(values, 'or')}`
    case 'not_in':
      return `whose ${name} is not ${joinWords(values, 'or')}`
    case 'contains_any':
      return TECH.test(attribute) ? `that run ${joinWords(values, 'or')}` : `whose ${name} includes ${joinWords(values, 'or')}`
    case 'contains_all':
      return TECH.test(attribute) ? `that run ${joinWords(values, 'and')}` : `whose ${name} includes ${joinWords(values, 'and')}`
    case 'between': {
      const min = criterion.min ?? null
      const max = criterion.max ?? null
      if (HEADCOUNT.test(attribute)) {
        if (min !== null && max !== null) return `with ${number(min, false)}-${number(max, false)} employees`
        if (min !== null) return `with ${number(min, false)}+ employees`
        if (max !== null) return `with up to ${number(max, false)} employees`
      }
      if (min !== null && max !== null) return `with ${name} of ${number(min, money)}-${number(max, money)}`
      if (min !== null) return `with ${name} of at least ${number(min, money)}`
      if (max !== null) return `with ${name} of at most ${number(max, money)}`
      return `with a known ${name}`
    }
    case 'gt':
      return HEADCOUNT.test(attribute)
        ? `with more than ${number(criterion.value ?? 0, false)} employees`
        : `with ${name} above ${number(criterion.value ?? 0, money)}`
    case 'lt':
      return HEADCOUNT.test(attribute)
        ? `with fewer than ${number(criterion.value ?? 0, false)} employees`
        : `with ${name} below ${number(criterion.value ?? 0, money)}`
    case 'is_true':
      return flagPhrase(attribute, true)
    case 'is_false':
      return flagPhrase(attribute, false)
    case 'is_missing':
      return `with no ${name} on record`
  }
}

/** Positive criteria of one category, strongest first, one per attribute. */
function strongest(scorecard: Scorecard, category: string): Criterion[] {
  const seen = new Set<string>()
  return scorecard.criteria
    .filter((c) => c.category === category && c.points > 0)
    .sort((a, b) => b.points - a.points)
    .filter((c) => (seen.has(c.attribute) ? false : (seen.add(c.attribute), true)))
}

/** "that recently raised" + "that are hiring SDRs" -> "that recently raised and are hiring SDRs". */
function joinPhrases(phrases: readonly string[]): string {
  return phrases.reduce((text, phrase) => {
    if (!text) return phrase
    if (text.startsWith('that ') && phrase.startsWith('that ')) return `${text} and ${phrase.slice(5)}`
    if (text.startsWith('with ') && phrase.startsWith('with ')) return `${text} and ${phrase.slice(5)}`
    return `${text} ${phrase}`
  }, '')
}

function sentence(subject: string, phrases: readonly string[], ending: string): string {
  const body = [subject, joinPhrases(phrases)].join(' ').trim()
  return `${body.charAt(0).toUpperCase()}${body.slice(1)} ${ending}`
}

/** 3-5 hypotheses, most important first. */
export function draftStatements(scorecard: Scorecard): string[] {
  const statements: string[] = []
  const categories = scorecard.categories
    .map((category) => ({ category, criteria: strongest(scorecard, category.name) }))
    .filter((entry) => entry.criteria.length > 0)

  categories.forEach(({ criteria }, index) => {
    if (statements.length >= 4) return
    const top = criteria.slice(0, 2)
    const subjects = top.map(subjectOf)
    const subject = subjects.find((s) => s !== null) ?? (index === 0 ? 'Companies' : 'Accounts')
    const phrases = top.filter((_, i) => subjects[i] === null).map(phraseOf)
    statements.push(sentence(subject, phrases, index === 0 ? 'are the core of the ICP.' : 'win more often than the average account.'))
  })

  const knockout = scorecard.knockouts[0]
  if (knockout && statements.length < 5) {
    statements.push(sentence('We do not pursue accounts', [phraseOf({ ...knockout, id: '', category: '', points: 0 })], '— they are disqualified whatever their score.'))
  }
  const top = scorecard.tiers[0]
  if (top && statements.length < 3) {
    const tierName = /^tier\b/i.test(top.name) ? top.name : `Tier ${top.name}`
    statements.push(`${tierName} accounts (a score of ${top.min} or more) get first call on sales time.`)
  }
  if (statements.length < 3) {
    statements.push('Accounts that match more of these criteria close faster and at a higher win rate.')
  }
  if (statements.length < 3) {
    statements.push('We review this profile against new closed deals every quarter.')
  }
  return statements.slice(0, 5)
}
