import type { KeyboardEvent } from 'react'
import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react'
import type { AppCommand } from '@shared/contract'
import { useUiStore } from '../../stores/ui-store'
import { THEME_LABELS, THEME_PREFERENCES, type ThemePreference } from '../../theme/theme'
import { runAppCommand } from './app-commands'

const ICONS: Record<ThemePreference, LucideIcon> = { system: Monitor, light: Sun, dark: Moon }
const COMMANDS: Record<ThemePreference, AppCommand> = { system: 'theme-system', light: 'theme-light', dark: 'theme-dark' }

/**
 * System / Light / Dark as one radio group of icon buttons; it runs the same app commands as the
 * View › Theme menu. Arrow keys move the choice, as in any radio group.
 */
export function ThemeSwitch({ className = '' }: { className?: string }) {
  const theme = useUiStore((s) => s.theme)
  const choose = (next: ThemePreference): void => void runAppCommand(COMMANDS[next])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const at = THEME_PREFERENCES.indexOf(theme)
    const next = THEME_PREFERENCES[(at + step + THEME_PREFERENCES.length) % THEME_PREFERENCES.length]!
    choose(next)
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-theme-option='${next}']`)?.focus()
  }

  return (
    <div className={`theme-switch ${className}`.trim()} role="radiogroup" aria-label="Theme" onKeyDown={onKeyDown}>
      {THEME_PREFERENCES.map((option) => {
        const Icon = ICONS[option]
        const checked = option === theme
        return (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            data-theme-option={option}
            className="theme-switch__option"
            title={option === 'system' ? 'Follow the system theme' : `${THEME_LABELS[option]} theme`}
            onClick={() => choose(option)}
          >
            <Icon size={15} aria-hidden />
            <span>{THEME_LABELS[option]}</span>
          </button>
        )
      })}
    </div>
  )
}
