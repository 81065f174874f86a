import { describe, expect, it } from 'vitest'
import { comboOf, displayCombo, matchShortcut, SHORTCUTS, type KeyLike } from '../../src-renderer/features/shell/shortcuts'

function key(code: string, mods: Partial<KeyLike> = {}): KeyLike {
  const key = code.startsWith('Key') ? code.slice(3).toLowerCase() : code.startsWith('Digit') ? code.slice(5) : code
  return { key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }
}

describe('keyboard shortcuts', () => {
  it('uses Cmd on a Mac and Ctrl elsewhere for the desktop app', () => {
    expect(matchShortcut(key('KeyN', { ctrlKey: true }), 'desktop', false)).toBe('workspace-new')
    expect(matchShortcut(key('KeyN', { metaKey: true }), 'desktop', true)).toBe('workspace-new')
    expect(matchShortcut(key('KeyN', { ctrlKey: true }), 'desktop', true)).toBeNull()
    expect(matchShortcut(key('Digit3', { ctrlKey: true }), 'desktop', false)).toBe('section-scorecards')
    expect(matchShortcut(key('KeyW', { ctrlKey: true }), 'desktop', false)).toBe('workspace-close')
  })

  it('avoids the keys a browser keeps for itself in browser mode', () => {
    expect(matchShortcut(key('KeyN', { ctrlKey: true }), 'browser', false)).toBeNull()
    expect(matchShortcut(key('KeyN', { altKey: true, shiftKey: true }), 'browser', false)).toBe('workspace-new')
    expect(matchShortcut(key('Digit5', { altKey: true }), 'browser', false)).toBe('section-export')
    for (const s of SHORTCUTS) expect(s.browser).not.toMatch(/^Mod\+(N|W|T|[1-9])$/)
  })

  it('reads the physical key, so Option-modified letters on a Mac still match', () => {
    const event = { key: '˜', code: 'KeyN', ctrlKey: false, metaKey: false, altKey: true, shiftKey: true }
    expect(comboOf(event, true)).toBe('Alt+Shift+N')
  })

  it('has no two commands on the same keys', () => {
    for (const mode of ['desktop', 'browser'] as const) {
      const combos = SHORTCUTS.map((s) => s[mode])
      expect(new Set(combos).size).toBe(combos.length)
    }
  })

  it('shows combos the way each platform writes them', () => {
    expect(displayCombo('Mod+Shift+N', true)).toBe('⌘⇧N')
    expect(displayCombo('Mod+1', false)).toBe('Ctrl+1')
  })
})
