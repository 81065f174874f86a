import type { EventName, Events, Result } from '@shared/contract'
import { fromWire, toWire } from '@shared/contract/wire'
import type { Transport } from './transport'

/**
 * Browser mode: POST /api/<method> with the start token, and one server-sent event stream for
 * pushes. A network failure becomes a coded error like any other.
 */
export function httpTransport(token: string): Transport {
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  const stream = (): EventSource => {
    if (!source) source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    return source
  }

  return {
    kind: 'http',
    async invoke(method, input) {
      let response: Response
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-ICP-Token': token },
          body: toWire(input ?? {})
        })
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Lost contact with the ICP Workbench host. Is `npm run web` still running?' }
        }
      }
      try {
        return fromWire(await response.text()) as Result<unknown>
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `The host answered ${response.status} with an unreadable response.` } }
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(event)
      if (!set) {
        const created = new Set<(payload: unknown) => void>()
        listeners.set(event, created)
        stream().addEventListener(event, (message) => {
          const payload = fromWire((message as MessageEvent<string>).data)
          for (const l of created) l(payload)
        })
        set = created
      }
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => {
        set.delete(wrapped)
      }
    }
  }
}

/** The token from the start URL; kept for the tab's lifetime so a reload still works. */
export function tokenFromLocation(location: Location, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    storage.setItem('icp-token', fromUrl)
    return fromUrl
  }
  return storage.getItem('icp-token')
}
