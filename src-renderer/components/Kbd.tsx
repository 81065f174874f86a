import { displayCombo } from '../features/shell/shortcuts'
import { isMacPlatform } from '../features/shell/use-app-commands'

/** A keyboard shortcut as the user's platform writes it. */
export function Kbd({ combo }: { combo: string | undefined }) {
  if (!combo) return null
  return <kbd className="kbd">{displayCombo(combo, isMacPlatform())}</kbd>
}
