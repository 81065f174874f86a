import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64, fromWire, methods, toWire } from '@shared/contract'
import { bareCondition, conditionsOf } from '@shared/engine/simulation/simulation-pack'
import { handlers } from '../../src-main/backend/handlers'

describe('the API contract', () => {
  it('has exactly one handler per method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(methods).sort())
  })

  it('names every method noun-verb in kebab case', () => {
    for (const name of Object.keys(methods)) expect(name).toMatch(/^[a-z]+(-[a-z]+)+$/)
  })

  it('rejects unknown fields and wrong types at the boundary', () => {
    expect(methods['workspace-open'].input.safeParse({ path: '/x.icpw' }).success).toBe(true)
    expect(methods['workspace-open'].input.safeParse({ path: '' }).success).toBe(false)
    expect(methods['workspace-open'].input.safeParse({ path: 42 }).success).toBe(false)
    expect(methods['workspace-open'].input.safeParse({ path: '/x', extra: 1 }).success).toBe(false)
    expect(methods['workspace-create'].input.safeParse({ name: '   ', path: 'a' }).success).toBe(false)
    expect(methods['workspace-create'].input.safeParse({ name: 'x'.repeat(121), path: 'a' }).success).toBe(false)
    expect(methods['workspace-set-section'].input.safeParse({ section: 'reports' }).success).toBe(false)
  })

  it('trims workspace names before handlers see them', () => {
    const parsed = methods['workspace-create'].input.parse({ name: '  Acme  ', path: 'a.icpw' })
    expect(parsed.name).toBe('Acme')
  })
})

describe('the HTTP wire format', () => {
  it('round-trips file bytes inside results', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128, 7])
    const decoded = fromWire(toWire({ ok: true, value: { name: 'a.csv', bytes } })) as {
      value: { bytes: Uint8Array }
    }
    expect(decoded.value.bytes).toBeInstanceOf(Uint8Array)
    expect([...decoded.value.bytes]).toEqual([...bytes])
  })

  it('encodes base64 exactly as Node does, for every length remainder', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) % 256)
      const ours = bytesToBase64(bytes)
      expect(ours).toBe(Buffer.from(bytes).toString('base64'))
      expect([...base64ToBytes(ours)]).toEqual([...bytes])
    }
  })

  it('leaves ordinary objects alone', () => {
    const value = { a: [1, 2], b: { c: 'd' }, $bytes: 3 }
    expect(fromWire(toWire(value))).toEqual(value)
  })
})

describe('simulate-masks accepts the conditions the what-if store sends', () => {
  it('criteria and knockouts stripped to bare conditions pass the strict schema; whole criteria do not', () => {
    const scorecard = {
      name: 'Core ICP',
      categories: [{ name: 'Firmographic', budget: 100 }],
      criteria: [
        { id: 'c1', category: 'Firmographic', attribute: 'Industry', op: 'in' as const, values: ['SaaS'], points: 5, label: 'SaaS' },
        { id: 'c2', category: 'Firmographic', attribute: 'Employees', op: 'between' as const, min: 50, max: null, points: 3 }
      ],
      knockouts: [{ name: 'Students', attribute: 'Segment', op: 'in' as const, values: ['Education'] }],
      tiers: [{ name: 'A', min: 80 }]
    }
    const schema = methods['simulate-masks'].input
    expect(schema.safeParse({ dataVersion: 'v1', conditions: conditionsOf(scorecard).map(bareCondition) }).success).toBe(true)
    expect(schema.safeParse({ dataVersion: 'v1', conditions: conditionsOf(scorecard) }).success).toBe(false)
  })
})
