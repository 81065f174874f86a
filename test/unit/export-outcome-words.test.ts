import { describe, expect, it } from 'vitest'
import { outcomeWordsFor, RETAINED_WORDS, WON_WORDS } from '@shared/export/outcome-words'
import { namesChurn } from '@shared/import/suggest'
import { validationVerdict, type TierEvidence } from '@shared/engine/discover'

/**
 * A churn study's outcome is its churn flag, mapped yes -> lost, so its "won" are the customers
 * who stayed: the deliverable says retained and churned, not won and lost. Only when the app can
 * tell: a header that names a customer leaving, and values read the import's way.
 */
describe('outcome words of a deliverable', () => {
  it('a churn flag read the import way (yes -> lost, no -> won) is said as retained and churned', () => {
    for (const header of ['Churn', 'Churned', 'is_churned', 'Attrition Flag', 'Cancelled', 'Customer Churn', 'Exited']) {
      expect(
        outcomeWordsFor(header, [
          ['No', 'won'],
          ['Yes', 'lost']
        ]),
        header
      ).toBe(RETAINED_WORDS)
    }
    expect(
      outcomeWordsFor('Exited', [
        ['0', 'won'],
        ['1', 'lost']
      ])
    ).toBe(RETAINED_WORDS)
  })

  it('keeps won and lost for deals, for a lost deal or a defaulted loan, and whenever the mapping does not say "stayed"', () => {
    const churnMapping = [
      ['No', 'won'],
      ['Yes', 'lost']
    ] as const
    expect(outcomeWordsFor(null, churnMapping)).toBe(WON_WORDS)
    expect(outcomeWordsFor('Stage', [['Closed Won', 'won']])).toBe(WON_WORDS)
    expect(outcomeWordsFor('Converted', churnMapping)).toBe(WON_WORDS)
    // A "Lost" flag on deals, a "Defaulted" loan: yes is bad, but nobody "stayed".
    expect(outcomeWordsFor('Lost', churnMapping)).toBe(WON_WORDS)
    expect(outcomeWordsFor('Defaulted', churnMapping)).toBe(WON_WORDS)
    // The consultant turned the mapping round: "won" are the churned customers now.
    expect(
      outcomeWordsFor('Churn', [
        ['No', 'lost'],
        ['Yes', 'won']
      ])
    ).toBe(WON_WORDS)
    // Values that are not a yes and a no: the app cannot tell what "won" means.
    expect(
      outcomeWordsFor('Churn Status', [
        ['Active', 'won'],
        ['Churned', 'lost']
      ])
    ).toBe(WON_WORDS)
    // Nothing mapped to lost: no churned customer to speak of.
    expect(outcomeWordsFor('Churn', [['No', 'won']])).toBe(WON_WORDS)
    expect(namesChurn('Lost Customer')).toBe(true)
    expect(namesChurn('Deal Lost')).toBe(false)
  })

  it('the verdict says the standard in the same words', () => {
    const tier = (name: string, accounts: number, won: number): TierEvidence => ({
      name,
      accounts,
      wonAccounts: won,
      deals: accounts,
      rate: won / accounts,
      ci: [won / accounts - 0.03, won / accounts + 0.03],
      shareOfAccounts: 0,
      shareOfWins: 0
    })
    const tiers = [tier('A', 400, 380), tier('B', 400, 300), tier('C', 400, 120)].map((t, _, all) => ({
      ...t,
      shareOfAccounts: t.accounts / 1200,
      shareOfWins: t.wonAccounts / all.reduce((s, x) => s + x.wonAccounts, 0)
    }))
    const retained = validationVerdict(tiers, 'on the held-out accounts', RETAINED_WORDS).sentence
    expect(retained).toMatch(/of the retained accounts, and tier A stays 3\.2× as often as tier C/)
    expect(retained).not.toMatch(/\bwin|\bwon\b/)
    const won = validationVerdict(tiers, 'on the held-out accounts').sentence
    expect(won).toMatch(/of the won accounts, and tier A wins 3\.2× as often as tier C/)
  })
})
