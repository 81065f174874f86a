import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { ArrowDown, ArrowUp, GripVertical } from 'lucide-react'
import type { OnePagerBlockId, OnePagerContent, OnePagerDocument } from '@shared/domain/one-pager'
import { ONE_PAGER_BLOCK_LABELS } from '@shared/export/default-one-pager'
import { blockHasContent } from './one-pager/block-content'

interface BlockListProps {
  content: OnePagerContent
  overflow: readonly OnePagerBlockId[]
  onChange(blocks: OnePagerDocument['blocks']): void
}

/**
 * The page's blocks in print order: drag a row (or focus its handle and use Space and the arrow
 * keys), or use the arrow buttons; the checkbox shows or hides a block.
 */
export function BlockList({ content, overflow, onChange }: BlockListProps) {
  const blocks = content.document.blocks
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates })
  )
  const move = (from: number, to: number) => {
    if (to < 0 || to >= blocks.length) return
    onChange(arrayMove([...blocks], from, to))
  }
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    move(
      blocks.findIndex((b) => b.id === active.id),
      blocks.findIndex((b) => b.id === over.id)
    )
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: 'To move a block, press Space, use the arrow keys, then press Space again to drop it.' }
      }}
    >
      <SortableContext items={blocks.map((b) => b.id)} strategy={verticalListSortingStrategy}>
        <ol className="ex-blocks" aria-label="Blocks in print order">
          {blocks.map((block, index) => (
            <BlockRow
              key={block.id}
              id={block.id}
              visible={block.visible}
              empty={!blockHasContent(block.id, content)}
              overflows={overflow.includes(block.id)}
              first={index === 0}
              last={index === blocks.length - 1}
              onToggle={(visible) => onChange(blocks.map((b) => (b.id === block.id ? { ...b, visible } : b)))}
              onMove={(delta) => move(index, index + delta)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  )
}

interface BlockRowProps {
  id: OnePagerBlockId
  visible: boolean
  empty: boolean
  overflows: boolean
  first: boolean
  last: boolean
  onToggle(visible: boolean): void
  onMove(delta: -1 | 1): void
}

function BlockRow({ id, visible, empty, overflows, first, last, onToggle, onMove }: BlockRowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id })
  const label = ONE_PAGER_BLOCK_LABELS[id]
  const status = !visible ? 'hidden' : empty ? 'empty — not printed' : overflows ? 'runs off the page' : null
  return (
    <li
      ref={setNodeRef}
      className={`ex-block${isDragging ? ' ex-block--dragging' : ''}${overflows && visible ? ' ex-block--overflow' : ''}${visible ? '' : ' ex-block--hidden'}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-block-row={id}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="ex-block__handle"
        aria-label={`Move ${label}`}
        {...attributes}
        {...listeners}
      >
        <GripVertical size={16} aria-hidden />
      </button>
      <label className="ex-block__label">
        <input type="checkbox" checked={visible} onChange={(e) => onToggle(e.target.checked)} />
        <span>{label}</span>
      </label>
      {status && <span className="ex-block__status">{status}</span>}
      <span className="ex-block__moves">
        <button type="button" className="icon-button" disabled={first} aria-label={`Move ${label} up`} onClick={() => onMove(-1)}>
          <ArrowUp size={14} aria-hidden />
        </button>
        <button type="button" className="icon-button" disabled={last} aria-label={`Move ${label} down`} onClick={() => onMove(1)}>
          <ArrowDown size={14} aria-hidden />
        </button>
      </span>
    </li>
  )
}
