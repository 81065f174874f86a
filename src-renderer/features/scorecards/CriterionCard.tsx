import { memo } from 'react'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { GripVertical, X } from 'lucide-react'
import type { Criterion } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { useApiQuery } from '../../queries/api-queries'
import { useOutcomeWords } from '../../queries/dataset-queries'
import { useScorecardStore } from '../../stores/scorecard-store'
import type { PaletteAttribute } from './attributes'
import { removeCriterion, updateCriterion } from './commands'
import { ConditionFields } from './ConditionFields'
import { PointsControl } from './PointsControl'
import { TYPE_LABELS } from './attributes'
import { useAttributeLabel } from '../data/use-attribute-label'

interface CriterionCardProps {
  criterion: Criterion
  attribute: PaletteAttribute | undefined
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(0)}%`
}

/**
 * One criterion: its condition, its points, and how the accounts it matches did historically.
 * Memoised: an edit replaces only the edited criterion, so a points drag re-renders one card.
 */
export const CriterionCard = memo(function CriterionCard({ criterion, attribute }: CriterionCardProps) {
  const label = useAttributeLabel()
  // A churn study's evidence is of customers and their retention rate.
  const words = useOutcomeWords()
  const scorecardId = useScorecardStore((s) => s.currentId)
  // Evidence reads the saved scorecard: it is refetched after each save, a card at a time never.
  const evidence = useApiQuery('scorecard-evidence', scorecardId === null ? null : { id: scorecardId }).data?.find(
    (row) => row.criterionId === criterion.id
  )
  const apply = useScorecardStore((s) => s.apply)
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: `crit:${criterion.id}`
  })
  const description = describeCondition(criterion)
  const lift = evidence?.lift ?? null

  return (
    <li
      ref={setNodeRef}
      className={`sc-card${isDragging ? ' sc-card--dragging' : ''}${criterion.points < 0 ? ' sc-card--negative' : ''}`}
      aria-label={description}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="sc-card__head">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="sc-card__handle"
          aria-label={`Move ${description}`}
          {...attributes}
          {...listeners}
        >
          <GripVertical size={16} aria-hidden />
        </button>
        <div className="sc-card__title">
          <strong>{label(criterion.attribute)}</strong>
          {attribute ? <span className="sc-type">{TYPE_LABELS[attribute.type]}</span> : null}
        </div>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Remove ${description}`}
          onClick={() => apply(removeCriterion, { id: criterion.id })}
        >
          <X size={15} aria-hidden />
        </button>
      </div>
      <ConditionFields
        condition={criterion}
        attribute={attribute}
        onChange={(patch) => apply(updateCriterion, { id: criterion.id, patch }, `condition:${criterion.id}`)}
      />
      <PointsControl
        label={description}
        points={criterion.points}
        onChange={(points) => apply(updateCriterion, { id: criterion.id, patch: { points } }, `points:${criterion.id}`)}
      />
      <div className="sc-card__evidence" aria-label="Evidence">
        {evidence ? (
          <>
            <span>
              <b>{evidence.deals.toLocaleString()}</b> {words.records}
            </span>
            <span>
              {words.rate} <b>{percent(evidence.winRate)}</b>
            </span>
            <span className={lift !== null && lift >= 1.2 ? 'sc-lift--up' : lift !== null && lift <= 0.8 ? 'sc-lift--down' : undefined}>
              lift <b>{lift === null ? '—' : `${lift.toFixed(2)}×`}</b>
            </span>
          </>
        ) : (
          <span className="muted">Measuring…</span>
        )}
      </div>
    </li>
  )
})
