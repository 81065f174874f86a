import type { ApiClient } from './api-client'

let client: ApiClient | null = null

/** Set once at start-up (main.tsx) after the transport is chosen. */
export function setApi(next: ApiClient): void {
  client = next
}

export function api(): ApiClient {
  if (!client) throw new Error('The API client is used before start-up chose a transport.')
  return client
}
