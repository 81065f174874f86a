import { buildRendererIfStale } from '../../../scripts/web-host-process'

/** Builds the renderer once (only when sources changed) before any browser test runs. */
export default function globalSetup(): void {
  buildRendererIfStale()
}
