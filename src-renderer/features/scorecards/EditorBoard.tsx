import { memo, useCallback, useMemo, useRef, useState } from 'react'
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import type { Condition, Knockout, Scorecard, ScorecardCategory } from '@shared/engine/scorecard/model'
import { describeCondition } from '@shared/engine/scorecard/describe-condition'
import { useScorecardStore } from '../../stores/scorecard-store'
import { defaultCondition, defaultKnockoutCondition, type PaletteAttribute, type PaletteChoice } from './attributes'
import { AddToCategoryDialog } from './AddToCategoryDialog'
import { addCriterion, addKnockout, placeCriterion } from './commands'
import { CategoryList } from './CategoryList'
import { KnockoutZone } from './KnockoutZone'
import { Palette } from './Palette'

/** Read only when no scorecard is open (the board is not shown then). */
const EMPTY_SCORECARD: Scorecard = { name: '', categories: [], criteria: [], knockouts: [], tiers: [] }

interface Target {
  category: string | null
  index?: number
  knockout?: boolean
}

/** Where a drop lands: a category (at a card's place, or at the end), the knockouts, or nowhere. */
function targetOf(scorecard: Scorecard, overId: UniqueIdentifier | undefined): Target | null {
  const id = String(overId ?? '')
  if (id === 'knockouts') return { category: null, knockout: true }
  if (id.startsWith('cat:')) return { category: id.slice(4) }
  if (id.startsWith('crit:')) {
    const over = scorecard.criteria.find((c) => `crit:${c.id}` === id)
    if (!over) return null
    return { category: over.category, index: scorecard.criteria.filter((c) => c.category === over.category).indexOf(over) }
  }
  return null
}

/** The drag-and-drop editor: palette on the left, categories and knockouts in the centre. */
interface EditorBoardProps {
  categories: ScorecardCategory[]
  knockouts: Knockout[]
  attributes: PaletteAttribute[]
}

/**
 * Memoised on the categories and knockouts (kept by edits that do not touch them): a points
 * step re-renders one category and one card, never the DndContext and every sortable in it.
 */
export const EditorBoard = memo(function EditorBoard({ categories, knockouts, attributes }: EditorBoardProps) {
  const apply = useScorecardStore((s) => s.apply)
  const [dragging, setDragging] = useState<string | null>(null)
  const byName = useMemo(() => new Map(attributes.map((a) => [a.name, a])), [attributes])
  // DndContext's callbacks read the latest scorecard through a ref, so they keep their identity
  // across edits and a points step does not make every sortable card render again.
  const latest = useRef({
    byName,
    apply,
    get scorecard(): Scorecard {
      return useScorecardStore.getState().scorecard ?? EMPTY_SCORECARD
    }
  })
  latest.current.byName = byName
  latest.current.apply = apply
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so clicks on handles and inputs stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    // Space picks up; Enter is left to the buttons themselves (a palette value's Enter asks where to add it).
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] }
    })
  )

  /**
   * With the pointer, the card under it wins over the category around it (drop before that card).
   * From the keyboard, only cards and empty drop zones compete, so the arrows step card to card
   * instead of landing on the category that encloses them.
   */
  const collision = useCallback<CollisionDetection>((args) => {
    if (!args.pointerCoordinates) {
      const filled = new Set(latest.current.scorecard.criteria.map((c) => `cat:${c.category}`))
      return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => !filled.has(String(c.id))) })
    }
    const within = pointerWithin(args)
    const cards = within.filter((c) => String(c.id).startsWith('crit:'))
    return cards.length > 0 ? cards : within
  }, [])

  const nameOf = (id: UniqueIdentifier | undefined): string => {
    const text = String(id ?? '')
    if (text.startsWith('attr:')) return text.slice(5)
    if (text.startsWith('val:')) return text.slice(4).replace('\u0000', ': ')
    if (text.startsWith('cat:')) return `category ${text.slice(4)}`
    if (text === 'knockouts') return 'Knockouts'
    const criterion = latest.current.scorecard.criteria.find((c) => `crit:${c.id}` === text)
    return criterion ? describeCondition(criterion) : 'nothing'
  }
  const where = (id: UniqueIdentifier | undefined): string => {
    const target = targetOf(latest.current.scorecard, id)
    if (!target) return 'outside the scorecard'
    if (target.knockout) return 'Knockouts'
    return target.index === undefined ? `the end of ${target.category}` : `position ${target.index + 1} in ${target.category}`
  }
  const accessibility = useMemo(() => {
    const announcements: Announcements = {
      onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
      onDragOver: ({ active, over }) => `${nameOf(active.id)} is over ${where(over?.id)}.`,
      onDragEnd: ({ active, over }) =>
        over ? `${nameOf(active.id)} dropped at ${where(over.id)}.` : `${nameOf(active.id)} dropped outside; nothing changed.`,
      onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`
    }
    const draggable = 'To pick up, press Space. Use the arrow keys to move, Space or Enter to drop, Escape to cancel.'
    return { announcements, screenReaderInstructions: { draggable } }
    // nameOf and where read the scorecard through the ref; the announcements never need rebuilding.
  }, [])

  const onDragEnd = useCallback(({ active, over }: DragEndEvent): void => {
    setDragging(null)
    const target = targetOf(latest.current.scorecard, over?.id)
    if (!target) return
    const id = String(active.id)
    if (id.startsWith('attr:') || id.startsWith('val:')) {
      const attribute = latest.current.byName.get(id.startsWith('attr:') ? id.slice(5) : id.slice(4, id.indexOf('\u0000')))
      if (!attribute) return
      // A value or band from the palette carries its own condition; an attribute gets a sensible default.
      const dropped = active.data.current as { condition?: Condition } | undefined
      if (target.knockout) {
        latest.current.apply(addKnockout, { condition: dropped?.condition ?? defaultKnockoutCondition(attribute) })
        return
      }
      const condition = dropped?.condition ?? defaultCondition(attribute)
      if (target.category) latest.current.apply(addCriterion, { category: target.category, condition, points: 5, index: target.index })
      return
    }
    if (id.startsWith('crit:') && target.category && id !== String(over?.id)) {
      latest.current.apply(placeCriterion, { id: id.slice(5), category: target.category, index: target.index })
    }
  }, [])

  // "Add to a category…" on a palette attribute or value: the same criterion a drop at the end would make.
  const [adding, setAdding] = useState<PaletteChoice | null>(null)
  const categoryNames = useMemo(() => categories.map((c) => c.name), [categories])
  const addChoice = useCallback(({ condition, knockoutCondition }: PaletteChoice, category: string | null): void => {
    if (category === null) latest.current.apply(addKnockout, { condition: knockoutCondition ?? condition })
    else latest.current.apply(addCriterion, { category, condition, points: 5 })
  }, [])

  const onDragStart = useCallback(({ active }: DragStartEvent) => setDragging(String(active.id)), [])
  const onDragCancel = useCallback(() => setDragging(null), [])

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragCancel={onDragCancel}
      onDragEnd={onDragEnd}
    >
      <div className="sc-editor">
        <Palette attributes={attributes} onAdd={setAdding} />
        <div className="sc-board">
          {categories.map((category) => (
            <CategoryList key={category.name} category={category} attributes={byName} />
          ))}
          <KnockoutZone knockouts={knockouts} attributes={byName} />
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging?.startsWith('attr:') ? <div className="sc-attr sc-attr--overlay">{dragging.slice(5)}</div> : null}
        {dragging?.startsWith('val:') ? <div className="sc-attr sc-attr--overlay">{dragging.slice(4).replace('\u0000', ': ')}</div> : null}
      </DragOverlay>
      {adding ? (
        <AddToCategoryDialog
          attribute={adding.name}
          categories={categoryNames}
          onAdd={(category) => addChoice(adding, category)}
          onClose={() => setAdding(null)}
        />
      ) : null}
    </DndContext>
  )
})
