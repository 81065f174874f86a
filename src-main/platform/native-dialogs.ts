import { app, dialog, type BrowserWindow } from 'electron'
import { extname, join } from 'node:path'
import { WORKSPACE_EXTENSION } from '@shared/app-info'
import type { FileChooser } from '../backend/workspace/workspace-locations'

const filters = [{ name: 'ICP Workbench workspace', extensions: [WORKSPACE_EXTENSION.slice(1)] }]

/** The desktop's file chooser: native Save and Open dialogs attached to the main window. */
export function nativeFileChooser(window: () => BrowserWindow | null): FileChooser {
  return async (purpose, suggestedName) => {
    const parent = window()
    if (purpose === 'create') {
      const options = {
        title: 'Create workspace',
        buttonLabel: 'Create',
        defaultPath: join(app.getPath('documents'), `${suggestedName ?? 'Workspace'}${WORKSPACE_EXTENSION}`),
        filters,
        properties: ['createDirectory' as const]
      }
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    }
    const options = { title: 'Open workspace', filters, properties: ['openFile' as const] }
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
}

/** The native Save dialog for an exported file, suggesting `fileName` in the Documents folder. */
export function nativeSaveDialog(window: () => BrowserWindow | null): (fileName: string) => Promise<string | null> {
  return async (fileName) => {
    const extension = extname(fileName).slice(1)
    const options = {
      title: 'Save export',
      defaultPath: join(app.getPath('documents'), fileName),
      filters: extension ? [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }] : [],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const]
    }
    const parent = window()
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
}
