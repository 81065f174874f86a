/**
 * The findable market: how much of a prospect list the ICP finds, per tier, what narrows it most,
 * and, in the same breath, how many prospects could not be judged on what.
 */

import type { AttributeMapping, CriterionMarket, ProspectMarket, ProspectSource, TierMarket, UnknownReason } from '@shared/domain/prospects'
import { DISQUALIFIED } from '@shared/engine/scorecard/model'
import { MET, NOT_MET, UNKNOWN_REASONS } from './condition-verdicts'
import { marketHeadline } from './market-headline'
import type { ProspectScoring } from './score-prospects'

export interface MarketInput {
  scoring: ProspectScoring
  mapping: readonly AttributeMapping[]
  source: ProspectSource
  fileName: string
  importedAt: string
  threshold: number
  /** How each criterion and knockout reads (index into criteria, then knockouts). */
  criterionWords: readonly string[]
  knockoutWords: readonly string[]
}

function tally(id: string, words: string, attribute: string, points: number, verdicts: Uint8Array): CriterionMarket {
  const unknownBy: Record<UnknownReason, number> = { 'no-column': 0, 'unmapped-value': 0, empty: 0, band: 0 }
  const counts = new Uint32Array(256)
  for (let row = 0; row < verdicts.length; row++) counts[verdicts[row]!]!++
  for (const [code, reason] of Object.entries(UNKNOWN_REASONS)) unknownBy[reason] = counts[Number(code)]!
  return {
    id,
    words,
    attribute,
    points,
    met: counts[MET]!,
    notMet: counts[NOT_MET]!,
    unknown: unknownBy['no-column'] + unknownBy['unmapped-value'] + unknownBy.empty + unknownBy.band,
    unknownBy
  }
}

/**
 * What narrows the market, one line per attribute: a prospect fails an attribute only when it
 * meets none of its positive criteria. Counted per criterion, each bin of one number (Revenue
 * $10M–$50M, $50M–$100M) would "fail" for nearly everyone, which is true and says nothing.
 */
function narrowingByAttribute(
  definitions: ReadonlyArray<{ attribute: string; points: number }>,
  criteria: readonly CriterionMarket[],
  verdicts: readonly Uint8Array[],
  rowCount: number
): CriterionMarket[] {
  const byAttribute = new Map<string, number[]>()
  definitions.forEach((c, i) => {
    if (c.points > 0) byAttribute.set(c.attribute, [...(byAttribute.get(c.attribute) ?? []), i])
  })
  return [...byAttribute.entries()].map(([attribute, indices]) => {
    if (indices.length === 1) return criteria[indices[0]!]!
    // Met by any criterion wins; else the first unknown (its reason); else failed on every one.
    const combined = new Uint8Array(rowCount)
    for (let row = 0; row < rowCount; row++) {
      let verdict = NOT_MET
      for (const i of indices) {
        const v = verdicts[i]![row]!
        if (v === MET) {
          verdict = MET
          break
        }
        if (v !== NOT_MET && verdict === NOT_MET) verdict = v
      }
      combined[row] = verdict
    }
    const words = indices.map((i) => criteria[i]!.words).join(' or ')
    const points = Math.max(...indices.map((i) => criteria[i]!.points))
    return tally(`attribute:${attribute}`, words, attribute, points, combined)
  })
}

export function prospectMarket(input: MarketInput): ProspectMarket {
  const { scoring, threshold } = input
  const { scorecard, scored, best, unknownCount, rowCount } = scoring
  const scores = scored.scores
  const tierIndex = scored.tiers
  const knocked = scored.knockedOutBy
  const perTier = new Uint32Array(scorecard.tiers.length)
  const perTierUnknown = new Uint32Array(scorecard.tiers.length)
  let passing = 0
  let couldPass = 0
  let knockedOut = 0
  let withUnknowns = 0
  for (let row = 0; row < rowCount; row++) {
    const unknown = unknownCount[row]! > 0
    if (unknown) withUnknowns++
    if (knocked[row]! >= 0) {
      knockedOut++
      continue
    }
    const tier = tierIndex[row]!
    perTier[tier]!++
    if (unknown) perTierUnknown[tier]!++
    if (scores[row]! >= threshold) passing++
    else if (best[row]! >= threshold) couldPass++
  }
  const tiers: TierMarket[] = scorecard.tiers.map((tier, i) => ({
    name: tier.name,
    ...(tier.color !== undefined ? { color: tier.color } : {}),
    count: perTier[i]!,
    withUnknowns: perTierUnknown[i]!
  }))
  if (scorecard.knockouts.length > 0) tiers.push({ name: DISQUALIFIED, count: knockedOut, withUnknowns: 0 })
  const criteria = scorecard.criteria.map((c, i) =>
    tally(c.id, input.criterionWords[i] ?? c.id, c.attribute, c.points, scoring.criterionVerdicts[i]!)
  )
  const knockouts = scorecard.knockouts.map((k, i) =>
    tally(`knockout:${i}`, input.knockoutWords[i] ?? k.name, k.attribute, 0, scoring.knockoutVerdicts[i]!)
  )
  const narrowing = narrowingByAttribute(scorecard.criteria, criteria, scoring.criterionVerdicts, rowCount).sort(
    (a, b) => b.notMet - a.notMet || b.unknown - a.unknown
  )
  const unmappedAttributes = input.mapping.filter((m) => m.column === null).map((m) => m.label)
  const market: Omit<ProspectMarket, 'headline'> = {
    source: input.source,
    fileName: input.fileName,
    importedAt: input.importedAt,
    listSize: rowCount,
    threshold,
    passing,
    couldPass,
    tiers,
    knockedOut,
    knockouts,
    narrowing,
    criteria,
    withUnknowns,
    unmappedAttributes
  }
  return { ...market, headline: marketHeadline(market) }
}
