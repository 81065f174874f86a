/** Record ids in each CRM's own format, derived from the account index or deal number. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'

/**
 * An 18-character Salesforce id: key prefix (001 account, 006 opportunity, 00Q lead), pod "5g",
 * a reserved "0", a 9-digit base-62 counter, then the 3-character case-safe checksum Salesforce
 * appends (one character per 5-character chunk, encoding which of its letters are upper case).
 */
const COUNTER: Record<string, readonly [number, number]> = {
  '001': [1_700_000_000, 7919],
  '006': [2_400_000_000, 104_729],
  '00Q': [3_100_000_000, 6661]
}

export function salesforceId(prefix: '001' | '006' | '00Q', n: number): string {
  // Spread the counter so consecutive records look like a real org's, not 000000001, 000000002.
  const [base, step] = COUNTER[prefix] ?? [0, 1]
  let counter = base + n * step
  let digits = ''
  for (let i = 0; i < 9; i++) {
    digits = BASE62[counter % 62] + digits
    counter = Math.floor(counter / 62)
  }
  const id15 = `${prefix}5g0${digits}`
  let suffix = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0
    for (let i = 0; i < 5; i++) {
      const ch = id15.charCodeAt(chunk * 5 + i)
      if (ch >= 65 && ch <= 90) bits |= 1 << i
    }
    suffix += SUFFIX[bits]
  }
  return id15 + suffix
}

/** HubSpot record ids: long integers, companies and deals in their own ranges. */
export const hubspotCompanyId = (index: number): number => 6_100_000_000 + index * 53 + 17
export const hubspotDealId = (no: number): number => 14_800_000_000 + no * 97 + 41

/** Pipedrive ids: small sequential integers. */
export const pipedriveOrgId = (index: number): number => index + 1
export const pipedriveDealId = (no: number): number => 1000 + no

export const leadId = (index: number): number => 500_001 + index
