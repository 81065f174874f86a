import type { AppCommand } from '@shared/contract'

export type ShortcutMode = 'desktop' | 'browser'

export interface ShortcutDefinition {
  command: AppCommand
  label: string
  /** "Mod" is Cmd on macOS and Ctrl elsewhere. */
  desktop: string
  /**
   * Browsers keep Ctrl+N, Ctrl+W and Ctrl+1…9 for themselves and a page cannot take them, so
   * browser mode uses Alt-based equivalents.
   */
  browser: string
}

export const SHORTCUTS: readonly ShortcutDefinition[] = [
  { command: 'workspace-new', label: 'New workspace', desktop: 'Mod+N', browser: 'Alt+Shift+N' },
  { command: 'workspace-open', label: 'Open workspace', desktop: 'Mod+O', browser: 'Alt+Shift+O' },
  { command: 'workspace-close', label: 'Close workspace', desktop: 'Mod+W', browser: 'Alt+Shift+W' },
  { command: 'section-data', label: 'Go to Data', desktop: 'Mod+1', browser: 'Alt+1' },
  { command: 'section-discover', label: 'Go to Discover', desktop: 'Mod+2', browser: 'Alt+2' },
  { command: 'section-scorecards', label: 'Go to Scorecards', desktop: 'Mod+3', browser: 'Alt+3' },
  { command: 'section-simulate', label: 'Go to Simulate', desktop: 'Mod+4', browser: 'Alt+4' },
  { command: 'section-export', label: 'Go to Export', desktop: 'Mod+5', browser: 'Alt+5' },
  { command: 'show-shortcuts', label: 'Keyboard shortcuts', desktop: 'Mod+/', browser: 'Mod+/' },
  { command: 'show-about', label: 'About ICP Workbench', desktop: 'F1', browser: 'F1' }
]

export interface KeyLike {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** The physical key, independent of keyboard layout and of what Alt or Shift type on a Mac. */
function keyName(event: KeyLike): string {
  if (/^Key[A-Z]$/.test(event.code)) return event.code.slice(3)
  if (/^Digit[0-9]$/.test(event.code)) return event.code.slice(5)
  if (event.code === 'Slash') return '/'
  return event.key.length === 1 ? event.key.toUpperCase() : event.key
}

/** Normalises a key event to a combo string such as "Mod+Shift+N". */
export function comboOf(event: KeyLike, isMac: boolean): string {
  const mod = isMac ? event.metaKey : event.ctrlKey
  const parts: string[] = []
  if (mod) parts.push('Mod')
  if (isMac && event.ctrlKey) parts.push('Ctrl')
  if (event.altKey) parts.push('Alt')
  if (event.shiftKey) parts.push('Shift')
  parts.push(keyName(event))
  return parts.join('+')
}

export function matchShortcut(event: KeyLike, mode: ShortcutMode, isMac: boolean): AppCommand | null {
  const combo = comboOf(event, isMac)
  return SHORTCUTS.find((s) => s[mode] === combo)?.command ?? null
}

export function shortcutFor(command: AppCommand, mode: ShortcutMode): string | undefined {
  return SHORTCUTS.find((s) => s.command === command)?.[mode]
}

/** How a combo is shown to the user: "⌘N" on a Mac, "Ctrl+N" elsewhere. */
export function displayCombo(combo: string, isMac: boolean): string {
  if (!isMac) return combo.replace('Mod', 'Ctrl')
  const symbols: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' }
  return combo
    .split('+')
    .map((part) => symbols[part] ?? part)
    .join('')
}
