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
    const spread = (list: TierEvidence[]): TierEvidence[] =>
      list.map((t, _, all) => ({
        ...t,
        shareOfAccounts: t.accounts / all.reduce((s, x) => s + x.accounts, 0),
        shareOfWins: t.wonAccounts / all.reduce((s, x) => s + x.wonAccounts, 0)
      }))
    // Fewer than half won: the times are read on the wins.
    const few = spread([tier('A', 400, 200), tier('B', 400, 100), tier('C', 400, 40)])
    const retained = validationVerdict(few, 'on the held-out accounts', RETAINED_WORDS).sentence
    expect(retained).toMatch(
      /^Meets the standard on the held-out accounts: .* of the retained accounts, and tier A stays 5\.0× as often as tier C \(50%/
    )
    expect(retained).not.toMatch(/\bwin|\bwon\b/)
    const won = validationVerdict(few, 'on the held-out accounts').sentence
    expect(won).toMatch(/of the won accounts, and tier A wins 5\.0× as often as tier C/)

    // Most won (or retained): no top tier can win twice as often as a bottom one that wins 70% of
    // the time, so the times are read on the losses: tier C loses 6× as often as tier A.
    const most = spread([tier('A', 400, 380), tier('B', 400, 340), tier('C', 400, 280)])
    const churn = validationVerdict(most, 'on the held-out accounts', RETAINED_WORDS)
    expect(churn.meets).toBe(true)
    expect(churn.sentence).toBe(
      "Meets the standard on the held-out accounts: tiers A and B (67% of accounts) hold 72% of the retained accounts, and tier C's churn rate is 6.0× tier A's (30% [27%–33%] vs 5% [2%–8%])."
    )
    const losses = spread([tier('A', 400, 380), tier('B', 400, 340), tier('C', 400, 364)])
    const short = validationVerdict(losses, 'on the held-out deals')
    expect(short.meets).toBe(false)
    expect(short.sentence).toMatch(
      /tier C's loss rate is 1\.8× tier A's .*; the standard is at least 60% of wins in the top tiers and, where most accounts are won, a loss rate in the bottom tier at least 2× the top tier's, beyond the intervals\.$/
    )
  })
})
