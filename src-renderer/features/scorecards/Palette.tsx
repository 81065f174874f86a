import { memo, useId, useMemo, useState } from 'react'
import { useDraggable } from '@dnd-kit/core'
import { ChevronRight, GripVertical, Plus, Search } from 'lucide-react'
import { STRENGTH_COLORS } from '../discover/strength-colors'
import {
  defaultCondition,
  defaultKnockoutCondition,
  paletteValues,
  TYPE_LABELS,
  type PaletteAttribute,
  type PaletteChoice,
  type PaletteValue
} from './attributes'
import { useAttributeLabel } from '../data/use-attribute-label'

type OnAdd = (choice: PaletteChoice) => void

/**
 * A value or band under an attribute: dropped into a category, it becomes that criterion.
 * Clicked, or Enter pressed on it (Space picks it up for a keyboard drag), it asks where to add it.
 */
function ValueChip({ attribute, value, onAdd }: { attribute: PaletteAttribute; value: PaletteValue; onAdd: OnAdd }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `val:${attribute.name}\u0000${value.label}`,
    data: { condition: value.condition, label: `${attribute.name}: ${value.label}` }
  })
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className={`sc-value${isDragging ? ' sc-attr--dragging' : ''}`}
        aria-label={`${attribute.name}: ${value.label}${value.count === null ? '' : `, ${value.count.toLocaleString('en-US')} ${value.unit}`}. Drag into a category, or press Enter to choose one`}
        {...attributes}
        {...listeners}
        onClick={() => onAdd({ name: `${attribute.name}: ${value.label}`, condition: value.condition })}
      >
        <span className="sc-value__label" title={value.label}>
          {value.label}
        </span>
        {value.count === null ? null : <span className="sc-value__count">{value.count.toLocaleString('en-US')}</span>}
      </button>
    </li>
  )
}

function PaletteItem({ attribute, onAdd }: { attribute: PaletteAttribute; onAdd: OnAdd }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `attr:${attribute.name}` })
  const label = useAttributeLabel()
  const [open, setOpen] = useState(false)
  const values = useMemo(() => (open ? paletteValues(attribute) : []), [open, attribute])
  const strength = attribute.strength
  const valuesId = useId()
  return (
    <li className="sc-attr-item">
      <div className="sc-attr-row">
        <button
          ref={setNodeRef}
          type="button"
          className={`sc-attr${isDragging ? ' sc-attr--dragging' : ''}`}
          aria-label={`${label(attribute.name)}, ${TYPE_LABELS[attribute.type]}${strength ? `, ${strength} signal` : ''}. Drag into a category`}
          {...attributes}
          {...listeners}
        >
          <GripVertical size={14} aria-hidden className="sc-attr__grip" />
          <span className="sc-attr__name" title={attribute.name}>
            {label(attribute.name)}
          </span>
          <span className="sc-type">{TYPE_LABELS[attribute.type]}</span>
          {strength ? (
            <span className="sc-iv" title={`Information value ${attribute.iv?.toFixed(2) ?? '—'}`}>
              <span className="sc-iv__dot" style={{ background: STRENGTH_COLORS[strength] }} aria-hidden />
              {attribute.iv === null ? '' : attribute.iv.toFixed(2)}
            </span>
          ) : null}
        </button>
        <button
          type="button"
          className="icon-button sc-attr__toggle sc-attr__add"
          aria-label={`Add ${attribute.name} to a category…`}
          title="Add to a category…"
          onClick={() =>
            onAdd({ name: attribute.name, condition: defaultCondition(attribute), knockoutCondition: defaultKnockoutCondition(attribute) })
          }
        >
          <Plus size={14} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button sc-attr__toggle"
          aria-expanded={open}
          aria-controls={valuesId}
          aria-label={`${open ? 'Hide' : 'Show'} values of ${attribute.name}`}
          onClick={() => setOpen(!open)}
        >
          <ChevronRight size={14} aria-hidden className={open ? 'sc-attr__chevron--open' : undefined} />
        </button>
      </div>
      {open ? (
        <ul id={valuesId} role="list" className="sc-values" aria-label={`Values of ${attribute.name}`}>
          {values.map((value) => (
            <ValueChip key={value.label} attribute={attribute} value={value} onAdd={onAdd} />
          ))}
          {values.length === 0 ? <li className="sc-values__empty">No values to offer</li> : null}
        </ul>
      ) : null}
    </li>
  )
}

/** The attributes to drag into the scorecard, grouped by category, strongest evidence first. */
export const Palette = memo(function Palette({ attributes, onAdd }: { attributes: PaletteAttribute[]; onAdd: OnAdd }) {
  const [query, setQuery] = useState('')
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase()
    const byCategory = new Map<string, PaletteAttribute[]>()
    for (const attribute of attributes) {
      if (q && !attribute.name.toLowerCase().includes(q)) continue
      byCategory.set(attribute.category, [...(byCategory.get(attribute.category) ?? []), attribute])
    }
    for (const list of byCategory.values()) list.sort((a, b) => (b.iv ?? -1) - (a.iv ?? -1) || a.name.localeCompare(b.name))
    return [...byCategory.entries()]
  }, [attributes, query])

  return (
    <aside className="sc-palette" aria-label="Attributes">
      <div className="sc-palette__search">
        <Search size={14} aria-hidden />
        <input
          type="search"
          className="sc-palette__input"
          placeholder="Search attributes"
          aria-label="Search attributes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="sc-palette__groups">
        {groups.map(([category, list]) => (
          <div key={category} className="sc-palette__group">
            <h4>{category}</h4>
            <ul role="list">
              {list.map((attribute) => (
                <PaletteItem key={attribute.name} attribute={attribute} onAdd={onAdd} />
              ))}
            </ul>
          </div>
        ))}
        {groups.length === 0 ? (
          <p className="empty-note">{attributes.length ? 'No attribute matches.' : 'Import data to see attributes.'}</p>
        ) : null}
      </div>
    </aside>
  )
})
