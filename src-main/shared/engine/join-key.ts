import type { JoinSettings } from '../domain/import'

const WEB_PREFIX = /^(?:https?:\/\/)?(?:www\.)?/i
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu

/**
 * The form of an account key that deals and accounts are matched on. "normalized" forgives what
 * differs between two exports of the same CRM: case, spacing, punctuation ("Acme, Inc." and
 * "ACME Inc"), and web addresses written as URLs ("https://www.acme.com/" and "acme.com").
 */
export function joinKey(value: string, mode: JoinSettings['mode']): string {
  const trimmed = value.trim()
  if (mode === 'exact') return trimmed
  let key = trimmed.toLowerCase()
  if (/^(?:https?:\/\/|www\.)|^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/.*)?$/.test(key)) {
    key = key.replace(WEB_PREFIX, '').replace(/[/?#].*$/, '')
  }
  return key.replace(NOT_ALPHANUMERIC, '')
}
