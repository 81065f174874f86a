import { contextBridge, ipcRenderer } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type IcpBridge } from '@shared/contract/bridge'
import type { EventName, Events } from '@shared/contract/events'

// The page gets exactly two functions on the app's own two channels; never ipcRenderer itself.
const bridge: IcpBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input),
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
    const handler = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as Events[E])
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
    }
  }
}

contextBridge.exposeInMainWorld('icp', bridge)
