import { memo, useMemo, useState } from 'react'
import { useDraggable } from '@dnd-kit/core'
import { GripVertical, Search } from 'lucide-react'
import { STRENGTH_COLORS } from '../discover/strength-colors'
import { TYPE_LABELS, type PaletteAttribute } from './attributes'

function PaletteItem({ attribute }: { attribute: PaletteAttribute }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `attr:${attribute.name}` })
  const strength = attribute.strength
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className={`sc-attr${isDragging ? ' sc-attr--dragging' : ''}`}
        aria-label={`${attribute.name}, ${TYPE_LABELS[attribute.type]}${strength ? `, ${strength} signal` : ''}. Drag into a category`}
        {...attributes}
        {...listeners}
      >
        <GripVertical size={14} aria-hidden className="sc-attr__grip" />
        <span className="sc-attr__name" title={attribute.name}>{attribute.name}</span>
        <span className="sc-type">{TYPE_LABELS[attribute.type]}</span>
        {strength ? (
          <span className="sc-iv" title={`Information value ${attribute.iv?.toFixed(2) ?? '—'}`}>
            <span className="sc-iv__dot" style={{ background: STRENGTH_COLORS[strength] }} aria-hidden />
            {attribute.iv === null ? '' : attribute.iv.toFixed(2)}
          </span>
        ) : null}
      </button>
    </li>
  )
}

/** The attributes to drag into the scorecard, grouped by category, strongest evidence first. */
export const Palette = memo(function Palette({ attributes }: { attributes: PaletteAttribute[] }) {
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
        <input type="search" className="sc-palette__input" placeholder="Search attributes" aria-label="Search attributes" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="sc-palette__groups">
        {groups.map(([category, list]) => (
          <div key={category} className="sc-palette__group">
            <h4>{category}</h4>
            <ul role="list">
              {list.map((attribute) => (
                <PaletteItem key={attribute.name} attribute={attribute} />
              ))}
            </ul>
          </div>
        ))}
        {groups.length === 0 ? <p className="empty-note">{attributes.length ? 'No attribute matches.' : 'Import data to see attributes.'}</p> : null}
      </div>
    </aside>
  )
})
