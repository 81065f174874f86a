import { create } from 'zustand'

export type DialogId = 'new-workspace' | 'open-workspace' | 'about' | 'shortcuts'

interface UiState {
  dialog: DialogId | null
  openDialog(dialog: DialogId): void
  closeDialog(): void
}

/** Which modal is showing; one at a time. */
export const useUiStore = create<UiState>((set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null })
}))
