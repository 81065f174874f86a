import { create } from 'zustand'
import {
  applyResolvedTheme,
  onSystemThemeChange,
  readThemePreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  writeThemePreference,
  type ResolvedTheme,
  type ThemePreference
} from '../theme/theme'

export type DialogId = 'new-workspace' | 'open-workspace' | 'about' | 'shortcuts'

interface UiState {
  dialog: DialogId | null
  openDialog(dialog: DialogId): void
  closeDialog(): void
  /** What the user chose: follow the operating system, or always light or dark. */
  theme: ThemePreference
  /** What is showing (the `data-theme` on <html>). */
  resolvedTheme: ResolvedTheme
  setTheme(theme: ThemePreference): void
}

const initialTheme = readThemePreference()

/** Which modal is showing (one at a time) and the colour theme. */
export const useUiStore = create<UiState>((set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  theme: initialTheme,
  resolvedTheme: resolveTheme(initialTheme),
  setTheme: (theme) => {
    writeThemePreference(theme)
    const resolvedTheme = resolveTheme(theme)
    applyResolvedTheme(resolvedTheme)
    set({ theme, resolvedTheme })
  }
}))

/**
 * Puts the stored theme on <html> (call before the first render, so there is no flash) and
 * follows the operating system while the preference is System, and other windows' choices.
 */
export function startTheme(): () => void {
  applyResolvedTheme(useUiStore.getState().resolvedTheme)
  const offSystem = onSystemThemeChange((resolvedTheme) => {
    if (useUiStore.getState().theme !== 'system') return
    applyResolvedTheme(resolvedTheme)
    useUiStore.setState({ resolvedTheme })
  })
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== null && event.key !== THEME_STORAGE_KEY) return
    const theme = readThemePreference()
    const resolvedTheme = resolveTheme(theme)
    applyResolvedTheme(resolvedTheme)
    useUiStore.setState({ theme, resolvedTheme })
  }
  window.addEventListener('storage', onStorage)
  return () => {
    offSystem()
    window.removeEventListener('storage', onStorage)
  }
}
