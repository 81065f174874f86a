import type { IcpBridge } from '@shared/contract/bridge'

declare global {
  interface Window {
    /** Present only inside the desktop app (exposed by the preload). */
    icp?: IcpBridge
  }
}
