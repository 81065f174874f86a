import { describe, expect, it } from 'vitest'
import { COLUMN_ROLES, isSingleColumnRole, roleClash, type ColumnRole } from '@shared/domain/dataset'

describe('at most one column per role: the one rule the Data section, import-commit and dataset-set-column share', () => {
  it('every role but a trait or ignore is held by one column at most', () => {
    const many = COLUMN_ROLES.filter((role) => !isSingleColumnRole(role))
    expect(many).toEqual(['attribute', 'ignore'])
  })

  it('names the first clash, in column order', () => {
    const col = (name: string, role: ColumnRole) => ({ name, role })
    expect(roleClash([col('Industry', 'attribute'), col('Size', 'attribute'), col('Notes', 'ignore'), col('Old', 'ignore')])).toBeNull()
    expect(roleClash([col('Stage', 'outcome'), col('Id', 'account-id'), col('Result', 'outcome')])).toMatchObject({
      role: 'outcome',
      first: { name: 'Stage' },
      second: { name: 'Result' }
    })
    // A success metric is read by its role too: two LTV columns would be a silent pick.
    expect(roleClash([col('LTV', 'ltv'), col('LTV (old)', 'ltv')])?.role).toBe('ltv')
    expect(roleClash([col('Churned', 'churned'), col('Lost', 'churned')])?.role).toBe('churned')
  })
})
