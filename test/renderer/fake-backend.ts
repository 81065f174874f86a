import type { EventName, Events, Result } from '@shared/contract'
import { changesOf, type MethodName } from '@shared/contract'
import { setApi } from '../../src-renderer/api/api'
import { createApiClient } from '../../src-renderer/api/api-client'
import type { Transport } from '../../src-renderer/api/transport'

type Answer = (input: Record<string, unknown>) => unknown

/**
 * A backend in memory behind the real ApiClient: answers per method, a log of the calls, and a
 * `data-changed` event after each write the way dispatch sends it, which another tab's writes
 * can also trigger (`announce`).
 */
export function fakeBackend(answers: Partial<Record<MethodName, Answer>>) {
  const calls: Array<{ method: string; input: unknown }> = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const pending: Array<() => void> = []
  let held = false

  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  const transport: Transport = {
    kind: 'http',
    async invoke(method, input) {
      calls.push({ method, input })
      if (held) await new Promise<void>((resolve) => pending.push(resolve))
      const answer = answers[method as MethodName]
      if (!answer) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } } satisfies Result<unknown>
      const value = answer((input ?? {}) as Record<string, unknown>)
      const keys = changesOf(method as MethodName)
      if (keys.length > 0) emit('data-changed', { keys, method })
      return { ok: true, value }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    }
  }
  const client = createApiClient(transport)
  setApi(client)
  return {
    client,
    calls,
    /** Calls of one method so far. */
    count: (method: MethodName) => calls.filter((c) => c.method === method).length,
    /** Another window wrote: only the event arrives here. */
    announce: (keys: Events['data-changed']['keys'], method = 'elsewhere') => emit('data-changed', { keys, method }),
    /** Holds every answer until `release` (to see what the screen does while a call is out). */
    hold: () => void (held = true),
    release: () => {
      held = false
      for (const resolve of pending.splice(0)) resolve()
    }
  }
}
