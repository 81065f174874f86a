import { ipcMain, type BrowserWindow } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EventName, type Events, type Result } from '@shared/contract'
import type { Dispatch } from '../backend/dispatch'
import { isAppUrl, type AppOrigin } from './request-policy'

/**
 * One invoke channel into the backend. Calls are answered only for the app's own top-level
 * page; a frame from anywhere else gets a coded refusal.
 */
export function registerIpcBridge(dispatch: Dispatch, origin: AppOrigin): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, origin)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Calls are accepted only from the ICP Workbench window.' } }
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'The method name must be a string.' } }
    }
    return dispatch(method, input)
  })
}

/** One event channel out to the window. */
export function sendEvent<E extends EventName>(window: BrowserWindow | null, event: E, payload: Events[E]): void {
  if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload)
}
