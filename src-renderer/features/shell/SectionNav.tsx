import type { SectionId } from '@shared/domain/workspace'
import { Kbd } from '../../components/Kbd'
import { SECTION_DEFINITIONS } from '../sections'
import { shortcutFor, type ShortcutMode } from './shortcuts'

interface SectionNavProps {
  current: SectionId
  mode: ShortcutMode
  onSelect(section: SectionId): void
}

export function SectionNav({ current, mode, onSelect }: SectionNavProps) {
  return (
    <nav className="section-nav" aria-label="Sections">
      <ul>
        {SECTION_DEFINITIONS.map(({ id, label, icon: Icon, command }) => (
          <li key={id}>
            <button
              type="button"
              className="section-nav__item"
              aria-current={current === id ? 'page' : undefined}
              onClick={() => onSelect(id)}
            >
              <Icon size={18} aria-hidden />
              <span className="section-nav__label">{label}</span>
              <Kbd combo={shortcutFor(command, mode)} />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
