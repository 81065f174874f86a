import { useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface TabItem<T extends string> {
  id: T
  label: string
  icon?: ReactNode
  /** A small count or marker beside the label. */
  badge?: ReactNode
}

interface TabsProps<T extends string> {
  idPrefix: string
  label: string
  items: ReadonlyArray<TabItem<T>>
  selected: T
  onSelect(id: T): void
}

export const tabId = (prefix: string, id: string): string => `${prefix}-tab-${id}`
export const tabPanelId = (prefix: string, id: string): string => `${prefix}-panel-${id}`

/**
 * A WAI-ARIA tab list: one tab stop, arrow keys (and Home/End) move between tabs and select
 * them, as in native desktop tab strips.
 */
export function Tabs<T extends string>({ idPrefix, label, items, selected, onSelect }: TabsProps<T>) {
  const list = useRef<HTMLDivElement>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = items.findIndex((item) => item.id === selected)
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = items[(target + items.length) % items.length]
    if (!next) return
    onSelect(next.id)
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(idPrefix, next.id))}`)?.focus()
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, item.id)}
          className="tabs__tab"
          aria-selected={item.id === selected}
          aria-controls={tabPanelId(idPrefix, item.id)}
          tabIndex={item.id === selected ? 0 : -1}
          onClick={() => onSelect(item.id)}
        >
          {item.icon}
          <span>{item.label}</span>
          {item.badge !== undefined ? <span className="tabs__badge">{item.badge}</span> : null}
        </button>
      ))}
    </div>
  )
}
