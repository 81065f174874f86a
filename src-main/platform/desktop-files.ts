import { shell, type BrowserWindow } from 'electron'
import { AppError } from '../backend/app-error'
import type { DesktopFiles } from '../backend/export/desktop-files'
import { nativeSaveDialog } from './native-dialogs'

/** The desktop's Save dialog and shell for exported files, handed to the backend (which never imports electron). */
export function nativeDesktopFiles(window: () => BrowserWindow | null): DesktopFiles {
  return {
    chooseSavePath: nativeSaveDialog(window),
    async openPath(path) {
      // shell.openPath answers an error message rather than throwing.
      const problem = await shell.openPath(path)
      if (problem) throw new AppError('NOT_SUPPORTED', `The file could not be opened: ${problem}`, { path })
    },
    showInFolder(path) {
      shell.showItemInFolder(path)
    }
  }
}
