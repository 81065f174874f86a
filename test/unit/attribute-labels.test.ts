import { describe, expect, it } from 'vitest'
import type { DatasetSummary } from '@shared/domain/import'
import { attributeLabels } from '../../src-renderer/features/data/attribute-label-lookup'

const column = (name: string, label: string) => ({ name, label }) as DatasetSummary['tables'][number]['columns'][number]

describe('attribute labels on screens', () => {
  it('reads each attribute by its column label, the account copy of a shared name with its suffix', () => {
    const summary = {
      tables: [
        { kind: 'deals', columns: [column('industry', 'Industry'), column('lead_src', 'Lead source')] },
        { kind: 'accounts', columns: [column('industry', 'Sector'), column('hq_country', 'HQ country')] }
      ]
    } as unknown as DatasetSummary
    const label = attributeLabels(summary)
    expect(label('lead_src')).toBe('Lead source')
    expect(label('industry')).toBe('Industry')
    expect(label('industry (account)')).toBe('Sector (account)')
    expect(label('hq_country')).toBe('HQ country')
    expect(label('unknown column')).toBe('unknown column')
    expect(attributeLabels(null)('x')).toBe('x')
  })
})
