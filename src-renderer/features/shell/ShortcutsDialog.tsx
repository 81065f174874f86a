import { Dialog } from '../../components/Dialog'
import { Kbd } from '../../components/Kbd'
import { SHORTCUTS, type ShortcutMode } from './shortcuts'

export function ShortcutsDialog({ mode, onClose }: { mode: ShortcutMode; onClose(): void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      description={
        mode === 'browser' ? 'Browser mode uses Alt-based keys where the browser keeps Ctrl+N, Ctrl+W and Ctrl+1…9 for itself.' : undefined
      }
      onClose={onClose}
    >
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.command}>
              <th scope="row">{shortcut.label}</th>
              <td>
                <Kbd combo={shortcut[mode]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
