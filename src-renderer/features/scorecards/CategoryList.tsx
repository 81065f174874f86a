import { memo, useMemo } from 'react'
import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type { ScorecardCategory } from '@shared/engine/scorecard/model'
import { useCategoryCriteria } from '../../stores/scorecard-store'
import type { PaletteAttribute } from './attributes'
import { CriterionCard } from './CriterionCard'

interface CategoryListProps {
  category: ScorecardCategory
  attributes: ReadonlyMap<string, PaletteAttribute>
}

/** A category: its budget, a meter of the positive points it carries, and its criteria as a sortable list. */
export const CategoryList = memo(function CategoryList({ category, attributes }: CategoryListProps) {
  const criteria = useCategoryCriteria(category.name)
  const { setNodeRef, isOver } = useDroppable({ id: `cat:${category.name}` })
  // The budget guides positive points only; penalties never "use up" a category.
  const used = criteria.reduce((sum, c) => sum + Math.max(0, c.points), 0)
  const over = used > category.budget
  const share = category.budget > 0 ? Math.min(1, used / category.budget) : used > 0 ? 1 : 0
  // The same ids keep the same array: a new one would re-render every card of the list on a points step.
  const idKey = criteria.map((c) => c.id).join('\u0000')
  const items = useMemo(() => (idKey === '' ? [] : idKey.split('\u0000').map((id) => `crit:${id}`)), [idKey])

  return (
    <section ref={setNodeRef} className={`sc-category${isOver ? ' sc-category--over' : ''}`} aria-labelledby={`cat-${category.name}`}>
      <header className="sc-category__head">
        <h3 id={`cat-${category.name}`}>{category.name}</h3>
        <span className={`sc-category__budget${over ? ' sc-category__budget--over' : ''}`}>
          {used} / {category.budget} pts
        </span>
      </header>
      <div
        className="sc-meter"
        role="meter"
        aria-label={`${category.name} points used`}
        aria-valuemin={0}
        aria-valuemax={category.budget}
        aria-valuenow={used}
        aria-valuetext={`${used} of ${category.budget} points${over ? ', over budget' : ''}`}
      >
        <span className={`sc-meter__fill${over ? ' sc-meter__fill--over' : ''}`} style={{ transform: `scaleX(${share})` }} />
      </div>
      <SortableContext items={items} strategy={verticalListSortingStrategy}>
        <ul role="list" aria-label={category.name} className="sc-category__list">
          {criteria.map((criterion) => (
            <CriterionCard key={criterion.id} criterion={criterion} attribute={attributes.get(criterion.attribute)} />
          ))}
        </ul>
      </SortableContext>
      {criteria.length === 0 ? <p className="sc-category__empty">Drop an attribute here</p> : null}
    </section>
  )
})
