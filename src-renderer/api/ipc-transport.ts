import type { IcpBridge } from '@shared/contract/bridge'
import type { Transport } from './transport'

export function ipcTransport(bridge: IcpBridge): Transport {
  return {
    kind: 'ipc',
    invoke: (method, input) => bridge.invoke(method, input),
    on: (event, listener) => bridge.on(event, listener)
  }
}
