import { describe, expect, it } from 'vitest'
import type { ColumnProfile, ColumnRole, ColumnType } from '@shared/domain/dataset'
import type { ImportPreview } from '@shared/domain/import'
import {
  carryOverEdits,
  draftFromPreview,
  draftOutcomeWords,
  withRole,
  type ImportDraft
} from '../../src-renderer/stores/import/import-draft'
import { kindChoices } from '../../src-renderer/features/data/data-labels'

const column = (index: number, name: string, role: ColumnRole, type: ColumnType = 'category'): ColumnProfile =>
  ({
    index,
    name,
    inferredType: type,
    type,
    role,
    category: role === 'attribute' ? 'Firmographic' : null,
    topValues: [],
    dateOrder: null
  }) as unknown as ColumnProfile

const preview = (stagingId: string, columns: ColumnProfile[]): ImportPreview =>
  ({ stagingId, columns, previewRows: [], suggestedKind: 'deals', outcomeMapping: [], cleanups: [] }) as unknown as ImportPreview

const draftOf = (p: ImportPreview): ImportDraft => draftFromPreview(p, { chosen: null, suggested: 'deals' }, 'replace')

describe('import draft: the consultant’s choices on a staged file, as plain functions', () => {
  it('a second column taking a single-column role releases the first (the domain’s one rule)', () => {
    const p = preview('s1', [column(0, 'Stage', 'outcome'), column(1, 'Result', 'attribute'), column(2, 'Industry', 'attribute')])
    let draft = withRole(draftOf(p), p, 1, 'outcome')
    expect(draft.columns.map((c) => c.role)).toEqual(['attribute', 'outcome', 'attribute'])
    // Traits may be held by any number of columns.
    draft = withRole(draft, p, 0, 'attribute')
    expect(draft.columns.filter((c) => c.role === 'attribute')).toHaveLength(2)
  })

  it('after a re-read, roles and types chosen for a column carry over by name; new columns keep their suggestion', () => {
    const before = preview('s1', [
      column(0, 'Stage', 'outcome'),
      column(1, 'Employees', 'attribute', 'number'),
      column(2, 'Notes', 'attribute', 'text')
    ])
    let chosen = draftOf(before)
    chosen = withRole(chosen, before, 2, 'ignore')
    chosen = {
      ...chosen,
      columns: chosen.columns.map((c) => (c.index === 1 ? { ...c, type: 'range' as const } : c)),
      mode: 'append',
      appendKey: 'Deal ID'
    }

    // Another header row: the same columns in another order, and one more.
    const after = preview('s2', [
      column(0, 'Region', 'attribute'),
      column(1, 'Notes', 'attribute', 'text'),
      column(2, 'Employees', 'attribute', 'number'),
      column(3, 'Stage', 'outcome')
    ])
    const carried = carryOverEdits({ preview: before, draft: chosen }, { preview: after, draft: draftOf(after) })
    expect(carried.draft.columns.map((c) => c.role)).toEqual(['attribute', 'ignore', 'attribute', 'outcome'])
    // The type is replayed against the new staging by the caller, at the column's new index.
    expect(carried.typeEdits).toEqual([{ index: 2, type: 'range', dateOrder: null }])
    expect(carried.draft).toMatchObject({ mode: 'append', appendKey: 'Deal ID' })
  })

  it('reads a churn flag whose yes is lost as a study of customers, and names the one-table choice so', () => {
    const churn = {
      ...preview('s1', [column(0, 'Churn', 'outcome'), column(1, 'Contract', 'attribute')]),
      outcomeMapping: [
        { value: 'No', count: 5174, outcome: 'won' },
        { value: 'Yes', count: 1869, outcome: 'lost' }
      ]
    } as unknown as ImportPreview
    const draft = draftOf(churn)
    expect(draftOutcomeWords(draft, churn).kind).toBe('retained')
    const flat = (d: ImportDraft, p: ImportPreview) => kindChoices(draftOutcomeWords(d, p)).find((c) => c.kind === 'flat')!
    expect(flat(draft, churn).label).toBe('One table of customers')
    // Turned round by the consultant (yes -> won), the app cannot tell "won" means "stayed".
    const turned = {
      ...draft,
      outcomes: draft.outcomes.map((o) => ({ ...o, outcome: o.value === 'Yes' ? ('won' as const) : ('lost' as const) }))
    }
    expect(flat(turned, churn).label).toBe('One table of deals with account columns')
    // A sale keeps its deals; so does a file without an outcome column.
    const sale = {
      ...preview('s2', [column(0, 'Stage', 'outcome')]),
      outcomeMapping: [
        { value: 'Closed Won', count: 10, outcome: 'won' },
        { value: 'Closed Lost', count: 20, outcome: 'lost' }
      ]
    } as unknown as ImportPreview
    expect(flat(draftOf(sale), sale).label).toBe('One table of deals with account columns')
    const none = preview('s3', [column(0, 'Industry', 'attribute')])
    expect(draftOutcomeWords(draftOf(none), none).kind).toBe('won')
  })
})
