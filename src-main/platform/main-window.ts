import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_NAME } from '@shared/app-info'
import type { AppOrigin } from './request-policy'

/** The one app window, with every web preference on its safe setting. */
export function createMainWindow(origin: AppOrigin, preloadPath: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: APP_NAME,
    icon: iconPath,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())
  if (origin.devServerUrl) void window.loadURL(origin.devServerUrl)
  else void window.loadFile(join(origin.rendererDir, 'index.html'))
  return window
}
