import { hashKey, type Query, type QueryClient } from '@tanstack/react-query'
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { ScorecardSummary, StoredScorecard } from '@shared/domain/scorecards'
import type { Scorecard } from '@shared/engine/scorecard/model'

/** A query the write's own answer has already brought up to date: the writing tab need not refetch it. */
export type Answered = (query: Query) => boolean

const NONE: Answered = () => false

/**
 * Writes whose answer says exactly what some reads would now return. A points drag saves a few
 * times a second; refetching the list, the stored copy and the evidence after each save put three
 * requests and their renders between the slider's steps and its live figures. Other tabs are not
 * concerned: they still refetch on the write's data-changed event.
 */
export function applyOwnAnswer<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  output: MethodOutput<M>,
  workspacePath: string | null,
  client: QueryClient
): Answered {
  if (method !== 'scorecard-save' || workspacePath === null) return NONE
  return applySavedScorecard((input as MethodInput<'scorecard-save'>).id, output as StoredScorecard, workspacePath, client)
}

/** The scorecard without what evidence does not depend on (see criterionEvidence: conditions and data, not points). */
function withoutPoints(scorecard: Scorecard): string {
  return JSON.stringify(scorecard.criteria.map((c) => ({ ...c, points: 0 })))
}

function applySavedScorecard(id: number, saved: StoredScorecard, workspacePath: string, client: QueryClient): Answered {
  const keyOf = (method: MethodName, input: unknown): unknown[] => [method, input, workspacePath]
  const getKey = keyOf('scorecard-get', { id })
  const listKey = keyOf('scorecard-list', {})
  const evidenceKey = keyOf('scorecard-evidence', { id })
  const answered = new Set<string>()

  // scorecard-get answers with the same stored copy the save answered with.
  const before = client.getQueryData<StoredScorecard>(getKey)
  client.setQueryData<StoredScorecard>(getKey, saved)
  answered.add(hashKey(getKey))

  // The list's row for it: the counts and the time are the saved working copy's.
  const list = client.getQueryData<ScorecardSummary[]>(listKey)
  if (list?.some((s) => s.id === id)) {
    const { scorecard } = saved
    client.setQueryData<ScorecardSummary[]>(
      listKey,
      list.map((s) =>
        s.id === id
          ? {
              ...s,
              name: scorecard.name,
              criteriaCount: scorecard.criteria.length,
              knockoutCount: scorecard.knockouts.length,
              updatedAt: saved.updatedAt
            }
          : s
      )
    )
    answered.add(hashKey(listKey))
  }

  // Evidence stays true when only points changed; any other change to the criteria refetches it.
  if (before && withoutPoints(before.scorecard) === withoutPoints(saved.scorecard)) answered.add(hashKey(evidenceKey))

  return (query) => answered.has(query.queryHash)
}
